package dev.halab.cli;

import dev.halab.core.i18n.Bundles;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.lab.LabProgress;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language belongs to a command line, not to the JVM: two command lines built in different
 * languages speak each their own, and {@code --lang} on one leaves the other as it was.
 */
class CliLanguageTest {
    private static final String HAN = "\\p{IsHan}";

    private record Ran(int exit, String out, String err) {
    }

    private static Ran run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Ran(exit, out.toString(), err.toString());
    }

    @Test
    void twoCommandLinesInOneJvmEachSpeakTheLanguageTheyWereBuiltWith() {
        CommandLine english = HalabCommand.commandLine(Locale.ENGLISH);
        CommandLine chinese = HalabCommand.commandLine(Bundles.CHINESE);

        Ran zh = run(chinese, "validate", "--profile", "tutorial");
        Ran en = run(english, "validate", "--profile", "tutorial");
        Ran zhAgain = run(chinese, "validate", "--profile", "tutorail");

        assertThat(en.exit()).isZero();
        assertThat(en.out()).contains("has no errors").doesNotContainPattern(HAN);
        assertThat(zh.exit()).isZero();
        assertThat(zh.out()).containsPattern(HAN).doesNotContain("has no errors");
        assertThat(zhAgain.exit()).isEqualTo(HalabCommand.EXIT_INVALID);
        assertThat(zhAgain.err()).startsWith("错误");
    }

    @Test
    void langChangesOnlyTheCommandLineItIsGivenTo() {
        CommandLine switched = HalabCommand.commandLine(Locale.ENGLISH);
        CommandLine other = HalabCommand.commandLine(Locale.ENGLISH);

        assertThat(run(switched, "--lang", "zh", "validate", "--profile", "tutorial").out()).containsPattern(HAN);
        assertThat(run(other, "validate", "--profile", "tutorial").out()).contains("has no errors").doesNotContainPattern(HAN);
        assertThat(run(HalabCommand.commandLine(Locale.ENGLISH), "--help").out()).startsWith("Usage: halab");
    }

    @Test
    void labProgressIsPrintedInTheLanguageOfTheCommandLineNotTheOneCurrentWhenItWasMade() {
        LocalizedText ready = LocalizedText.of("lab", "progress.ready", 4, "192.168.224.0/24");
        StringWriter zh = new StringWriter();
        StringWriter en = new StringWriter();
        LabProgress chinese = LabUpCommand.printer(new PrintWriter(zh), false, new CliText(Bundles.CHINESE));
        LabProgress english = LabUpCommand.printer(new PrintWriter(en), false, new CliText(Locale.ENGLISH));

        chinese.step(ready);
        english.step(ready);

        assertThat(en.toString()).isEqualTo("Lab up: 4 hosts on 192.168.224.0/24." + System.lineSeparator());
        assertThat(zh.toString()).containsPattern(HAN).contains("192.168.224.0/24").doesNotContain("Lab up");
    }
}
