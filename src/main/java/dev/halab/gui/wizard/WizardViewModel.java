package dev.halab.gui.wizard;

import dev.halab.core.event.RunEvent;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.profile.ProfileException;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Problem;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.TopologyValidator;
import dev.halab.gui.common.BatchedSink;
import dev.halab.gui.common.CancelToken;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.service.ConnectionCheck;
import dev.halab.gui.service.Credentials;
import dev.halab.core.remote.HostKeyPrompt;
import dev.halab.gui.service.RunRequest;
import dev.halab.gui.service.ServiceOutcome;
import dev.halab.gui.service.Services;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wizard's logic: navigation, validation with the core's messages, the live failover estimate,
 * connection tests, the local lab, pre-flight and the dry-run plan. It never touches controls; its
 * blocking calls go through the {@link UiContext}'s executor.
 */
public final class WizardViewModel {
    public static final String LOCAL_LAB_PROFILE = "local-lab";

    private final WizardState state = new WizardState();
    private final Services services;
    private final UiContext context;

    private final ReadOnlyObjectWrapper<WizardPage> page = new ReadOnlyObjectWrapper<>(WizardPage.START);
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObjectProperty<LocalizedText> estimate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> error = new SimpleObjectProperty<>();

    private final javafx.collections.ObservableMap<String, String> profileDescriptions = FXCollections.observableHashMap();
    private final ObservableList<LocalizedText> labProgress = FXCollections.observableArrayList();
    private final BooleanProperty labBusy = new SimpleBooleanProperty();

    private final ObservableList<PreflightRow> preflight = FXCollections.observableArrayList();
    private final ObjectProperty<RunStatus> preflightStatus = new SimpleObjectProperty<>(RunStatus.NOT_RUN);
    private final ObservableList<FileDiffItem> diffs = FXCollections.observableArrayList();
    private final ObservableList<String> planCommands = FXCollections.observableArrayList();
    private final ObjectProperty<RunStatus> planStatus = new SimpleObjectProperty<>(RunStatus.NOT_RUN);
    private final ObjectProperty<LocalizedText> planSummary = new SimpleObjectProperty<>();

    private HostKeyPrompt hostKeyPrompt = HostKeyPrompt.REFUSE;
    private final BooleanBinding canGoNext;
    private final BooleanBinding canGoBack;

    public enum RunStatus { NOT_RUN, RUNNING, PASSED, FAILED }

    public WizardViewModel(Services services, UiContext context) {
        this.services = services;
        this.context = context;
        for (var input : state.validationInputs()) {
            input.addListener(o -> revalidate());
        }
        canGoNext = Bindings.createBooleanBinding(this::computeCanGoNext, page, problems, preflightStatus, planStatus,
                state.baseProperty(), state.localLabProperty(), state.localLabReadyProperty(), labBusy);
        canGoBack = Bindings.createBooleanBinding(() -> page.get() != WizardPage.START, page);
        revalidate();
    }

    // ---- Properties

    public WizardState state() {
        return state;
    }

    public ReadOnlyObjectProperty<WizardPage> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    public ObjectProperty<LocalizedText> estimateProperty() {
        return estimate;
    }

    public ObjectProperty<LocalizedText> errorProperty() {
        return error;
    }

    public BooleanBinding canGoNextBinding() {
        return canGoNext;
    }

    public BooleanBinding canGoBackBinding() {
        return canGoBack;
    }

    public ObservableList<LocalizedText> labProgress() {
        return labProgress;
    }

    public BooleanProperty labBusyProperty() {
        return labBusy;
    }

    public Optional<LocalizedText> labUnavailableReason() {
        return services.lab().unavailableReason();
    }

    public ObservableList<PreflightRow> preflightRows() {
        return preflight;
    }

    public ObjectProperty<RunStatus> preflightStatusProperty() {
        return preflightStatus;
    }

    public ObservableList<FileDiffItem> diffs() {
        return diffs;
    }

    public ObservableList<String> planCommands() {
        return planCommands;
    }

    public ObjectProperty<RunStatus> planStatusProperty() {
        return planStatus;
    }

    public ObjectProperty<LocalizedText> planSummaryProperty() {
        return planSummary;
    }

