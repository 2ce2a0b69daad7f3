package dev.halab.gui.install;

import dev.halab.core.tutorial.CommandVariables;
import dev.halab.core.tutorial.StepCommand;
import dev.halab.core.tutorial.TutorialCommands;
import dev.halab.core.event.RunEvent;
import dev.halab.core.facts.Distros;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.step.Steps;
import dev.halab.gui.common.BatchedSink;
import dev.halab.gui.common.CancelToken;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.service.InstallService;
import dev.halab.gui.service.RunRequest;
import dev.halab.gui.service.WorkerCall;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The install screen's logic: runs install then verify on a worker, turns the core's run events
 * (delivered in batches on the FX thread) into per-host step states and one log, filterable by
 * host, step and search text. Cancel stops between steps; retry re-runs (finished steps then say
 * "nothing to do").
 */
public final class InstallViewModel {
    /** The log keeps this many lines; older ones are dropped (a full apt log is a few thousand). */
    public static final int MAX_LOG_LINES = 200_000;

    public enum Phase { IDLE, INSTALLING, VERIFYING, DONE }

    private volatile Map<String, String> commandVariables = Map.of();
    private final InstallService service;
    private final UiContext context;

    private final ObservableList<HostProgress> hosts = FXCollections.observableArrayList();
    private final Map<String, HostProgress> byHost = new LinkedHashMap<>();
    private final ObservableList<LogLine> log = FXCollections.observableArrayList();
    private final FilteredList<LogLine> visibleLog = new FilteredList<>(log);
    private final ObjectProperty<String> hostFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<StepItem> stepFilter = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.IDLE);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObjectProperty<StepItem> failedStep = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> summary = new SimpleObjectProperty<>();
    private final ObjectProperty<Boolean> installSucceeded = new SimpleObjectProperty<>();
    private final ObjectProperty<Boolean> verifySucceeded = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> verifySummary = new SimpleObjectProperty<>();

    private RunRequest lastRequest;
    private CancelToken cancel = new CancelToken();

    public InstallViewModel(InstallService service, UiContext context) {
        this.service = service;
        this.context = context;
        visibleLog.predicateProperty().bind(Bindings.createObjectBinding(this::logPredicate, hostFilter, stepFilter, search));
    }

    /** The language of the window this view model belongs to. */
    public Texts texts() {
        return context.texts();
    }

    // ---- Properties

    public ObservableList<HostProgress> hosts() {
        return hosts;
    }

    public ObservableList<LogLine> log() {
        return log;
    }

    /** The log as shown: filtered by host, step and search text. */
    public FilteredList<LogLine> visibleLog() {
        return visibleLog;
    }

    public ObjectProperty<String> hostFilterProperty() {
        return hostFilter;
    }

    public ObjectProperty<StepItem> stepFilterProperty() {
        return stepFilter;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public ObjectProperty<StepItem> failedStepProperty() {
        return failedStep;
    }

    public ObjectProperty<LocalizedText> summaryProperty() {
        return summary;
    }

    public ObjectProperty<Boolean> installSucceededProperty() {
        return installSucceeded;
    }

    public ObjectProperty<Boolean> verifySucceededProperty() {
        return verifySucceeded;
    }

    public ObjectProperty<LocalizedText> verifySummaryProperty() {
        return verifySummary;
    }

    // ---- Commands

    /** FX thread: starts install (then verify) for a request captured by the wizard. */
    public void start(RunRequest request) {
        if (running.get()) {
            return;
        }
        lastRequest = request;
        cancel = new CancelToken();
        CancelToken token = cancel;
        resetFor(request);
        running.set(true);
        phase.set(Phase.INSTALLING);
        BatchedSink<RunEvent> sink = context.batching().open(this::apply);
        // verify only after the install's events are on screen, so the phase shown is right
        WorkerCall.run(context, sink, () -> service.install(request, sink::accept, token), outcome -> {
            if (!outcome.ok()) {
                installSucceeded.set(false);
                summary.set(outcome.failure());
                finish();
            } else if (Boolean.TRUE.equals(installSucceeded.get()) && !token.isCancelled()) {
                phase.set(Phase.VERIFYING);
                runVerify(request, token);
            } else {
                finish();
            }
        });
    }

    private void runVerify(RunRequest request, CancelToken token) {
        BatchedSink<RunEvent> sink = context.batching().open(this::apply);
        WorkerCall.run(context, sink, () -> service.verify(request, sink::accept, token), outcome -> {
            if (!outcome.ok()) {
                verifySucceeded.set(false);
                verifySummary.set(outcome.failure());
            }
            finish();
        });
    }

    private void finish() {
        running.set(false);
        phase.set(Phase.DONE);
    }

    public void cancel() {
        cancel.cancel();
        log.add(LogLine.said(null, null, LogLine.Kind.INFO, "", Texts.of("install.cancelling")));
    }

    /** Runs the same request again; steps already done then report "nothing to do". */
    public void retry() {
        if (lastRequest != null) {
            start(lastRequest);
        }
    }

    public String copyText(List<LogLine> lines) {
        StringBuilder text = new StringBuilder();
        for (LogLine line : lines) {
            text.append(line.toClipboard(context.texts().locale())).append('\n');
        }
        return text.toString();
    }

    // ---- Event handling (FX thread, one batch per tick)

    private void resetFor(RunRequest request) {
        commandVariables = CommandVariables.of(request.topology());
        hosts.clear();
        byHost.clear();
        request.topology().hosts().forEach(h -> host(h.name()).expectSteps(plannedSteps(h)));
        failedStep.set(null);
        summary.set(null);
        installSucceeded.set(null);
        verifySucceeded.set(null);
        verifySummary.set(null);
        stepFilter.set(null);
    }

    /**
     * The tutorial's command for a step, filled with this run's addresses, for the "by hand" card
     * next to the step; empty for steps the tutorial has no counterpart of, or before a run.
     */
    public Optional<StepCommand> tutorialCommand(String stepId) {
        Map<String, String> variables = commandVariables;
        return variables.isEmpty() ? Optional.empty() : TutorialCommands.find(stepId).map(c -> c.render(variables));
    }

    /** The steps an install runs on a host: the fewest of any supported release (the release is known only after the probe). */
    static int plannedSteps(dev.halab.core.topology.Host host) {
        return Distros.supported().stream().mapToInt(d -> Steps.forHost(host, d).size()).min().orElse(0);
    }

    /** Applies a batch of events: one list update for all their log lines. */
    public void apply(List<RunEvent> events) {
        List<LogLine> lines = new ArrayList<>();
        for (RunEvent event : events) {
            apply(event, lines);
        }
        if (!lines.isEmpty()) {
            log.addAll(lines);
            if (log.size() > MAX_LOG_LINES) {
                // drop a tenth at once: removing from the head shifts the whole list, so do it rarely
                log.remove(0, log.size() - MAX_LOG_LINES * 9 / 10);
            }
        }
    }

    private void apply(RunEvent event, List<LogLine> lines) {
        if (event instanceof RunEvent.RunStarted e) {
            e.hosts().forEach(this::host);
            lines.add(LogLine.said(null, null, LogLine.Kind.INFO, "", Texts.of("install.runStarted", e.runKind())));
        } else if (event instanceof RunEvent.HostStarted e) {
            HostProgress h = host(e.host());
            h.stateProperty().set(StepState.RUNNING);
            h.updateProgress();
        } else if (event instanceof RunEvent.StepStarted e) {
            StepItem step = step(e.host(), e.stepId(), e.title());
            step.stateProperty().set(StepState.RUNNING);
            host(e.host()).updateProgress();
            lines.add(LogLine.said(e.host(), e.stepId(), LogLine.Kind.INFO, "▶ ", e.title()));
        } else if (event instanceof RunEvent.CommandStarted e) {
            lines.add(LogLine.said(e.host(), e.stepId(), LogLine.Kind.COMMAND, "$ ", e.command()));
        } else if (event instanceof RunEvent.OutputLine e) {
            if (e.line().isBlank()) {
                return; // apt and dpkg print empty lines between their messages: noise in a shared log
            }
            lines.add(LogLine.output(e.host(), e.stepId(), e.stderr() ? LogLine.Kind.ERROR : LogLine.Kind.OUTPUT, e.line()));
        } else if (event instanceof RunEvent.StepChanged e) {
            finishStep(e.host(), e.stepId(), StepState.CHANGED, e.what(), lines);
        } else if (event instanceof RunEvent.StepUnchanged e) {
            finishStep(e.host(), e.stepId(), StepState.UNCHANGED, e.reason(), lines);
        } else if (event instanceof RunEvent.StepFailed e) {
            StepItem step = finishStep(e.host(), e.stepId(), StepState.FAILED, e.why(), lines);
            if (failedStep.get() == null) {
                failedStep.set(step);
            }
        } else if (event instanceof RunEvent.StepSkipped e) {
            finishStep(e.host(), e.stepId(), StepState.SKIPPED, e.why(), lines);
        } else if (event instanceof RunEvent.Notice e) {
            lines.add(LogLine.said(e.host(), null, LogLine.Kind.INFO, "", e.text()));
        } else if (event instanceof RunEvent.FileDiff e) {
            lines.add(LogLine.output(e.host(), null, LogLine.Kind.INFO, e.path()));
        } else if (event instanceof RunEvent.HostFinished e) {
            HostProgress h = host(e.host());
            h.stateProperty().set(e.success() ? StepState.CHANGED : StepState.FAILED);
            h.updateProgress();
        } else if (event instanceof RunEvent.RunFinished e) {
            if (phase.get() == Phase.VERIFYING) {
                verifySucceeded.set(e.success());
                verifySummary.set(e.summary());
            } else {
                installSucceeded.set(e.success());
                summary.set(e.summary());
            }
            lines.add(LogLine.said(null, null, e.success() ? LogLine.Kind.INFO : LogLine.Kind.ERROR, "", e.summary()));
        }
    }

    private StepItem finishStep(String host, String stepId, StepState state, LocalizedText detail, List<LogLine> lines) {
        StepItem step = step(host, stepId, null);
        step.stateProperty().set(state);
        step.detailProperty().set(detail);
        host(host).updateProgress();
        if (detail != null) {
            lines.add(LogLine.said(host, stepId, state == StepState.FAILED ? LogLine.Kind.ERROR : LogLine.Kind.INFO,
                    symbol(state) + " ", detail));
        }
        return step;
    }

    private static String symbol(StepState state) {
        return switch (state) {
            case CHANGED -> "✓";
            case UNCHANGED -> "=";
            case FAILED -> "✗";
            case SKIPPED -> "↷";
            default -> "·";
        };
    }

    private HostProgress host(String name) {
        String key = name == null ? "-" : name;
        return byHost.computeIfAbsent(key, n -> {
            HostProgress progress = new HostProgress(n);
            hosts.add(progress);
            return progress;
        });
    }

    private StepItem step(String host, String stepId, LocalizedText title) {
        HostProgress h = host(host);
        for (StepItem step : h.steps()) {
            if (step.stepId().equals(stepId)) {
                if (title != null) {
                    step.titleProperty().set(title);
                }
                return step;
            }
        }
        StepItem step = new StepItem(h.host(), stepId, title == null ? Texts.of("install.step.unnamed", stepId) : title);
        h.steps().add(step);
        return step;
    }

    private Predicate<LogLine> logPredicate() {
        String host = hostFilter.get();
        StepItem step = stepFilter.get();
        String needle = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        return line -> (host == null || host.equals(line.host()))
                && (step == null || (step.host().equals(line.host()) && step.stepId().equals(line.stepId())))
                && (needle.isEmpty() || line.text(context.texts().locale()).toLowerCase(Locale.ROOT).contains(needle));
    }
}
