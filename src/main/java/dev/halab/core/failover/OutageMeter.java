package dev.halab.core.failover;

import dev.halab.core.failover.MonitorEvent.ChaosApplied;
import dev.halab.core.failover.MonitorEvent.OutageMeasured;
import dev.halab.core.failover.MonitorEvent.ProbeResult;
import dev.halab.core.failover.MonitorEvent.VipAdded;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one outage rule, for every front end: fed the monitor's event stream, it starts a
 * measurement per VIP the failed node was serving when a {@link ChaosApplied} fault arrives and
 * ends it at the first request (by send time) that another nginx answered ({@link Outage#measure}).
 * The fault event arrives after the fault itself (the command's answer has to come back), so
 * recent probes are kept and replayed. Pure and synchronous: time comes from the events.
 */
public final class OutageMeter {
    /** How far back probes are kept for a fault reported late. */
    static final Duration KEEP = Duration.ofSeconds(30);
    /** Requests kept per VIP, whatever the probe interval (bounded memory). */
    static final int MAX_KEPT = 5_000;

    private final Topology topology;
    private final Map<String, Deque<ProbeResult>> recent = new HashMap<>();
    private final Map<String, VipAdded> lastTakeover = new HashMap<>();
    private final Map<String, Pending> pending = new HashMap<>();
    private final Map<String, Duration> clockOffsets = new HashMap<>();
    private final Map<String, Duration> uncertainties = new HashMap<>();

    private record Pending(ChaosAction method, Instant faultAt, String victim, String oldServer, Duration offset,
                           Duration uncertainty) {
    }

    public OutageMeter(Topology topology) {
        this.topology = topology;
    }

    /**
     * The host's clock minus the controller's, with its uncertainty ({@link ClockOffset}); faults
     * on that host are moved onto the controller's clock before they are compared with probes.
     */
    public synchronized void clockOffset(String host, ClockOffset offset) {
        clockOffsets.put(host, offset.offset());
        uncertainties.put(host, offset.uncertainty());
    }

    /** Takes one event; returns the outages it completed (usually none). */
    public synchronized List<MonitorEvent> accept(MonitorEvent event) {
        if (event instanceof ProbeResult p) {
            Deque<ProbeResult> kept = recent.computeIfAbsent(p.vip(), v -> new ArrayDeque<>());
            kept.addLast(p);
            while (kept.size() > MAX_KEPT || kept.getFirst().sentAt().isBefore(p.sentAt().minus(KEEP))) {
                kept.removeFirst();
            }
            return complete(p.vip(), p.receivedAt());
        }
        if (event instanceof VipAdded v && v.source() == MonitorEvent.Source.KERNEL) {
            lastTakeover.put(v.vip(), v);
            return List.of();
        }
        if (event instanceof ChaosApplied c && !c.restore() && c.action() != null) {
            return fault(c);
        }
        return List.of();
    }

    private List<MonitorEvent> fault(ChaosApplied c) {
        Host victim = topology.findHost(c.host()).orElse(null);
        if (victim == null) {
            return List.of();
        }
        Duration offset = clockOffsets.getOrDefault(c.host(), Duration.ZERO);
        Duration uncertainty = uncertainties.get(c.host());
        // A power switch runs on the controller: its time needs no correction.
        Instant faultAt = c.action() == ChaosAction.POWER ? c.hostTime() : c.hostTime().minus(offset);
        List<MonitorEvent> done = new ArrayList<>();
        for (VrrpInstance instance : topology.instances()) {
            String vip = instance.vip();
            ProbeResult before = lastAnswerBefore(vip, faultAt);
            if (before == null || !Objects.equals(before.servedBy(), victim.nginxHeader())) {
                continue;
            }
            pending.put(vip, new Pending(c.action(), faultAt, c.host(), victim.nginxHeader(),
                    c.action() == ChaosAction.POWER ? Duration.ZERO : offset, c.action() == ChaosAction.POWER ? null : uncertainty));
            done.addAll(complete(vip, c.receivedAt()));
        }
        return done;
    }

    private ProbeResult lastAnswerBefore(String vip, Instant at) {
        ProbeResult last = null;
        for (ProbeResult p : recent.getOrDefault(vip, new ArrayDeque<>())) {
            if (p.sentAt().isBefore(at) && p.ok()) {
                last = p;
            }
        }
        return last;
    }

    private List<MonitorEvent> complete(String vip, Instant now) {
        Pending open = pending.get(vip);
        if (open == null) {
            return List.of();
        }
        VipAdded takeover = lastTakeover.get(vip);
        Duration lag = takeover != null && !takeover.host().equals(open.victim()) && !takeover.receivedAt().isBefore(open.faultAt())
                ? Outage.lagOf(takeover) : null;
        Outage outage = Outage.measure(open.method(), open.faultAt(), open.oldServer(), List.copyOf(recent.get(vip)),
                FailoverTiming.floor(open.method(), topology), lag).withClock(open.offset(), open.uncertainty());
        if (outage.measured() == null) {
            return List.of();
        }
        pending.remove(vip);
        return List.of(new OutageMeasured(now, vip, open.victim(), outage));
    }
}