    /** The first problem reported on exactly this field (for the message under it), or null. */
    public ObjectBinding<Problem> problemOn(String field) {
        return Bindings.createObjectBinding(() -> problems.stream().filter(p -> p.field().equals(field))
                .findFirst().orElse(null), problems);
    }

    public List<Problem> problemsOn(WizardPage wizardPage) {
        return problems.stream().filter(p -> wizardPage.owns(p.field())).toList();
    }

    public void setHostKeyPrompt(HostKeyPrompt prompt) {
        this.hostKeyPrompt = prompt;
    }

    // ---- Commands

    public List<String> profileNames() {
        return shippedProfileNames().stream().filter(n -> !n.startsWith(LOCAL_LAB_PROFILE)).toList();
    }

    /** The local lab's profiles: the tutorial's settings and its variants (nopreempt, dual master, fast). */
    public List<String> labProfileNames() {
        return shippedProfileNames().stream().filter(n -> n.startsWith(LOCAL_LAB_PROFILE)).toList();
    }

    /**
     * Same list as {@link ProfileLoader#shippedProfileNames()}, without touching ProfileLoader: its
     * JSON mapper costs a few hundred milliseconds to set up, which the first frame should not wait for.
     */
    private static List<String> shippedProfileNames() {
        return dev.halab.core.resources.ProjectResources.list("vm-profiles").stream()
                .filter(n -> n.endsWith(".json")).map(n -> n.substring(0, n.length() - ".json".length()))
                .sorted().toList();
    }

    /** Profile name to its description, filled in the background (reading every profile at startup would delay the window). */
    public javafx.collections.ObservableMap<String, String> profileDescriptions() {
        return profileDescriptions;
    }

    public void loadProfileDescriptions() {
        List<String> names = profileNames();
        context.background().execute(() -> {
            Map<String, String> found = new LinkedHashMap<>();
            for (String name : names) {
                try {
                    String description = ProfileLoader.load(name).description();
                    found.put(name, description == null ? "" : description);
                } catch (ProfileException e) {
                    found.put(name, e.text().render(Texts.locale()));
                }
            }
            context.ui().post(() -> profileDescriptions.putAll(found));
        });
    }

    public void chooseProfile(String name) {
        try {
            Topology topology = ProfileLoader.load(name);
            state.localLabProperty().set(name.startsWith(LOCAL_LAB_PROFILE));
            state.load(name, topology);
            error.set(null);
            invalidateRuns();
        } catch (ProfileException e) {
            error.set(e.text());
        }
    }

    public void chooseLocalLab() {
        chooseLocalLab(LOCAL_LAB_PROFILE);
    }

    /** A local-lab profile; the lab's hosts are the same for every variant, so a lab already up stays ready. */
    public void chooseLocalLab(String variant) {
        boolean ready = state.localLabReadyProperty().get();
        chooseProfile(variant);
        state.localLabReadyProperty().set(ready);
    }

    /** Brings the local lab up in the background; on success the machines page is filled with its login. */
    public void startLocalLab() {
        Optional<LocalizedText> reason = labUnavailableReason();
        if (reason.isPresent()) {
            error.set(reason.get());
            return;
        }
        labBusy.set(true);
        labProgress.clear();
        error.set(null);
        BatchedSink<LocalizedText> progress = context.batching().open(labProgress::addAll);
        context.background().execute(() -> {
            var outcome = ServiceOutcome.attempt(() -> services.lab().up(progress));
            progress.close();
            context.ui().post(() -> {
                if (outcome.ok()) {
                    labReady(outcome.value());
                } else {
                    labBusy.set(false);
                    error.set(outcome.failure());
                }
            });
        });
    }

