package dev.halab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** No stack trace on the terminal: one line and exit 1 for a failure, a hint and exit 2 for a usage error. */
class CliFailuresTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Stands for any bug: a command that fails with an exception nobody expected. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        static String marker;

        @Override
        public Integer call() {
            throw new IllegalStateException("disk says " + marker, new java.io.IOException("inner\nsecond line"));
        }
    }

    private int halab(CommandLine cli, String... args) {
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int halab(String... args) {
        return halab(HalabCommand.commandLine(), args);
    }

    @Test
    void anUnexpectedErrorIsOneLineWithExitOneAndItsTraceGoesToTheLogFile() throws Exception {
        Boom.marker = UUID.randomUUID().toString();
        CommandLine cli = HalabCommand.commandLine().addSubcommand(new Boom());

        int exit = halab(cli, "--lang", "en", "boom");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .startsWith("ERROR HA Lab stopped on an unexpected error (IOException: inner second line)")
                .contains(CliFailures.logFile().orElseThrow());
        assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception in");
        String log = Files.readString(Path.of(CliFailures.logFile().orElseThrow()));
        assertThat(log).contains("disk says " + Boom.marker).contains("at dev.halab.cli.CliFailuresTest$Boom.call");
    }

    @Test
    void theUnexpectedErrorLineIsInChineseToo() {
        Boom.marker = "zh";
        int exit = halab(HalabCommand.commandLine().addSubcommand(new Boom()), "--lang", "zh", "boom");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().lines().toList()).singleElement().asString().startsWith("错误 HA Lab 遇到意外错误而停止");
    }

    @Test
    void aMissingOptionIsAUsageErrorWithAHintAndExitTwo() {
        int exit = halab("validate", "--lang", "en");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("ERROR Missing required option: '--profile=NAME_OR_FILE'")
                .contains("Run \"halab validate --help\" for the options").doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMistypedCommandGetsASuggestionAndExitTwo() {
        int exit = halab("--lang", "zh", "valdiate");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("错误 ").contains("validate").contains("运行“halab --help”");
    }

    @Test
    void renderRefusesAnOutputFolderThatIsASymbolicLink(@TempDir Path dir) throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("out"), elsewhere);

        int exit = halab("render", "--lang", "en", "--profile", "tutorial", "--out", link.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(link + " is a symbolic link");
        try (var files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void renderRefusesALinkPlantedInsideTheOutputFolderAndWritesNothing(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Path victim = Files.createDirectory(dir.resolve("victim"));
        Files.createSymbolicLink(out.resolve("nginx2"), victim);

        int exit = halab("render", "--lang", "en", "--profile", "tutorial", "--out", out.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(out.resolve("nginx2") + " is a symbolic link");
        try (var files = Files.list(victim)) {
            assertThat(files).isEmpty();
        }
        try (var files = Files.list(out)) {
            assertThat(files).containsExactly(out.resolve("nginx2"));
        }
    }

    @Test
    void scenarioChecksItsJsonPathBeforeAnythingElse(@TempDir Path dir) throws Exception {
        // --how power on a non-lab profile would be refused next, before connecting: no traffic either way.
        Path missingFolder = dir.resolve("no-such-folder").resolve("report.json");
        assertThat(halab("scenario", "preempt", "--lang", "en", "--profile", "tutorial", "--how", "power",
                "--json", missingFolder.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("The folder " + missingFolder.getParent() + " does not exist");

        Path link = Files.createSymbolicLink(dir.resolve("report.json"), dir.resolve("target.json"));
        err.getBuffer().setLength(0);
        assertThat(halab("scenario", "preempt", "--lang", "en", "--profile", "tutorial", "--how", "power",
                "--json", link.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(link + " is a symbolic link");
        assertThat(dir.resolve("target.json")).doesNotExist();
    }
}
