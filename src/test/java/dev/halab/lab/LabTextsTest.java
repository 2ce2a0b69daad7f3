package dev.halab.lab;

import dev.halab.core.i18n.Bundles;
import dev.halab.core.i18n.LocalizedText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab's progress lines and its list of missing prerequisites are text as data: made once, they
 * read in whichever language the front end that shows them speaks.
 */
class LabTextsTest {
    private static final String HAN = "\\p{IsHan}";

    @Test
    void aProgressStepMadeOnceRendersInEachLanguage() {
        LocalizedText step = LabMessages.text("progress.boot", "nginx1, nginx2");

        assertThat(step.render(Locale.ENGLISH)).isEqualTo("Booting nginx1, nginx2...");
        assertThat(step.render(Bundles.CHINESE)).containsPattern(HAN).contains("nginx1, nginx2").doesNotContain("Booting");
    }

    @Test
    void missingPrerequisitesAreOneLineEachInTheLanguageShown() {
        LocalizedText problems = LabMessages.text("error.prerequisites", LabMessages.lines(List.of(
                LabMessages.text("prereq.notRoot"), LabMessages.text("prereq.missingTool", "nft", "nftables"))));

        List<String> english = problems.render(Locale.ENGLISH).lines().toList();
        List<String> chinese = problems.render(Bundles.CHINESE).lines().toList();

        assertThat(english).hasSize(2);
        assertThat(english.get(0)).startsWith("The local lab needs root");
        assertThat(english.get(1)).isEqualTo("Missing tool nft: install it with \"apt-get install nftables\".");
        assertThat(chinese).hasSize(2).allMatch(line -> line.matches(".*" + HAN + ".*"));
        assertThat(chinese.get(1)).contains("nft", "apt-get install nftables");
    }
}