    private void labReady(Credentials credentials) {
        labBusy.set(false);
        state.sshUserProperty().set(credentials.user());
        if (credentials.keyFile() != null) {
            state.loginProperty().set(WizardState.Login.KEY);
            state.keyFileProperty().set(credentials.keyFile().toString());
        } else {
            state.loginProperty().set(WizardState.Login.PASSWORD);
            state.passwordProperty().set(credentials.password());
        }
        state.localLabReadyProperty().set(true);
        labProgress.add(Texts.of("lab.ready"));
    }

    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        WizardPage current = page.get();
        if (current.ordinal() < WizardPage.values().length - 1) {
            WizardPage target = WizardPage.values()[current.ordinal() + 1];
            page.set(target);
            if (target == WizardPage.PREFLIGHT && preflightStatus.get() == RunStatus.NOT_RUN) {
                runPreflight();
            } else if (target == WizardPage.REVIEW && planStatus.get() == RunStatus.NOT_RUN) {
                runPlan();
            }
        }
    }

    public void back() {
        WizardPage current = page.get();
        if (current.ordinal() > 0) {
            page.set(WizardPage.values()[current.ordinal() - 1]);
        }
    }

    /** FX thread: the run request from the current fields (credentials captured now). */
    public RunRequest runRequest() {
        return new RunRequest(state.toDraft().topology(), state.credentials());
    }

    public void testConnection(HostFields row) {
        Topology topology = state.toDraft().topology();
        Optional<Host> host = topology == null ? Optional.empty() : topology.findHost(row.name());
        if (host.isEmpty()) {
            return;
        }
        Credentials credentials = state.credentials();
        HostKeyPrompt prompt = hostKeyPrompt;
        row.testStateProperty().set(HostFields.TestState.TESTING);
        row.testMessageProperty().set(null);
        context.background().execute(() -> {
            ConnectionCheck check;
            try {
                check = services.connection().test(topology, host.get(), credentials, prompt);
            } catch (RuntimeException e) {
                check = new ConnectionCheck(false, null, Texts.of("error.unexpected", String.valueOf(e)), null);
            }
            ConnectionCheck result = check;
            context.ui().post(() -> {
                row.testMessageProperty().set(result.message());
                row.fingerprintProperty().set(result.fingerprint());
                if (result.detectedInterface() != null && host.get().isFrontEnd()
                        && state.interfaceNameProperty().get().isBlank()) {
                    state.interfaceNameProperty().set(result.detectedInterface());
                }
                // Last, so whoever watches the state sees the message and fingerprint already set.
                row.testStateProperty().set(result.ok() ? HostFields.TestState.OK : HostFields.TestState.FAILED);
            });
        });
    }

    public void runPreflight() {
        RunRequest request = runRequest();
        preflight.clear();
        Map<String, PreflightRow> rows = new LinkedHashMap<>();
        for (Host host : request.topology().hosts()) {
            PreflightRow row = new PreflightRow(host.name());
            rows.put(host.name(), row);
            preflight.add(row);
        }
        preflightStatus.set(RunStatus.RUNNING);
        BatchedSink<RunEvent> sink = context.batching().open(events -> events.forEach(e -> applyPreflight(rows, e)));
        context.background().execute(() -> {
            var outcome = ServiceOutcome.attemptAction(() -> services.install().preflight(request, sink::accept, new CancelToken()));
            sink.close();
            context.ui().post(() -> {
                if (!outcome.ok()) {
                    error.set(outcome.failure());
                    preflightStatus.set(RunStatus.FAILED);
                    rows.values().forEach(r -> r.stateProperty().set(PreflightRow.State.FAILED));
                }
            });
        });
    }

    void applyPreflight(Map<String, PreflightRow> rows, RunEvent event) {
        if (event instanceof RunEvent.StepChanged e) {
            message(rows, e.host(), e.what());
        } else if (event instanceof RunEvent.StepUnchanged e) {
            message(rows, e.host(), e.reason());
        } else if (event instanceof RunEvent.StepFailed e) {
            message(rows, e.host(), e.why());
            row(rows, e.host()).ifPresent(r -> r.stateProperty().set(PreflightRow.State.FAILED));
        } else if (event instanceof RunEvent.Notice e) {
            message(rows, e.host(), e.text());
        } else if (event instanceof RunEvent.HostFinished e) {
            row(rows, e.host()).ifPresent(r -> {
                if (r.stateProperty().get() != PreflightRow.State.FAILED) {
                    r.stateProperty().set(e.success() ? PreflightRow.State.PASSED : PreflightRow.State.FAILED);
                }
            });
        } else if (event instanceof RunEvent.RunFinished e) {
            preflightStatus.set(e.success() ? RunStatus.PASSED : RunStatus.FAILED);
            rows.values().stream().filter(r -> r.stateProperty().get() == PreflightRow.State.RUNNING)
                    .forEach(r -> r.stateProperty().set(e.success() ? PreflightRow.State.PASSED : PreflightRow.State.FAILED));
        }
    }

    private static Optional<PreflightRow> row(Map<String, PreflightRow> rows, String host) {
        return Optional.ofNullable(host == null ? null : rows.get(host));
    }

    private static void message(Map<String, PreflightRow> rows, String host, LocalizedText text) {
        if (text != null) {
            row(rows, host).ifPresent(r -> r.messages().add(text));
        }
    }

    public void runPlan() {
        RunRequest request = runRequest();
        diffs.clear();
        planCommands.clear();
        planSummary.set(null);
        planStatus.set(RunStatus.RUNNING);
        BatchedSink<RunEvent> sink = context.batching().open(events -> events.forEach(this::applyPlan));
        context.background().execute(() -> {
            var outcome = ServiceOutcome.attemptAction(() -> services.install().plan(request, sink::accept, new CancelToken()));
            sink.close();
            context.ui().post(() -> {
                if (!outcome.ok()) {
                    error.set(outcome.failure());
                    planStatus.set(RunStatus.FAILED);
                }
            });
        });
    }

    void applyPlan(RunEvent event) {
        if (event instanceof RunEvent.FileDiff e) {
            diffs.add(new FileDiffItem(e.host(), e.path(), e.unifiedDiff()));
        } else if (event instanceof RunEvent.CommandStarted e) {
            planCommands.add(e.host() + "  $ " + e.command());
        } else if (event instanceof RunEvent.StepFailed e) {
            planCommands.add(e.host() + "  ✗ " + Texts.render(e.why()));
        } else if (event instanceof RunEvent.RunFinished e) {
            planSummary.set(e.summary());
            planStatus.set(e.success() ? RunStatus.PASSED : RunStatus.FAILED);
        }
    }

    // ---- Logic

    private void revalidate() {
        WizardState.Draft draft = state.toDraft();
        List<Problem> all = new ArrayList<>(draft.inputProblems());
        if (draft.topology() != null) {
            all.addAll(TopologyValidator.validate(draft.topology()));
            estimate.set(describeEstimate(draft.topology()));
        } else {
            estimate.set(null);
        }
        problems.setAll(all);
        invalidateRuns();
    }

    /** Changing a field after pre-flight or plan makes their results stale. */
    private void invalidateRuns() {
        if (preflightStatus.get() != RunStatus.RUNNING) {
            preflightStatus.set(RunStatus.NOT_RUN);
        }
        if (planStatus.get() != RunStatus.RUNNING) {
            planStatus.set(RunStatus.NOT_RUN);
        }
    }

    /** "About 3.06 s if the master dies silently, about 0.06 s on a graceful stop", or why not computable. */
    static LocalizedText describeEstimate(Topology topology) {
        var v = topology.vrrp();
        if (v == null || v.advertInterval() == null || v.advertInterval().signum() <= 0
                || (v.version() != 2 && v.version() != 3) || v.backupPriority() < 1 || v.backupPriority() > 254) {
            return Texts.of("ha.estimate.unknown");
        }
        FailoverEstimate e = FailoverEstimate.of(v.version(), v.advertInterval(), v.backupPriority());
        BigDecimal advert = dev.halab.core.failover.FailoverTiming.effectiveAdvert(v.version(), v.advertInterval());
        return Texts.of("ha.estimate", e.silentDeath().toPlainString(), e.gracefulStop().toPlainString(),
                advert.stripTrailingZeros().toPlainString(), v.backupPriority());
    }

    private boolean computeCanGoNext() {
        return switch (page.get()) {
            case START -> state.baseProperty().get() != null
                    && (!state.localLabProperty().get() || state.localLabReadyProperty().get()) && !labBusy.get();
            case MACHINES -> problemsOn(WizardPage.MACHINES).stream().noneMatch(Problem::isError);
            case HIGH_AVAILABILITY -> problemsOn(WizardPage.HIGH_AVAILABILITY).stream().noneMatch(Problem::isError)
                    && !TopologyValidator.hasErrors(problems);
            case PREFLIGHT -> preflightStatus.get() == RunStatus.PASSED;
            case REVIEW -> planStatus.get() == RunStatus.PASSED;
        };
    }
}
