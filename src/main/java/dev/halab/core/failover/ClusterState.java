package dev.halab.core.failover;

import dev.halab.core.failover.MonitorEvent.ProbeResult;
import dev.halab.core.failover.MonitorEvent.Service;
import dev.halab.core.failover.MonitorEvent.ServiceHealth;
import dev.halab.core.failover.MonitorEvent.Source;
import dev.halab.core.failover.MonitorEvent.VipAdded;
import dev.halab.core.failover.MonitorEvent.VipRemoved;
import dev.halab.core.failover.MonitorEvent.VrrpStateChanged;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the monitor knows about the lab, built only from host reports and probe results: VRRP
 * state per front end and instance, which VIPs each front end holds, whether the monitor can see
 * the node, nginx health, and the latest probe per VIP. Pure and single-threaded: the monitor
 * feeds it under its lock, tests feed it event sequences.
 *
 * <p>State facts carry the host's time; an older fact never overwrites a newer one, so the
 * snapshot lines and the live stream may arrive interleaved.
 */
public final class ClusterState {
    private static final String BUNDLE = "failover";
    private final List<String> frontEnds;
    private final List<VrrpInstance> instances;
    private final Map<String, Map<String, VrrpState>> states = new HashMap<>();
    private final Map<String, Map<String, Instant>> stateTimes = new HashMap<>();
    private final Map<String, Set<String>> vips = new HashMap<>();
    private final Map<String, Boolean> reachable = new HashMap<>();
    private final Map<String, Boolean> nginxUp = new HashMap<>();
    private final Map<String, ProbeResult> lastProbe = new HashMap<>();
    private final Map<String, Integer> servedStreak = new HashMap<>();
    /** Per host during its snapshot: states and VIPs before it, to report only the net result. */
    private final Map<String, Map<String, VrrpState>> statesBeforeSnapshot = new HashMap<>();
    private final Map<String, Set<String>> vipsBeforeSnapshot = new HashMap<>();
    private final Map<String, String> interfaceNames = new HashMap<>();
    /** Per host: whether keepalived runs, as last reported (absent = not reported since the host was seen). */
    private final Map<String, Boolean> keepalivedRunning = new HashMap<>();

    public ClusterState(List<String> frontEnds, List<VrrpInstance> instances) {
        this.frontEnds = List.copyOf(frontEnds);
        this.instances = List.copyOf(instances);
        for (String host : frontEnds) {
            reset(host);
            reachable.put(host, false);
        }
    }

    public static ClusterState of(Topology topology) {
        return new ClusterState(topology.frontEnds().stream().map(h -> h.name()).toList(), topology.instances());
    }

    private ClusterState(ClusterState other) {
        this(other.frontEnds, other.instances);
        other.states.forEach((h, m) -> states.put(h, new HashMap<>(m)));
        other.stateTimes.forEach((h, m) -> stateTimes.put(h, new HashMap<>(m)));
        other.vips.forEach((h, s) -> vips.put(h, new TreeSet<>(s)));
        interfaceNames.putAll(other.interfaceNames);
        other.statesBeforeSnapshot.forEach((h, m) -> statesBeforeSnapshot.put(h, new HashMap<>(m)));
        other.vipsBeforeSnapshot.forEach((h, s) -> vipsBeforeSnapshot.put(h, new TreeSet<>(s)));
        reachable.putAll(other.reachable);
        nginxUp.putAll(other.nginxUp);
        lastProbe.putAll(other.lastProbe);
        servedStreak.putAll(other.servedStreak);
        keepalivedRunning.putAll(other.keepalivedRunning);
    }

    /** An independent copy, for readers outside the monitor's lock. */
    public ClusterState copy() {
        return new ClusterState(this);
    }

    private void reset(String host) {
        Map<String, VrrpState> byInstance = new HashMap<>();
        instances.forEach(i -> byInstance.put(i.name(), VrrpState.UNKNOWN));
        states.put(host, byInstance);
        stateTimes.put(host, new HashMap<>());
        vips.put(host, new TreeSet<>());
    }

    // ------------------------------------------------------------------ feeding

    /** The channel to a host opened: its state will come from the snapshot that follows. */
    public void markReachable(String host) {
        requireFrontEnd(host);
        reachable.put(host, true);
    }

    /** The channel to a host was lost: nothing is known about it any more. */
    public void markUnreachable(String host) {
        requireFrontEnd(host);
        reachable.put(host, false);
        statesBeforeSnapshot.remove(host);
        vipsBeforeSnapshot.remove(host);
        keepalivedRunning.remove(host);
        reset(host);
    }

    /**
     * A host's snapshot starts: its lines (the last notify and journal lines, a history) are applied
     * silently, and {@link #endSnapshot} reports only where the host ended up.
     */
    public void beginSnapshot(String host) {
        requireFrontEnd(host);
        statesBeforeSnapshot.put(host, new HashMap<>(states.get(host)));
        vipsBeforeSnapshot.put(host, new TreeSet<>(vips.get(host)));
    }

