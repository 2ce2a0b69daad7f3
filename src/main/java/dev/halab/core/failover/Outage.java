package dev.halab.core.failover;

import dev.halab.core.failover.MonitorEvent.ProbeResult;
import dev.halab.core.i18n.LocalizedText;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One failover of one VIP, measured from the traffic probe by the one rule every front end uses:
 * from the fault to the <em>send time</em> of the first request that another nginx than before
 * answered ({@code measured}; null if none came), with the requests sent in between that failed,
 * and the theoretical floor of the method beside it.
 *
 * @param method         how the node was failed
 * @param faultAt        the fault on the controller's clock (the host's clock corrected by {@code clockOffset})
 * @param measured       fault -> send time of the first answer served by {@code newServer}; null when it never came
 * @param failedRequests probe requests sent after the fault and before that answer's request that failed
 * @param oldServer      X-Served-By before the fault
 * @param newServer      X-Served-By of the first answer from elsewhere
 * @param floor          theoretical outage of the method ({@link FailoverTiming#floor})
 * @param monitorLag     monitor receive time minus host time of the takeover event (VIP added on
 *                       the new holder); null when that event was not seen
 * @param clockOffset    the victim's clock minus the controller's, subtracted from the host's fault time (zero if unknown)
 * @param uncertainty    how far that offset may be wrong (half the tightest SSH round trip); null when not estimated
 */
public record Outage(ChaosAction method, Instant faultAt, Duration measured, int failedRequests, String oldServer,
                     String newServer, Duration floor, Duration monitorLag, Duration clockOffset, Duration uncertainty) {
    private static final String BUNDLE = "failover";

    public Outage {
        clockOffset = clockOffset == null ? Duration.ZERO : clockOffset;
    }

    public Outage(ChaosAction method, Instant faultAt, Duration measured, int failedRequests, String oldServer,
                  String newServer, Duration floor, Duration monitorLag) {
        this(method, faultAt, measured, failedRequests, oldServer, newServer, floor, monitorLag, Duration.ZERO, null);
    }

    /**
     * Measures from probe results of one VIP ({@code faultAt} already on the controller's clock). A
     * request ends the outage when it was sent after the fault, succeeded and names another nginx
     * than {@code oldServer}; the outage is the time from the fault to that request's send time.
     */
    public static Outage measure(ChaosAction method, Instant faultAt, String oldServer, List<ProbeResult> probes,
                                 Duration floor, Duration monitorLag) {
        ProbeResult first = probes.stream()
                .filter(p -> !p.sentAt().isBefore(faultAt) && p.ok() && p.servedBy() != null && !Objects.equals(p.servedBy(), oldServer))
                .min(Comparator.comparing(ProbeResult::sentAt)).orElse(null);
        // Lost requests: sent after the fault and before the first one that the new holder answered.
        Instant sentLimit = first == null ? Instant.MAX : first.sentAt();
        int failed = (int) probes.stream()
                .filter(p -> !p.sentAt().isBefore(faultAt) && p.sentAt().isBefore(sentLimit) && !p.ok()).count();
        if (first == null) {
            return new Outage(method, faultAt, null, failed, oldServer, null, floor, monitorLag);
        }
        return new Outage(method, faultAt, Duration.between(faultAt, first.sentAt()), failed, oldServer,
                first.servedBy(), floor, monitorLag);
    }

    /** This outage with the clock correction it was made with. */
    public Outage withClock(Duration offset, Duration offsetUncertainty) {
        return new Outage(method, faultAt, measured, failedRequests, oldServer, newServer, floor, monitorLag, offset,
                offsetUncertainty);
    }

    /**
     * The monitor's lag for a live host event: receive time minus host time. Null for other events
     * and for snapshot facts (their host time is when the fact arose, maybe long before the look).
     */
    public static Duration lagOf(MonitorEvent event) {
        if (event instanceof MonitorEvent.VipAdded v && v.source() != MonitorEvent.Source.SNAPSHOT) {
            return Duration.between(v.hostTime(), v.receivedAt());
        }
        if (event instanceof MonitorEvent.VipRemoved v && v.source() != MonitorEvent.Source.SNAPSHOT) {
            return Duration.between(v.hostTime(), v.receivedAt());
        }
        if (event instanceof MonitorEvent.VrrpStateChanged s && s.source() != MonitorEvent.Source.SNAPSHOT) {
            return Duration.between(s.hostTime(), s.receivedAt());
        }
        return null;
    }

    /** Whether the measured outage meets the goal: within 15 % + 100 ms of the floor. */
    public boolean withinGoal() {
        return measured != null && measured.toNanos() <= floor.toNanos() * 1.15 + 100_000_000L;
    }

    /**
     * The outage as one line for people, the same in the CLI, the GUI and scenario reports:
     * measured (± clock uncertainty) beside the floor, the method, failed requests, monitor lag.
     */
    public LocalizedText text() {
        String lag = monitorLag == null ? "-" : Long.toString(monitorLag.toMillis());
        LocalizedText measuredText = measured == null ? LocalizedText.of(BUNDLE, "outage.none")
                : uncertainty == null ? LocalizedText.of(BUNDLE, "outage.seconds", seconds(measured))
                : LocalizedText.of(BUNDLE, "outage.secondsPlusMinus", seconds(measured), seconds(uncertainty));
        return LocalizedText.of(BUNDLE, "outage.summary", measuredText, seconds(floor),
                LocalizedText.of(BUNDLE, "how." + method.cliName()), failedRequests, lag);
    }

    /** Seconds with three decimals, as a plain number in every language. */
    public static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.toNanos()).movePointLeft(9).setScale(3, RoundingMode.HALF_UP);
    }
}
