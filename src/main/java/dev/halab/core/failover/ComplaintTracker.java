package dev.halab.core.failover;

import dev.halab.core.failover.KeepalivedComplaints.Complaint;
import dev.halab.core.failover.MonitorEvent.AlertCleared;
import dev.halab.core.failover.MonitorEvent.AlertRaised;
import dev.halab.core.topology.Topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns keepalived's complaints ({@link KeepalivedComplaints}) in the front ends' watch streams into
 * named alerts and clears them when they no longer hold: complaints keepalived repeats with every
 * advert clear after a quiet spell, complaints made when it (re)loads clear at its next start, and
 * an interface FAULT clears when the node leaves FAULT. Pure: time comes from the caller.
 */
public final class ComplaintTracker {
    /** Silence after which a repeated complaint counts as over (keepalived 2.3 rate-limits its logs). */
    static final Duration QUIET = Duration.ofSeconds(15);
    private static final Set<AlertKind> REPEATED = EnumSet.of(AlertKind.AUTH_MISMATCH, AlertKind.VIP_SET_MISMATCH,
            AlertKind.VRID_MISMATCH, AlertKind.HIGHER_PRIORITY_ADVERT);

    private record Active(String host, Alert alert, Instant lastSeen) { }

    private final Topology topology;
    private final Map<String, Active> active = new LinkedHashMap<>();

    public ComplaintTracker(Topology topology) {
        this.topology = topology;
    }

    /** Takes one line of a front end's stream; returns the alerts it raised or cleared. */
    public List<MonitorEvent> accept(String host, HostLine line, Instant receivedAt, boolean inSnapshot) {
        List<MonitorEvent> events = new ArrayList<>();
        if (line instanceof HostLine.Journal j) {
            if (KeepalivedComplaints.isRestart(j.message())) {
                clear(events, receivedAt, a -> a.host().equals(host) && !REPEATED.contains(a.alert().kind()));
            } else if (j.message().matches("^Netlink reports \\S+ up$")) {
                clear(events, receivedAt, a -> a.host().equals(host) && a.alert().kind() == AlertKind.INTERFACE_FAULT);
            }
            KeepalivedComplaints.interpret(j.message(), topology).ifPresent(c -> {
                // A repeated complaint from long ago, seen in the snapshot's old lines, is over.
                boolean stale = inSnapshot && REPEATED.contains(c.kind()) && j.hostTime().isBefore(receivedAt.minus(QUIET));
                if (!stale) {
                    raise(events, host, c, receivedAt);
                }
            });
        } else if (line instanceof HostLine.JournalState s) {
            state(events, host, s.state(), receivedAt);
        } else if (line instanceof HostLine.Notify n) {
            state(events, host, n.state(), receivedAt);
        }
        return events;
    }

    /** Clears repeated complaints that keepalived stopped making. */
    public List<MonitorEvent> tick(Instant now) {
        List<MonitorEvent> events = new ArrayList<>();
        clear(events, now, a -> REPEATED.contains(a.alert().kind()) && a.lastSeen().isBefore(now.minus(QUIET)));
        return events;
    }

    public List<Alert> activeAlerts() {
        return active.values().stream().map(Active::alert).toList();
    }

    private void state(List<MonitorEvent> events, String host, VrrpState state, Instant at) {
        if (state == VrrpState.FAULT) {
            boolean named = active.values().stream().anyMatch(a -> a.host().equals(host) && a.alert().kind() == AlertKind.INTERFACE_FAULT);
            if (!named) {
                String iface = topology.findHost(host).map(topology::interfaceOf).orElse("?");
                raise(events, host, new Complaint(AlertKind.INTERFACE_FAULT, "-", List.of(iface)), at);
            }
        } else if (state == VrrpState.MASTER || state == VrrpState.BACKUP) {
            clear(events, at, a -> a.host().equals(host) && a.alert().kind() == AlertKind.INTERFACE_FAULT);
        }
    }

    private void raise(List<MonitorEvent> events, String host, Complaint complaint, Instant at) {
        Alert alert = KeepalivedComplaints.alertOf(host, complaint);
        Active before = active.put(alert.id(), new Active(host, alert, at));
        if (before == null) {
            events.add(new AlertRaised(at, alert));
        }
    }

    private void clear(List<MonitorEvent> events, Instant at, java.util.function.Predicate<Active> which) {
        for (Iterator<Active> it = active.values().iterator(); it.hasNext(); ) {
            Active a = it.next();
            if (which.test(a)) {
                it.remove();
                events.add(new AlertCleared(at, a.alert()));
            }
        }
    }
}
