package dev.halab.cli;

import dev.halab.core.exercise.Exercise;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code halab exercise} promises before it touches a host: its options and answers. */
class ExerciseCommandTest {

    /** --yes skips confirmations only; a host key seen for the first time needs --trust-new-host-keys. */
    @Test
    void yesDoesNotClaimToTrustNewHostKeys() {
        String annotated = String.join(" ", new CommandLine(new ExerciseCommand()).getCommandSpec().findOption("--yes").description());
        assertThat(annotated).contains("--trust-new-host-keys").doesNotContainIgnoringCase("trust host keys seen");
        for (String lang : new String[] {"en", "zh"}) {
            CommandLine cli = HalabCommand.commandLine();
            StringWriter out = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            cli.execute("--lang", lang, "exercise", "--help");
            String help = out.toString();
            String yesOption = help.substring(help.indexOf("--yes")).replaceAll("\\s+", " ");
            assertThat(yesOption.substring(0, Math.min(yesOption.length(), 120))).as(lang).contains("--trust-new-host-keys");
        }
    }

    @Test
    void anAnswerIsANumberOrAName() {
        assertThat(ExerciseCommand.choice("1")).contains(Exercise.values()[0]);
        assertThat(ExerciseCommand.choice(" vrid-clash ")).contains(Exercise.VRID_CLASH);
        assertThat(ExerciseCommand.choice("0")).isEmpty();
        assertThat(ExerciseCommand.choice(String.valueOf(Exercise.values().length + 1))).isEmpty();
        assertThat(ExerciseCommand.choice("firewall")).isEmpty();
    }
}
