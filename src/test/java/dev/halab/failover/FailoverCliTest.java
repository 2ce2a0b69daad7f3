package dev.halab.failover;

import dev.halab.cli.HalabCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input to monitor / failover / restore / scenario: exit 2, a clear message, no connection made. */
class FailoverCliTest {

    private record Run(int exitCode, String err) { }

    private static Run run(String... args) {
        CommandLine cli = HalabCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return new Run(cli.execute(args), err.toString());
    }

    @Test
    void unknownScenarioIsRefused() {
        Run run = run("--lang", "en", "scenario", "bogus", "--profile", "local-lab");
        assertThat(run.exitCode()).isEqualTo(HalabCommand.EXIT_INVALID);
        assertThat(run.err()).contains("preempt|nopreempt|nginx|dual-master", "bogus");
    }

    @Test
    void scenarioThatDoesNotFitTheProfileSaysWhichProfileFits() {
        Run run = run("--lang", "en", "scenario", "nopreempt", "--profile", "local-lab");
        assertThat(run.exitCode()).isEqualTo(HalabCommand.EXIT_INVALID);
        assertThat(run.err()).contains("does not fit", "local-lab-nopreempt");
        Run zh = run("--lang", "zh", "scenario", "dual-master", "--profile", "local-lab");
        assertThat(zh.err()).contains("不适用", "local-lab-dual-master");
    }

    @Test
    void unknownNodeAndMethodAreRefused() {
        Run node = run("--lang", "en", "failover", "--profile", "local-lab", "--node", "nginx9", "--how", "kill");
        assertThat(node.exitCode()).isEqualTo(HalabCommand.EXIT_INVALID);
        assertThat(node.err()).contains("nginx9", "nginx1, nginx2");
        Run tomcat = run("--lang", "en", "restore", "--profile", "local-lab", "--node", "tomcat1");
        assertThat(tomcat.exitCode()).isEqualTo(HalabCommand.EXIT_INVALID);
        Run how = run("--lang", "en", "failover", "--profile", "local-lab", "--node", "master", "--how", "explode");
        assertThat(how.exitCode()).isEqualTo(HalabCommand.EXIT_INVALID);
        assertThat(how.err()).contains("stop|kill|nginx|net|power", "explode");
    }

    @Test
    void powerNeedsTheLocalLab() {
        Run run = run("--lang", "en", "failover", "--profile", "tutorial", "--node", "master", "--how", "power");
        assertThat(run.exitCode()).isEqualTo(HalabCommand.EXIT_INVALID);
        assertThat(run.err()).contains("local lab");
    }

    @Test
    void monitorRefusesATooShortInterval() {
        Run run = run("--lang", "en", "monitor", "--profile", "local-lab", "--interval", "1");
        assertThat(run.exitCode()).isEqualTo(HalabCommand.EXIT_INVALID);
        assertThat(run.err()).contains("--interval");
    }
}
