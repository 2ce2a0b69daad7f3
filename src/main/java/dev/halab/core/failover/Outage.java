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
 * @param failedRequests probe requests answered with an error after the fault, before that answer
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
        List<ProbeResult> after = probes.stream().filter(p -> p.receivedAt().isAfter(faultAt))
                .sorted(java.util.Comparator.comparing(ProbeResult::receivedAt)).toList();
        int failed = 0;
        for (ProbeResult p : after) {
            if (p.ok() && p.servedBy() != null && !Objects.equals(p.servedBy(), oldServer)) {
                return new Outage(method, faultAt, Duration.between(faultAt, p.receivedAt()), failed, oldServer,
                        p.servedBy(), floor, monitorLag);
            }
            if (!p.ok()) {
                failed++;
            }
        }
        return new Outage(method, faultAt, null, failed, oldServer, null, floor, monitorLag);
    }

    /** The monitor's lag for an event: receive time minus host time. */
    public static Duration lagOf(MonitorEvent event) {
        if (event instanceof MonitorEvent.VipAdded v) {
            return Duration.between(v.hostTime(), v.receivedAt());
        }
        if (event instanceof MonitorEvent.VipRemoved v) {
            return Duration.between(v.hostTime(), v.receivedAt());
        }
        if (event instanceof MonitorEvent.VrrpStateChanged s) {
            return Duration.between(s.hostTime(), s.receivedAt());
        }
        return null;
    }

    /** Whether the measured outage meets the goal: within 15 % + 100 ms of the floor. */
    public boolean withinGoal() {
        return measured != null && measured.toNanos() <= floor.toNanos() * 1.15 + 100_000_000L;
    }
}
