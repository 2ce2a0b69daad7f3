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
        assertThat(FailoverTiming.floor(ChaosAction.NGINX, v2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(FailoverTiming.ceiling(ChaosAction.NGINX, v2)).isGreaterThan(FailoverTiming.ceiling(ChaosAction.KILL, v2));
    }

    @Test
    void priorityOutsideTheVrrpRangeIsRefused() {
        assertThatThrownBy(() -> FailoverTiming.skewTime(2, BigDecimal.ONE, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FailoverTiming.skewTime(2, BigDecimal.ONE, 256)).isInstanceOf(IllegalArgumentException.class);
    }
}
