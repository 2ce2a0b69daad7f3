package dev.halab.gui.wizard;

import dev.halab.core.failover.FailoverTiming;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Problem;
import dev.halab.core.topology.Remedy;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.TopologyValidator;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.service.RunRequest;
import dev.halab.gui.service.Services;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The wizard as a whole: the shared {@link WizardState}, navigation between pages, validation with
 * the core's messages, the live failover estimate and the one error banner. Each page with work of
 * its own has its view model over the same state ({@link #start()}, {@link #machines()},
 * {@link #preflight()}, {@link #review()}). Nothing here touches controls; blocking calls go
 * through the {@link UiContext}'s executor.
 */
public final class WizardViewModel {
    private final WizardState state = new WizardState();

    private final ReadOnlyObjectWrapper<WizardPage> page = new ReadOnlyObjectWrapper<>(WizardPage.START);
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObjectProperty<LocalizedText> estimate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> error = new SimpleObjectProperty<>();

    private final StartViewModel start;
    private final MachinesViewModel machines;
    private final PreflightViewModel preflight;
    private final ReviewViewModel review;
    private final BooleanBinding canGoNext;
    private final BooleanBinding canGoBack;
    private final Texts texts;

    public WizardViewModel(Services services, UiContext context) {
        this.texts = context.texts();
        start = new StartViewModel(state, services, context, error, this::invalidateRuns);
        machines = new MachinesViewModel(state, services, context);
        preflight = new PreflightViewModel(services, context, error);
        review = new ReviewViewModel(services, context, error);
        for (var input : state.validationInputs()) {
            input.addListener(o -> revalidate());
        }
        canGoNext = Bindings.createBooleanBinding(this::computeCanGoNext, page, problems, preflight.statusProperty(),
                review.statusProperty(), state.baseProperty(), state.localLabProperty(), state.localLabReadyProperty(),
                start.labBusyProperty());
        canGoBack = Bindings.createBooleanBinding(() -> page.get() != WizardPage.START, page);
        revalidate();
    }

    /** The language of the window this view model belongs to. */
    public Texts texts() {
        return texts;
    }

    // ---- Properties

    public WizardState state() {
        return state;
    }

    public StartViewModel start() {
        return start;
    }

    public MachinesViewModel machines() {
        return machines;
    }

    public PreflightViewModel preflight() {
        return preflight;
    }

    public ReviewViewModel review() {
        return review;
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

    /** The first problem reported on exactly this field (for the message under it), or null. */
    public ObjectBinding<Problem> problemOn(String field) {
        return Bindings.createObjectBinding(() -> problems.stream().filter(p -> p.field().equals(field))
                .findFirst().orElse(null), problems);
    }

    public List<Problem> problemsOn(WizardPage wizardPage) {
        return problems.stream().filter(p -> wizardPage.owns(p.field())).toList();
    }

    // ---- Commands

    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        WizardPage current = page.get();
        if (current.ordinal() < WizardPage.values().length - 1) {
            WizardPage target = WizardPage.values()[current.ordinal() + 1];
            page.set(target);
            if (target == WizardPage.PREFLIGHT && preflight.statusProperty().get() == RunStatus.NOT_RUN) {
                runPreflight();
            } else if (target == WizardPage.REVIEW && review.statusProperty().get() == RunStatus.NOT_RUN) {
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

    public void runPreflight() {
        preflight.run(runRequest());
    }

    /** One click on a fix pre-flight offered: the fields change as if typed, then pre-flight runs again. */
    public void applyRemedy(Remedy remedy) {
        state.apply(remedy);
        runPreflight();
    }

    public void runPlan() {
        review.run(runRequest());
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
        preflight.invalidate();
        review.invalidate();
    }

    /** "About 3.06 s if the master dies silently, about 0.06 s on a graceful stop", or why not computable. */
    static LocalizedText describeEstimate(Topology topology) {
        var v = topology.vrrp();
        if (v == null || v.advertInterval() == null || v.advertInterval().signum() <= 0
                || (v.version() != 2 && v.version() != 3) || v.backupPriority() < 1 || v.backupPriority() > 254) {
            return Texts.of("ha.estimate.unknown");
        }
        FailoverEstimate e = FailoverEstimate.of(v.version(), v.advertInterval(), v.backupPriority());
        BigDecimal advert = FailoverTiming.effectiveAdvert(v.version(), v.advertInterval());
        return Texts.of("ha.estimate", e.silentDeath().toPlainString(), e.gracefulStop().toPlainString(),
                advert.stripTrailingZeros().toPlainString(), v.backupPriority());
    }

    private boolean computeCanGoNext() {
        return switch (page.get()) {
            case START -> state.baseProperty().get() != null
                    && (!state.localLabProperty().get() || state.localLabReadyProperty().get())
                    && !start.labBusyProperty().get();
            case MACHINES -> problemsOn(WizardPage.MACHINES).stream().noneMatch(Problem::isError);
            case HIGH_AVAILABILITY -> problemsOn(WizardPage.HIGH_AVAILABILITY).stream().noneMatch(Problem::isError)
                    && !TopologyValidator.hasErrors(problems);
            case PREFLIGHT -> preflight.statusProperty().get() == RunStatus.PASSED;
            case REVIEW -> review.statusProperty().get() == RunStatus.PASSED;
        };
    }
}
