package dev.halab.core.failover;

import dev.halab.core.topology.CheckScript;
import dev.halab.core.topology.VrrpSettings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailoverTimingTest {

    @Test
    void vrrpV2SkewIsAFractionOfASecond() {
        // (256 - 240) / 256 = 0.0625 s, whatever the advert interval
        assertThat(FailoverTiming.skewTime(2, BigDecimal.ONE, 240)).isEqualTo(Duration.ofNanos(62_500_000));
        assertThat(FailoverTiming.skewTime(2, new BigDecimal("3"), 240)).isEqualTo(Duration.ofNanos(62_500_000));
    }

    @Test
    void vrrpV3SkewScalesWithTheAdvertInterval() {
        assertThat(FailoverTiming.skewTime(3, new BigDecimal("0.1"), 240)).isEqualTo(Duration.ofNanos(6_250_000));
    }

    @Test
    void masterDownIntervalIsThreeAdvertsPlusSkew() {
        assertThat(FailoverTiming.masterDownInterval(2, BigDecimal.ONE, 240)).isEqualTo(Duration.ofNanos(3_062_500_000L));
        assertThat(FailoverTiming.masterDownInterval(3, new BigDecimal("0.1"), 240)).isEqualTo(Duration.ofNanos(306_250_000L));
        assertThat(FailoverTiming.masterDownInterval(2, BigDecimal.ONE, 100)).isEqualTo(Duration.ofNanos(3_609_375_000L));
    }

    @Test
    void vrrpV2RoundsSubSecondIntervalsLikeKeepalived() {
        assertThat(FailoverTiming.effectiveAdvert(2, new BigDecimal("0.1"))).isEqualByComparingTo("1");
        assertThat(FailoverTiming.masterDownInterval(2, new BigDecimal("0.1"), 240)).isEqualTo(Duration.ofNanos(3_062_500_000L));
    }

    @Test
    void floorDependsOnTheKillMethod() {
        VrrpSettings v2 = new VrrpSettings(2, BigDecimal.ONE, true, false, 250, 240, null, new CheckScript(2, -20), List.of());
        assertThat(FailoverTiming.floor(ChaosAction.STOP, v2)).isEqualTo(Duration.ofNanos(62_500_000));
        assertThat(FailoverTiming.floor(ChaosAction.KILL, v2)).isEqualTo(Duration.ofNanos(3_062_500_000L));
        assertThat(FailoverTiming.floor(ChaosAction.POWER, v2)).isEqualTo(FailoverTiming.floor(ChaosAction.KILL, v2));
        // fall 2 x interval 2 s: one more failed check (2 s), then the backup's master-down timer runs out
        assertThat(FailoverTiming.floor(ChaosAction.NGINX, v2)).isEqualTo(Duration.ofNanos(5_062_500_000L));
        assertThat(FailoverTiming.ceiling(ChaosAction.NGINX, v2)).isGreaterThan(FailoverTiming.ceiling(ChaosAction.KILL, v2));
    }

    @Test
    void aSplitBrainIsAlertedWithinFiveSecondsOnTheLabProfiles() throws Exception {
        // The isolated backup needs the master-down interval to become MASTER; the alert then waits its grace.
        for (String profile : List.of("local-lab", "local-lab-fast", "local-lab-dual-master", "tutorial")) {
            var topology = dev.halab.core.profile.ProfileLoader.load(profile);
            var vrrp = topology.vrrp();
            Duration worst = FailoverTiming.masterDownInterval(vrrp.version(), vrrp.advertInterval(), vrrp.backupPriority())
                    .plus(AlertPolicy.of(topology).splitBrainGrace());
            assertThat(worst).as(profile).isLessThan(Duration.ofMillis(4500));
            assertThat(AlertPolicy.of(topology).splitBrainGrace()).as(profile).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        }
    }

    @Test
    void priorityOutsideTheVrrpRangeIsRefused() {
        assertThatThrownBy(() -> FailoverTiming.skewTime(2, BigDecimal.ONE, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FailoverTiming.skewTime(2, BigDecimal.ONE, 256)).isInstanceOf(IllegalArgumentException.class);
    }
}
