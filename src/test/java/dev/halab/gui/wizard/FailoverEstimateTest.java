package dev.halab.gui.wizard;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class FailoverEstimateTest {

    @Test
    void tutorialSettingsGiveThreeSecondsAndAFewHundredthsOnAGracefulStop() {
        // VRRPv2, advert 1 s, backup priority 240: 3 x 1 + (256 - 240) / 256 = 3.0625 s
        FailoverEstimate e = FailoverEstimate.of(2, BigDecimal.ONE, 240);
        assertThat(e.silentDeath()).isEqualByComparingTo("3.06");
        assertThat(e.gracefulStop()).isEqualByComparingTo("0.063");
    }

    @Test
    void vrrp3ScalesTheSkewByTheInterval() {
        // 3 x 0.1 + 0.0625 x 0.1 = 0.30625 s
        FailoverEstimate e = FailoverEstimate.of(3, new BigDecimal("0.1"), 240);
        assertThat(e.silentDeath()).isEqualByComparingTo("0.306");
        assertThat(e.gracefulStop()).isEqualByComparingTo("0.006");
    }

    @Test
    void vrrp2RoundsAFractionalIntervalToWholeSeconds() {
        assertThat(FailoverEstimate.of(2, new BigDecimal("0.1"), 240).silentDeath()).isEqualByComparingTo("3.06");
    }
}
