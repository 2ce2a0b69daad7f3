package dev.halab.core.failover;

import dev.halab.core.failover.MonitorEvent.ProbeResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One failover, measured from the traffic probe: the time from the fault to the first request
 * answered by another nginx than before ({@code measured}; null if none came), the requests that
 * failed in between, and the theoretical floor of the method beside it.
 *
 * @param method         how the node was failed
 * @param faultAt        the host's clock just before the fault
 * @param measured       fault -> first answer served by {@code newServer}; null when it never came
 * @param failedRequests probe requests sent after the fault and before that answer's request that failed
 * @param oldServer      X-Served-By before the fault
 * @param newServer      X-Served-By of the first answer from elsewhere
 * @param floor          theoretical outage of the method ({@link FailoverTiming#floor})
 * @param monitorLag     monitor receive time minus host time of the takeover event (VIP added on
 *                       the new holder); null when that event was not seen
 */
public record Outage(ChaosAction method, Instant faultAt, Duration measured, int failedRequests, String oldServer,
                     String newServer, Duration floor, Duration monitorLag) {

    /**
     * Measures from probe results of one VIP. A request counts as served by the new holder when it
     * succeeded, was answered after the fault and names another nginx than {@code oldServer}.
     */
    public static Outage measure(ChaosAction method, Instant faultAt, String oldServer, List<ProbeResult> probes,
                                 Duration floor, Duration monitorLag) {
        ProbeResult first = probes.stream()
                .filter(p -> p.receivedAt().isAfter(faultAt) && p.ok() && p.servedBy() != null && !Objects.equals(p.servedBy(), oldServer))
                .min(java.util.Comparator.comparing(ProbeResult::receivedAt)).orElse(null);
        // Lost requests: sent after the fault and before the first one that the new holder answered.
        Instant sentLimit = first == null ? Instant.MAX : first.sentAt();
        int failed = (int) probes.stream()
                .filter(p -> !p.sentAt().isBefore(faultAt) && p.sentAt().isBefore(sentLimit) && !p.ok()).count();
        if (first == null) {
            return new Outage(method, faultAt, null, failed, oldServer, null, floor, monitorLag);
        }
        return new Outage(method, faultAt, Duration.between(faultAt, first.receivedAt()), failed, oldServer,
                first.servedBy(), floor, monitorLag);
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
}
