package dev.halab.core.verify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerifierLogicTest {
    @Test
    void theVipIsFoundInIpAddrOutputWhateverItsPrefix() {
        String out = "2: eth0    inet 192.168.224.101/24 brd 192.168.224.255 scope global eth0\\       valid_lft forever\n"
                + "2: eth0    inet 192.168.224.150/32 scope global eth0\\       valid_lft forever\n";
        assertThat(Verifier.holdsAddress(out, "192.168.224.150")).isTrue();
        assertThat(Verifier.holdsAddress(out, "192.168.224.15")).isFalse();
        assertThat(Verifier.holdsAddress(out, "192.168.224.102")).isFalse();
    }

    @Test
    void equalWeightsMustAlternate() {
        assertThat(Verifier.alternates(List.of("a", "b", "a", "b"), 2)).isTrue();
        assertThat(Verifier.alternates(List.of("a", "a", "b", "b"), 2)).as("two workers, each round robin").isTrue();
        assertThat(Verifier.alternates(List.of("a", "a", "a", "b"), 2)).isFalse();
        assertThat(Verifier.alternates(List.of("a", "a"), 1)).isTrue();
    }

    @Test
    void aPassedVerifyReadsAsSentencesNotAJavaList() {
        var checks = List.of(new VerifyReport.Check(true, dev.halab.core.step.StepTexts.text("verify.summary.failed", 0)),
                new VerifyReport.Check(true, dev.halab.core.step.StepTexts.text("verify.summary.failed", 1)));
        String en = Verifier.passedSummary(checks).render(java.util.Locale.ENGLISH);
        assertThat(en).isEqualTo("verify passed: verify FAILED: 0 check(s) failed; verify FAILED: 1 check(s) failed");
        assertThat(en).doesNotContain("[").doesNotContain("]");
        assertThat(Verifier.passedSummary(checks).render(java.util.Locale.SIMPLIFIED_CHINESE)).startsWith("验证通过：").contains("；");
    }
}
