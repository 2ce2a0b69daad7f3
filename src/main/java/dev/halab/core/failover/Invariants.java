package dev.halab.core.failover;

import dev.halab.core.failover.MonitorEvent.AlertCleared;
import dev.halab.core.failover.MonitorEvent.AlertRaised;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.VrrpInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The high-availability invariants, checked against a {@link ClusterState}: exactly one MASTER per
 * VRID, the VIP only on the MASTER, nginx alive on the MASTER. A broken invariant becomes an
 * {@link Alert} once it has lasted its grace period ({@link AlertPolicy}) and is cleared as soon as
 * it holds again. Pure: time is a parameter, so tests replay event sequences.
 */
public final class Invariants {
    private static final String BUNDLE = "failover";
    private final AlertPolicy policy;
    private final Map<String, Instant> brokenSince = new HashMap<>();
    private final Map<String, Alert> active = new LinkedHashMap<>();

    public Invariants(AlertPolicy policy) {
        this.policy = policy;
    }

    /** Evaluates every invariant at {@code now}; returns the alerts raised and cleared by this call. */
    public List<MonitorEvent> evaluate(ClusterState state, Instant now) {
        Map<String, Alert> broken = new LinkedHashMap<>();
        for (Alert alert : brokenNow(state)) {
            broken.put(alert.id(), alert);
        }
        List<MonitorEvent> events = new ArrayList<>();
        for (var it = active.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (!broken.containsKey(entry.getKey())) {
                it.remove();
                events.add(new AlertCleared(now, entry.getValue()));
            }
        }
        brokenSince.keySet().retainAll(broken.keySet());
        for (Alert alert : broken.values()) {
            Instant since = brokenSince.computeIfAbsent(alert.id(), k -> now);
            Duration grace = policy.graceOf(alert.kind());
            if (!active.containsKey(alert.id()) && !now.isBefore(since.plus(grace))) {
                active.put(alert.id(), alert);
                events.add(new AlertRaised(now, alert));
            }
        }
        return events;
    }

    public List<Alert> activeAlerts() {
        return List.copyOf(active.values());
    }

    /** The invariants broken in this state right now, before any grace period. */
    public static List<Alert> brokenNow(ClusterState state) {
        List<Alert> alerts = new ArrayList<>();
        for (VrrpInstance instance : state.instances()) {
            List<String> masters = state.masters(instance.name());
            if (masters.size() >= 2) {
                alerts.add(new Alert(AlertKind.SPLIT_BRAIN, instance.name(),
                        text(AlertKind.SPLIT_BRAIN, "title", instance.name(), instance.vrid(), String.join(", ", masters)),
                        text(AlertKind.SPLIT_BRAIN, "hint", instance.vrid()), masters));
            } else if (masters.isEmpty() && state.fullyKnown(instance.name())) {
                alerts.add(new Alert(AlertKind.NO_MASTER, instance.name(),
                        text(AlertKind.NO_MASTER, "title", instance.name(), instance.vip()),
                        text(AlertKind.NO_MASTER, "hint"), state.frontEnds()));
            }
            for (String host : state.holders(instance.vip())) {
                VrrpState hostState = state.state(host, instance.name());
                if (hostState != VrrpState.MASTER && hostState != VrrpState.UNKNOWN) {
                    String detail = hostState == VrrpState.STOPPED ? "hintStopped" : "hint";
                    alerts.add(new Alert(AlertKind.VIP_ON_NON_MASTER, host + "/" + instance.vip(),
                            text(AlertKind.VIP_ON_NON_MASTER, "title", instance.vip(), host, hostState),
                            text(AlertKind.VIP_ON_NON_MASTER, detail, host), List.of(host)));
                }
            }
            for (String master : masters) {
                if (state.nginxUp(master).equals(java.util.Optional.of(false))
                        && state.holders(instance.vip()).contains(master)) {
                    alerts.add(new Alert(AlertKind.NGINX_DEAD_ON_MASTER, instance.name() + "/" + master,
                            text(AlertKind.NGINX_DEAD_ON_MASTER, "title", master, instance.vip()),
                            text(AlertKind.NGINX_DEAD_ON_MASTER, "hint"), List.of(master)));
                }
            }
        }
        return alerts;
    }

    private static LocalizedText text(AlertKind kind, String part, Object... args) {
        return LocalizedText.of(BUNDLE, kind.key() + "." + part, args);
    }
}
