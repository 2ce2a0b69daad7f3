package dev.halab.gui.topology;

import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Topology;
import dev.halab.gui.common.BatchedSink;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.UiContext;
import dev.halab.core.failover.ChaosAction;
import dev.halab.core.failover.ChaosResult;
import dev.halab.core.failover.FailoverException;
import dev.halab.core.failover.FailoverSession;
import dev.halab.core.failover.Outage;
import dev.halab.gui.service.MonitorService;
import dev.halab.gui.service.MonitorUpdate;
import dev.halab.gui.service.RunRequest;
import dev.halab.gui.service.WorkerCall;
import dev.halab.core.failover.FailoverTiming;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's logic: opens the live monitor, applies its updates (in batches, FX thread) to the
 * {@link TopologyModel}, the request stream, the timeline and the alerts, runs chaos actions and
 * restores on a worker, and shows each failover as the core's session measured it (the same rule
 * and text as the CLI) beside the theory of the configuration.
 */
public final class DashboardViewModel {
    /** Requests kept for the stream list (newest first). */
    public static final int STREAM_SIZE = 40;
    /** Probes kept for the timeline chart (60 s at the default 100 ms probe interval). */
    public static final int TIMELINE_SIZE = 600;

    private final TopologyModel model;
    private final MonitorService monitor;
    private final UiContext context;

    private final ObservableList<RequestItem> stream = FXCollections.observableArrayList();
    private final ObservableList<RequestItem> timeline = FXCollections.observableArrayList();
    private final ObservableList<AlertItem> alerts = FXCollections.observableArrayList();
    private final ObjectProperty<Duration> measured = new SimpleObjectProperty<>();
    private final ObjectProperty<Duration> theoretical = new SimpleObjectProperty<>();
    private final ObjectProperty<ChaosAction> lastMethod = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> lastKillAt = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> failedRequests = new SimpleObjectProperty<>();
    private final BooleanProperty connected = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<LocalizedText> error = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> lastAction = new SimpleObjectProperty<>();

    private final ObjectProperty<Outage> outage = new SimpleObjectProperty<>();
    private final ObjectProperty<String> currentMaster = new SimpleObjectProperty<>();
    private final ObjectProperty<String> currentBackup = new SimpleObjectProperty<>();

    private final java.util.Map<String, String> lastServing = new java.util.HashMap<>();
    private java.util.function.Consumer<Action> onAction = a -> { };
    private volatile MonitorService.MonitorSession session;
    /** Set when the dashboard is left, so a connection that completes afterwards is closed, not kept. */
    private boolean closed;
    private BatchedSink<MonitorUpdate> sink;

    public DashboardViewModel(Topology topology, MonitorService monitor, UiContext context) {
        this.model = new TopologyModel(topology);
        this.monitor = monitor;
        this.context = context;
        try {
            // Until the monitor says otherwise, the profile's roles (the core's rule with nothing seen yet).
            currentMaster.set(FailoverSession.resolve(topology, "master", null).name());
            currentBackup.set(FailoverSession.resolve(topology, "backup", null).name());
        } catch (FailoverException e) {
            throw new IllegalStateException("master and backup always resolve", e);
        }
    }

    /** The language of the window this view model belongs to. */
    public Texts texts() {
        return context.texts();
    }

    // ---- Properties

    public TopologyModel model() {
        return model;
    }

    public ObservableList<RequestItem> stream() {
        return stream;
    }

    public ObservableList<RequestItem> timeline() {
        return timeline;
    }

    public ObservableList<AlertItem> alerts() {
        return alerts;
    }

    public ObjectProperty<Duration> measuredProperty() {
        return measured;
    }

    public ObjectProperty<Duration> theoreticalProperty() {
        return theoretical;
    }

    public ObjectProperty<ChaosAction> lastMethodProperty() {
        return lastMethod;
    }

    public ObjectProperty<Instant> lastKillAtProperty() {
        return lastKillAt;
    }

    public ObjectProperty<Integer> failedRequestsProperty() {
        return failedRequests;
    }

