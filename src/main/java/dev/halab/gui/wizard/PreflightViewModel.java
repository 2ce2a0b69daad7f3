package dev.halab.gui.wizard;

import dev.halab.core.event.RunEvent;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.plan.Preflight;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Remedy;
import dev.halab.gui.common.BatchedSink;
import dev.halab.gui.common.CancelToken;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.service.RunRequest;
import dev.halab.gui.service.Services;
import dev.halab.gui.service.WorkerCall;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pre-flight page: runs the engine's pre-flight and shows, per host, every named check the
 * engine reports ({@link RunEvent.CheckFinished}) with its result. Nothing here lists the checks:
 * a check added in core appears on the page as it is reported.
 */
public final class PreflightViewModel {
    private final Services services;
    private final UiContext context;
    private final ObjectProperty<LocalizedText> error;

    private final ObservableList<PreflightHost> hosts = FXCollections.observableArrayList();
    private final ObservableList<Remedy> remedies = FXCollections.observableArrayList();
    private final ObjectProperty<RunStatus> status = new SimpleObjectProperty<>(RunStatus.NOT_RUN);
    private final Map<String, PreflightHost> byName = new LinkedHashMap<>();

    PreflightViewModel(Services services, UiContext context, ObjectProperty<LocalizedText> error) {
        this.services = services;
        this.context = context;
        this.error = error;
    }

    public ObservableList<PreflightHost> hosts() {
        return hosts;
    }

    /** Fixes the checks offered (unicast, a free VRID), each once, in the order first offered. */
    public ObservableList<Remedy> remedies() {
        return remedies;
    }

    public ObjectProperty<RunStatus> statusProperty() {
        return status;
    }

    /** FX thread: one card per host of the request, filled as the engine's events arrive. */
    public void run(RunRequest request) {
        byName.clear();
        for (Host host : request.topology().hosts()) {
            byName.put(host.name(), new PreflightHost(host.name()));
        }
        hosts.setAll(byName.values());
        remedies.clear();
        status.set(RunStatus.RUNNING);
        BatchedSink<RunEvent> sink = context.batching().open(events -> events.forEach(this::apply));
        WorkerCall.run(context, sink, () -> services.install().preflight(request, sink::accept, new CancelToken()),
                outcome -> {
                    if (!outcome.ok()) {
                        error.set(outcome.failure());
                        status.set(RunStatus.FAILED);
                        hosts.forEach(h -> h.stateProperty().set(PreflightHost.State.FAILED));
                    }
                });
    }

    void apply(RunEvent event) {
        if (event instanceof RunEvent.CheckFinished e) {
            host(e.host()).ifPresent(h -> {
                h.report(new PreflightCheck(e.checkId(), e.title(), e.passed(), e.detail()));
                if (!e.passed()) {
                    h.stateProperty().set(PreflightHost.State.FAILED);
                }
            });
        } else if (event instanceof RunEvent.RemedyOffered e) {
            if (!remedies.contains(e.remedy())) {
                remedies.add(e.remedy());
            }
        } else if (event instanceof RunEvent.StepFailed e) {
            failed(e);
        } else if (event instanceof RunEvent.Notice e) {
            host(e.host()).filter(h -> !h.explains(e.text())).ifPresent(h -> h.messages().add(e.text()));
        } else if (event instanceof RunEvent.HostFinished e) {
            host(e.host()).filter(h -> h.stateProperty().get() != PreflightHost.State.FAILED)
                    .ifPresent(h -> h.stateProperty().set(e.success() ? PreflightHost.State.PASSED : PreflightHost.State.FAILED));
        } else if (event instanceof RunEvent.RunFinished e) {
            status.set(e.success() ? RunStatus.PASSED : RunStatus.FAILED);
            hosts.stream().filter(h -> h.stateProperty().get() == PreflightHost.State.RUNNING).forEach(h ->
                    h.stateProperty().set(e.success() ? PreflightHost.State.PASSED : PreflightHost.State.FAILED));
        }
    }

    /** A host that could not be reached fails its SSH check; other failures not already a check's are listed. */
    private void failed(RunEvent.StepFailed e) {
        Optional<PreflightHost> host = host(e.host());
        if (host.isEmpty()) {
            error.set(e.why());
            return;
        }
        PreflightHost h = host.get();
        h.stateProperty().set(PreflightHost.State.FAILED);
        if ("connect".equals(e.stepId())) {
            h.report(new PreflightCheck(Preflight.SSH, Preflight.title(Preflight.SSH), false, e.why()));
        } else if (!h.explains(e.why())) {
            h.messages().add(e.why());
        }
    }

    private Optional<PreflightHost> host(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** A field changed: a finished result no longer describes the fields. */
    void invalidate() {
        if (status.get() != RunStatus.RUNNING) {
            status.set(RunStatus.NOT_RUN);
        }
    }
}
