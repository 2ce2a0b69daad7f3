package dev.halab.gui.wizard;

import dev.halab.core.event.RunEvent;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Host;
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

import java.util.Comparator;
import java.util.List;

/**
 * The Review page: the dry-run plan. Files that would change are kept grouped by host, hosts in
 * the topology's order and files by path within a host, whatever order the hosts' parallel plans
 * report them in; the commands it would run are listed as they come.
 */
public final class ReviewViewModel {
    private final Services services;
    private final UiContext context;
    private final ObjectProperty<LocalizedText> error;

    private final ObservableList<FileDiffItem> diffs = FXCollections.observableArrayList();
    private final ObservableList<PlanLine> commands = FXCollections.observableArrayList();
    private final ObjectProperty<RunStatus> status = new SimpleObjectProperty<>(RunStatus.NOT_RUN);
    private final ObjectProperty<LocalizedText> summary = new SimpleObjectProperty<>();
    private List<String> hostOrder = List.of();

    ReviewViewModel(Services services, UiContext context, ObjectProperty<LocalizedText> error) {
        this.services = services;
        this.context = context;
        this.error = error;
    }

    /** Files by host (topology order), then by path. */
    public ObservableList<FileDiffItem> diffs() {
        return diffs;
    }

    public ObservableList<PlanLine> commands() {
        return commands;
    }

    public ObjectProperty<RunStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<LocalizedText> summaryProperty() {
        return summary;
    }

    /** The hosts with at least one changed file, in the topology's order. */
    public List<String> hostsWithChanges() {
        return diffs.stream().map(FileDiffItem::host).distinct().toList();
    }

    public void run(RunRequest request) {
        hostOrder = request.topology().hosts().stream().map(Host::name).toList();
        diffs.clear();
        commands.clear();
        summary.set(null);
        status.set(RunStatus.RUNNING);
        BatchedSink<RunEvent> sink = context.batching().open(events -> events.forEach(this::apply));
        WorkerCall.run(context, sink, () -> services.install().plan(request, sink::accept, new CancelToken()), outcome -> {
            if (!outcome.ok()) {
                error.set(outcome.failure());
                status.set(RunStatus.FAILED);
            }
        });
    }

    void apply(RunEvent event) {
        if (event instanceof RunEvent.FileDiff e) {
            insertInOrder(new FileDiffItem(e.host(), e.path(), e.unifiedDiff()));
        } else if (event instanceof RunEvent.CommandStarted e) {
            commands.add(PlanLine.command(e.host(), e.command()));
        } else if (event instanceof RunEvent.StepFailed e) {
            commands.add(PlanLine.failure(e.host(), e.why()));
        } else if (event instanceof RunEvent.RunFinished e) {
            summary.set(e.summary());
            status.set(e.success() ? RunStatus.PASSED : RunStatus.FAILED);
        }
    }

    private void insertInOrder(FileDiffItem item) {
        Comparator<FileDiffItem> order = Comparator.comparingInt((FileDiffItem d) -> hostRank(d.host()))
                .thenComparing(FileDiffItem::host).thenComparing(FileDiffItem::path);
        int at = 0;
        while (at < diffs.size() && order.compare(diffs.get(at), item) <= 0) {
            at++;
        }
        diffs.add(at, item);
    }

    /** Hosts not in the topology (none expected) go last, by name. */
    private int hostRank(String host) {
        int rank = hostOrder.indexOf(host);
        return rank < 0 ? Integer.MAX_VALUE : rank;
    }

    void invalidate() {
        if (status.get() != RunStatus.RUNNING) {
            status.set(RunStatus.NOT_RUN);
        }
    }
}