    /** The snapshot of a host is complete: one event per instance state and VIP that differs from before. */
    public List<MonitorEvent> endSnapshot(String host, Instant receivedAt) {
        requireFrontEnd(host);
        Map<String, VrrpState> before = statesBeforeSnapshot.remove(host);
        Set<String> vipsBefore = vipsBeforeSnapshot.remove(host);
        List<MonitorEvent> events = new ArrayList<>();
        if (before == null) {
            return events;
        }
        String iface = interfaceNames.getOrDefault(host, "");
        for (VrrpInstance instance : instances) {
            VrrpState now = state(host, instance.name());
            if (now != before.getOrDefault(instance.name(), VrrpState.UNKNOWN)) {
                Instant at = stateTimes.get(host).getOrDefault(instance.name(), receivedAt);
                events.add(new VrrpStateChanged(at, receivedAt, host, instance.name(), now, -1, Source.SNAPSHOT));
            }
        }
        for (String vip : vips.get(host)) {
            if (!vipsBefore.contains(vip)) {
                events.add(new VipAdded(receivedAt, receivedAt, host, vip, iface, Source.SNAPSHOT));
            }
        }
        for (String vip : vipsBefore) {
            if (!vips.get(host).contains(vip)) {
                events.add(new VipRemoved(receivedAt, receivedAt, host, vip, iface, Source.SNAPSHOT));
            }
        }
        reportKeepalived(host, receivedAt, events);
        return events;
    }

    /**
     * Applies one parsed line of a host's watch stream and returns the events it implies (a state
     * change only when the state really changed; a VIP event only when the set of VIPs changed).
     * During a snapshot ({@link #beginSnapshot}) lines are applied and no events are returned.
     */
    public List<MonitorEvent> accept(String host, HostLine line, Instant receivedAt, boolean inSnapshot) {
        requireFrontEnd(host);
        if (statesBeforeSnapshot.containsKey(host)) {
            acceptLine(host, line, receivedAt, true);
            return List.of();
        }
        return acceptLine(host, line, receivedAt, inSnapshot);
    }

    private List<MonitorEvent> acceptLine(String host, HostLine line, Instant receivedAt, boolean inSnapshot) {
        List<MonitorEvent> events = new ArrayList<>();
        Source live = inSnapshot ? Source.SNAPSHOT : null;
        if (line instanceof HostLine.Notify n) {
            setState(host, n.instance(), n.state(), n.priority(), n.hostTime(), receivedAt,
                    live != null ? live : Source.NOTIFY, events);
        } else if (line instanceof HostLine.JournalState j) {
            setState(host, j.instance(), j.state(), -1, j.hostTime(), receivedAt,
                    live != null ? live : Source.JOURNAL, events);
        } else if (line instanceof HostLine.JournalStopped s) {
            instances.forEach(i -> setState(host, i.name(), VrrpState.STOPPED, -1, s.hostTime(), receivedAt,
                    live != null ? live : Source.JOURNAL, events));
        } else if (line instanceof HostLine.Active a && !a.active()) {
            instances.forEach(i -> setState(host, i.name(), VrrpState.STOPPED, -1, a.hostTime(), receivedAt,
                    Source.SNAPSHOT, events));
        } else if (line instanceof HostLine.Address a) {
            applyAddress(host, a, receivedAt, events);
        }
        if (!events.isEmpty()) {
            reportKeepalived(host, receivedAt, events);
        }
        return events;
    }

    /**
     * Whether keepalived runs on a host, from its own reports: it does while one of its instances is
     * MASTER, BACKUP or FAULT (only a running keepalived says so), and not once every instance is
     * STOPPED. Reported when that changes; nothing while the host is being looked at or unseen.
     */
    private void reportKeepalived(String host, Instant receivedAt, List<MonitorEvent> events) {
        if (!reachable(host) || statesBeforeSnapshot.containsKey(host)
                || instances.stream().allMatch(i -> state(host, i.name()) == VrrpState.UNKNOWN)) {
            return;
        }
        boolean running = instances.stream().map(i -> state(host, i.name()))
                .anyMatch(s -> s == VrrpState.MASTER || s == VrrpState.BACKUP || s == VrrpState.FAULT);
        Boolean before = keepalivedRunning.put(host, running);
        if (before == null || before != running) {
            events.add(new ServiceHealth(receivedAt, host, Service.KEEPALIVED, running, 0, running ? null : "stopped"));
        }
    }

