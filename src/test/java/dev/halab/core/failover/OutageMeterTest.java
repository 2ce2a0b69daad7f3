package dev.halab.core.failover;

import dev.halab.core.failover.MonitorEvent.ChaosApplied;
import dev.halab.core.failover.MonitorEvent.OutageMeasured;
import dev.halab.core.failover.MonitorEvent.ProbeResult;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.topology.Topology;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outage of a fault whose time comes from the victim's clock: moved onto the controller's
 * clock by the estimated offset, and shown with that offset's uncertainty in the one outage text
 * the CLI, the GUI and the reports use.
 */
class OutageMeterTest {
    private static final String VIP = "192.168.224.150";
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    /** nginx1's clock runs this far ahead of the controller's. */
    private static final Duration AHEAD = Duration.ofMillis(1_500);

    private Topology topology;
    private OutageMeter meter;

    @BeforeEach
    void lab() throws Exception {
        topology = ProfileLoader.load("local-lab");
        meter = new OutageMeter(topology);
        // Probes every 100 ms on the controller's clock: NGINX-1 until 1.0 s, refused until 2.2 s, then NGINX-2.
        for (int ms = 0; ms <= 3_000; ms += 100) {
            String server = ms < 1_000 ? "NGINX-1" : ms < 2_200 ? null : "NGINX-2";
            meter.accept(new ProbeResult(T0.plusMillis(ms), T0.plusMillis(ms + 5), VIP, Duration.ofMillis(5),
                    server == null ? 0 : 200, server, null, server == null ? "connection refused" : null));
        }
    }

    @Test
    void theFaultIsMovedOntoTheControllersClockAndTheUncertaintyIsShown() {
        meter.clockOffset("nginx1", new ClockOffset(AHEAD, Duration.ofMillis(12)));
        // The fault at 1.0 s on the controller's clock is 2.5 s on nginx1's.
        Outage outage = outageOf(fault(T0.plusMillis(1_000).plus(AHEAD), ChaosAction.STOP));

        assertThat(outage.faultAt()).isEqualTo(T0.plusMillis(1_000));
        assertThat(outage.measured()).isEqualTo(Duration.ofMillis(1_200));
        assertThat(outage.clockOffset()).isEqualTo(AHEAD);
        assertThat(outage.uncertainty()).isEqualTo(Duration.ofMillis(12));
        assertThat(render(outage.text(), Locale.ENGLISH)).startsWith("1.200 s ± 0.012 s (host clock offset) measured vs ");
        assertThat(render(outage.text(), Locale.SIMPLIFIED_CHINESE)).startsWith("实测 1.200 秒 ± 0.012 秒（主机时钟偏差），VRRP 定时器给出 ");
    }

    @Test
    void withoutTheOffsetTheFaultWouldSeemToComeAfterTheTakeover() {
        // Uncorrected, the fault is at 2.5 s, when NGINX-2 already answers: no outage of nginx1 is measured.
        assertThat(meter.accept(fault(T0.plusMillis(1_000).plus(AHEAD), ChaosAction.STOP))).isEmpty();
    }

    @Test
    void aPowerSwitchRunsOnTheControllerAndNeedsNoCorrection() {
        meter.clockOffset("nginx1", new ClockOffset(AHEAD, Duration.ofMillis(12)));
        Outage outage = outageOf(fault(T0.plusMillis(1_000), ChaosAction.POWER));
        assertThat(outage.faultAt()).isEqualTo(T0.plusMillis(1_000));
        assertThat(outage.uncertainty()).isNull();
        assertThat(render(outage.text(), Locale.ENGLISH)).startsWith("1.200 s measured vs ");
    }

    private ChaosApplied fault(Instant hostTime, ChaosAction action) {
        return new ChaosApplied(hostTime, T0.plusMillis(1_050), "nginx1", action, false, LocalizedText.of("failover", "chaos.stop.done", "nginx1"));
    }

    /** Feeds the fault after the probes (as the monitor does when the chaos command answers) and returns the outage. */
    private Outage outageOf(ChaosApplied fault) {
        List<MonitorEvent> events = new ArrayList<>(meter.accept(fault));
        // A later probe completes an outage that the probes so far did not.
        events.addAll(meter.accept(new ProbeResult(T0.plusMillis(3_100), T0.plusMillis(3_105), VIP, Duration.ofMillis(5),
                200, "NGINX-2", null, null)));
        assertThat(events).hasSize(1);
        return ((OutageMeasured) events.get(0)).outage();
    }

    private static String render(LocalizedText text, Locale locale) {
        return text.render(locale);
    }
}