    public BooleanProperty connectedProperty() {
        return connected;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<LocalizedText> errorProperty() {
        return error;
    }

    public ObjectProperty<LocalizedText> lastActionProperty() {
        return lastAction;
    }

    /** The latest outage the core measured (same rule and text as the CLI), or null. */
    public ObjectProperty<Outage> outageProperty() {
        return outage;
    }

    /** The front end a target means now, as the core last reported it ({@link MonitorUpdate.Roles}). */
    public String hostOf(ChaosTarget target) {
        return target == ChaosTarget.MASTER ? currentMaster.get() : currentBackup.get();
    }

    public ObjectProperty<String> currentMasterProperty() {
        return currentMaster;
    }

    /** The nginx that answered the latest successful request, or null. */
    public String lastServingNginx() {
        return stream.stream().filter(RequestItem::ok).findFirst().map(RequestItem::nginx).orElse(null);
    }

    /** The nginx that answered the latest successful request through one VIP, or null. */
    public String lastServingNginx(String vip) {
        return lastServing.get(vip);
    }

    /** A fail or restore asked of the dashboard (by its buttons or by the guided panel). */
    public record Action(String host, ChaosAction method, boolean restore) {
    }

    /** Who hears about actions asked of the dashboard (the guided panel), on the FX thread. */
    public void setOnAction(java.util.function.Consumer<Action> listener) {
        this.onAction = listener;
    }

    // ---- Commands

    /** Opens the monitor (connecting on a worker). */
    public void connect(RunRequest request) {
        busy.set(true);
        error.set(null);
        sink = context.batching().open(this::apply);
        BatchedSink<MonitorUpdate> updates = sink;
        closed = false;
        WorkerCall.call(context, () -> monitor.open(request, updates), outcome -> {
            busy.set(false);
            if (outcome.ok() && closed) { // the dashboard was left while connecting
                context.background().execute(outcome.value()::close);
                return;
            }
            session = outcome.value();
            connected.set(outcome.ok());
            error.set(outcome.failure());
        });
    }

    /** Fails the node the target means at the moment of the fault (the core resolves it). */
    public void chaos(ChaosTarget target, ChaosAction method) {
        fail(target.name().toLowerCase(java.util.Locale.ROOT), hostOf(target), method);
    }

    public void chaosOn(String host, ChaosAction method) {
        fail(host, host, method);
    }

    private void fail(String node, String shownHost, ChaosAction method) {
        MonitorService.MonitorSession current = session;
        if (current == null) {
            error.set(Texts.of("dashboard.notConnected"));
            return;
        }
        markKill(Instant.now(), method);
        lastAction.set(Texts.of("dashboard.action.chaos", Texts.of("chaos." + method.name()), shownHost));
        onAction.accept(new Action(shownHost, method, false));
        busy.set(true);
        WorkerCall.call(context, () -> current.chaos(node, method), outcome -> {
            busy.set(false);
            if (outcome.ok()) {
                faultHappened(outcome.value());
            } else {
                error.set(outcome.failure());
            }
        });
    }

    public void restore(String host) {
        MonitorService.MonitorSession current = session;
        if (current == null) {
            error.set(Texts.of("dashboard.notConnected"));
            return;
        }
        lastAction.set(Texts.of("dashboard.action.restore", host));
        onAction.accept(new Action(host, null, true));
        busy.set(true);
        WorkerCall.run(context, () -> current.restore(host), outcome -> {
            busy.set(false);
            if (!outcome.ok()) {
                error.set(outcome.failure());
            }
        });
    }

    public void restoreAll() {
        model.frontEnds().forEach(n -> restore(n.name()));
    }

    public void close() {
        closed = true;
        MonitorService.MonitorSession current = session;
        session = null;
        if (current != null) {
            context.background().execute(current::close);
        }
        if (sink != null) {
            sink.close();
        }
        connected.set(false);
    }

    /** A kill was issued (FX thread): the previous measurement no longer applies. */
    void markKill(Instant at, ChaosAction method) {
        lastKillAt.set(at);
        lastMethod.set(method);
        measured.set(null);
        failedRequests.set(null);
        outage.set(null);
        theoretical.set(theoryFor(method));
    }

    /** The host's own time of the fault replaces the button press on the timeline. */
    void faultHappened(ChaosResult result) {
        if (result != null && result.faultAt() != null) {
            lastKillAt.set(result.faultAt());
            lastAction.set(Texts.of("dashboard.action.chaos", Texts.of("chaos." + result.action().name()), result.host()));
        }
    }

    /** The configuration's theoretical failover time for a kill method (the core's floor, as the CLI shows). */
    Duration theoryFor(ChaosAction method) {
        return FailoverTiming.floor(method, model.topology());
    }

    // ---- Updates (FX thread, one batch per tick)

    public void apply(List<MonitorUpdate> updates) {
        List<RequestItem> newRequests = new ArrayList<>();
        for (MonitorUpdate update : updates) {
            if (update instanceof MonitorUpdate.Probe p) {
                newRequests.add(toItem(p));
                if (p.ok() && p.nginx() != null) {
                    lastServing.put(p.vip() == null ? model.vip() : p.vip(), p.nginx());
                }
            } else if (update instanceof MonitorUpdate.VrrpState s) {
                if (s.instance() == null || s.instance().equals(model.topology().primaryInstance().name())) {
                    model.node(s.host()).ifPresent(n -> n.setVrrpState(s.state()));
                }
            } else if (update instanceof MonitorUpdate.VipHolder v) {
                model.setVipHolder(v.vip(), v.holder());
            } else if (update instanceof MonitorUpdate.Health h) {
                model.node(h.host()).ifPresent(n -> n.setHealth(h.service(), h.up()));
            } else if (update instanceof MonitorUpdate.Alert a) {
                alerts.removeIf(existing -> existing.code().equals(a.code()));
                if (a.raised()) {
                    alerts.add(0, new AlertItem(a.code(), a.title(), a.hint(), a.at()));
                }
            } else if (update instanceof MonitorUpdate.FailoverMeasured f) {
                Outage o = f.outage();
                outage.set(o);
                lastMethod.set(o.method());
                measured.set(o.measured());
                theoretical.set(o.floor());
                failedRequests.set(o.failedRequests());
            } else if (update instanceof MonitorUpdate.Roles r) {
                currentMaster.set(r.master());
                currentBackup.set(r.backup());
            }
        }
        if (!newRequests.isEmpty()) {
            timeline.addAll(newRequests);
            if (timeline.size() > TIMELINE_SIZE) {
                timeline.remove(0, timeline.size() - TIMELINE_SIZE);
            }
            List<RequestItem> newestFirst = new ArrayList<>(newRequests.subList(
                    Math.max(0, newRequests.size() - STREAM_SIZE), newRequests.size()));
            java.util.Collections.reverse(newestFirst);
            stream.addAll(0, newestFirst);
            if (stream.size() > STREAM_SIZE) {
                stream.remove(STREAM_SIZE, stream.size());
            }
        }
    }

    /**
     * The tomcat address of an nginx {@code $upstream_addr}: "192.168.224.103:8080" gives
     * "192.168.224.103"; after a retry ("a:8080, b:8080") the last one answered.
     */
    static String tomcatAddress(String upstream) {
        if (upstream == null || upstream.isBlank()) {
            return null;
        }
        String last = upstream.substring(upstream.lastIndexOf(',') + 1).trim();
        int colon = last.lastIndexOf(':');
        return colon > 0 ? last.substring(0, colon) : last;
    }

    private RequestItem toItem(MonitorUpdate.Probe raw) {
        MonitorUpdate.Probe p = new MonitorUpdate.Probe(raw.at(), raw.ok(), raw.nginx(), tomcatAddress(raw.tomcat()),
                raw.latency(), raw.error());
        int nginxIndex = p.nginx() == null ? -1 : model.frontEndByLabel(p.nginx()).map(NodeModel::index).orElse(-1);
        int tomcatIndex = p.tomcat() == null ? -1 : model.backEndByLabel(p.tomcat()).map(NodeModel::index).orElse(-1);
        long latency = p.latency() == null ? -1 : p.latency().toMillis();
        return new RequestItem(p.at(), p.ok(), p.nginx(), p.tomcat(), latency, p.error(), nginxIndex, tomcatIndex);
    }
}