    private void setState(String host, String instance, VrrpState state, int priority, Instant hostTime,
                          Instant receivedAt, Source source, List<MonitorEvent> events) {
        Map<String, VrrpState> byInstance = states.get(host);
        if (!byInstance.containsKey(instance)) {
            return; // an instance this topology does not have (e.g. a leftover config): not ours to judge
        }
        Instant known = stateTimes.get(host).get(instance);
        if (known != null && hostTime.isBefore(known)) {
            return;
        }
        stateTimes.get(host).put(instance, hostTime);
        if (byInstance.put(instance, state) != state) {
            events.add(new VrrpStateChanged(hostTime, receivedAt, host, instance, state, priority, source));
        }
    }

    private void applyAddress(String host, HostLine.Address a, Instant receivedAt, List<MonitorEvent> events) {
        boolean isVip = instances.stream().anyMatch(i -> i.vip().equals(a.address()));
        if (!isVip) {
            return;
        }
        interfaceNames.put(host, a.interfaceName());
        Instant hostTime = a.hostTime() == null ? receivedAt : a.hostTime();
        Source source = a.hostTime() == null ? Source.SNAPSHOT : Source.KERNEL;
        Set<String> held = vips.get(host);
        if (a.deleted()) {
            if (held.remove(a.address())) {
                events.add(new VipRemoved(hostTime, receivedAt, host, a.address(), a.interfaceName(), source));
            }
        } else if (held.add(a.address())) {
            events.add(new VipAdded(hostTime, receivedAt, host, a.address(), a.interfaceName(), source));
        }
    }

    public void accept(ProbeResult probe) {
        ProbeResult previous = lastProbe.put(probe.vip(), probe);
        if (!probe.ok()) {
            servedStreak.put(probe.vip(), 0);
        } else if (previous != null && previous.ok() && java.util.Objects.equals(previous.servedBy(), probe.servedBy())) {
            servedStreak.merge(probe.vip(), 1, Integer::sum);
        } else {
            servedStreak.put(probe.vip(), 1);
        }
    }

    public void accept(ServiceHealth health) {
        if (health.service() == Service.NGINX && frontEnds.contains(health.host())) {
            nginxUp.put(health.host(), health.up());
        }
    }

    // ------------------------------------------------------------------ reading

    public List<String> frontEnds() {
        return frontEnds;
    }

    public List<VrrpInstance> instances() {
        return instances;
    }

    public VrrpState state(String host, String instance) {
        return states.get(host).getOrDefault(instance, VrrpState.UNKNOWN);
    }

    public boolean reachable(String host) {
        return reachable.getOrDefault(host, false);
    }

    /** True when every front end is visible and its state for this instance is known. */
    public boolean fullyKnown(String instance) {
        return frontEnds.stream().allMatch(h -> reachable(h) && state(h, instance) != VrrpState.UNKNOWN);
    }

    public List<String> masters(String instance) {
        return frontEnds.stream().filter(h -> state(h, instance) == VrrpState.MASTER).toList();
    }

    /** The front ends that hold this VIP on their interface. */
    public List<String> holders(String vip) {
        return frontEnds.stream().filter(h -> vips.get(h).contains(vip)).toList();
    }

    public Set<String> vipsOf(String host) {
        return new LinkedHashSet<>(vips.get(host));
    }

    /** nginx health of a front end from the controller's check; empty until the first check. */
    public Optional<Boolean> nginxUp(String host) {
        return Optional.ofNullable(nginxUp.get(host));
    }

    public Optional<ProbeResult> lastProbe(String vip) {
        return Optional.ofNullable(lastProbe.get(vip));
    }

    /** How many probes in a row to this VIP succeeded and were served by the same nginx as the last one. */
    public int servedStreak(String vip) {
        return servedStreak.getOrDefault(vip, 0);
    }

    private void requireFrontEnd(String host) {
        if (!states.containsKey(host)) {
            throw new IllegalArgumentException("not a front end of this topology: " + host);
        }
    }

    /**
     * One line for people and logs, e.g. {@code nginx1: VI_1=MASTER VIP 192.168.224.150; nginx2: VI_1=BACKUP},
     * kept as data (VRRP state names are keepalived's own words; "unreachable" is translated).
     */
    public LocalizedText summary() {
        LocalizedText text = null;
        for (String host : frontEnds) {
            LocalizedText part;
            if (!reachable(host)) {
                part = LocalizedText.of(BUNDLE, "state.hostUnreachable", host);
            } else {
                StringBuilder states = new StringBuilder();
                for (VrrpInstance i : instances) {
                    states.append(states.isEmpty() ? "" : " ").append(i.name()).append('=').append(state(host, i.name()));
                }
                part = vips.get(host).isEmpty() ? LocalizedText.of(BUNDLE, "state.host", host, states.toString())
                        : LocalizedText.of(BUNDLE, "state.hostWithVip", host, states.toString(), String.join(",", vips.get(host)));
            }
            text = text == null ? part : LocalizedText.of(BUNDLE, "state.join", text, part);
        }
        return text == null ? LocalizedText.of(BUNDLE, "state.none") : text;
    }
}
