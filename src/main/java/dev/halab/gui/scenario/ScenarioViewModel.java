package dev.halab.gui.scenario;

import dev.halab.core.tutorial.CommandVariables;
import dev.halab.core.tutorial.StepCommand;
import dev.halab.core.tutorial.TutorialCommands;
import dev.halab.core.failover.ChaosAction;
import dev.halab.core.failover.Scenario;
import dev.halab.core.failover.ScenarioKind;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Mode;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;
import dev.halab.gui.common.Texts;
import dev.halab.gui.topology.DashboardViewModel;
import dev.halab.gui.topology.NodeModel;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Steps through one of the core's {@link Scenario}s (the same data the CLI's scenario runner
 * uses): says what to do, what should happen (the core's expectation, per VIP) and why, runs the
 * step's action through the dashboard, and shows what happened as the monitor reports it. A kill
 * or restore made with the dashboard's own buttons is matched to the step it belongs to; one that
 * fits no step is shown as off-script instead of being counted for the step on screen.
 */
public final class ScenarioViewModel {
    public enum Outcome { NOT_STARTED, WAITING, MET, OFF_SCRIPT }

    private final DashboardViewModel dashboard;
    private final Topology topology;
    private final ObjectProperty<ScenarioKind> scenario = new SimpleObjectProperty<>();
    private final IntegerProperty stepIndex = new SimpleIntegerProperty();
    private final ObjectProperty<ChaosAction> killMethod = new SimpleObjectProperty<>(ChaosAction.STOP);
    private final ObjectProperty<LocalizedText> todo = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> expect = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> why = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> observed = new SimpleObjectProperty<>();
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.NOT_STARTED);
    private boolean actionDone;
    private boolean offScript;
    /** Set while the panel itself acts through the dashboard, so its own actions are not taken for the buttons'. */
    private boolean acting;

    public ScenarioViewModel(DashboardViewModel dashboard) {
        this.dashboard = dashboard;
        this.topology = dashboard.model().topology();
        scenario.addListener((o, old, now) -> {
            stepIndex.set(0);
            refresh();
        });
        stepIndex.addListener(o -> refresh());
        killMethod.addListener(o -> refresh());
        dashboard.model().vipHolders().addListener((MapChangeListener<String, String>) c -> observe());
        dashboard.stream().addListener((ListChangeListener<Object>) c -> observe());
        dashboard.setOnAction(this::dashboardActed);
        scenario.set(topology.mode() == Mode.DUAL_MASTER ? ScenarioKind.DUAL_MASTER
                : topology.vrrp().preempt() ? ScenarioKind.PREEMPT : ScenarioKind.NOPREEMPT);
    }

    /** The language of the window this view model belongs to. */
    public Texts texts() {
        return dashboard.texts();
    }

    public ObjectProperty<ScenarioKind> scenarioProperty() {
        return scenario;
    }

    public IntegerProperty stepIndexProperty() {
        return stepIndex;
    }

    public ObjectProperty<ChaosAction> killMethodProperty() {
        return killMethod;
    }

    public ObjectProperty<LocalizedText> todoProperty() {
        return todo;
    }

    public ObjectProperty<LocalizedText> expectProperty() {
        return expect;
    }

    public ObjectProperty<LocalizedText> whyProperty() {
        return why;
    }

    public ObjectProperty<LocalizedText> observedProperty() {
        return observed;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public List<Scenario.Step> steps() {
        return Scenario.of(scenario.get()).steps();
    }

    public int stepCount() {
        return steps().size();
    }

    public Scenario.Step currentStep() {
        return steps().get(Math.min(stepIndex.get(), stepCount() - 1));
    }

    /** The tutorial's command for the current step, filled with this lab's addresses (the "by hand" card). */
    public Optional<StepCommand> tutorialCommand() {
        return TutorialCommands.find(TutorialCommands.scenarioKey(scenario.get(), currentStep().id()))
                .map(command -> command.render(CommandVariables.of(topology)));
    }

    /** Does the current step's action: start everything, fail the step's node, or restore it. */
    public void doStep() {
        Scenario.Step step = currentStep();
        String host = Scenario.host(topology, step.node()).name();
        acting = true;
        try {
            switch (step.action()) {
                case BASELINE -> dashboard.restoreAll();
                case FAIL -> dashboard.chaosOn(host, step.faultWith(killMethod.get()));
                case RESTORE -> dashboard.restore(host);
            }
        } finally {
            acting = false;
        }
        actionDone = true;
        offScript = false;
        observe();
    }

    public void nextStep() {
        if (stepIndex.get() < stepCount() - 1) {
            stepIndex.set(stepIndex.get() + 1);
        }
    }

    public void previousStep() {
        if (stepIndex.get() > 0) {
            stepIndex.set(stepIndex.get() - 1);
        }
    }

    /**
     * The dashboard's own buttons failed or restored a node. If that is what this step or the next
     * one does, that step is now under way; otherwise the scenario is off-script until a step is done
     * from the panel again.
     */
    private void dashboardActed(DashboardViewModel.Action action) {
        if (acting) {
            return;
        }
        List<Scenario.Step> steps = steps();
        int current = Math.min(stepIndex.get(), stepCount() - 1);
        for (int i = current; i <= Math.min(current + 1, steps.size() - 1); i++) {
            Scenario.Step step = steps.get(i);
            boolean sameHost = Scenario.host(topology, step.node()).name().equals(action.host());
            boolean fits = sameHost && (action.restore() ? step.action() == Scenario.Action.RESTORE
                    : step.action() == Scenario.Action.FAIL && (step.fault() == null || step.fault() == action.method()));
            if (fits) {
                if (i != current) {
                    stepIndex.set(i);
                }
                if (!action.restore() && step.fault() == null) {
                    killMethod.set(action.method());
                }
                actionDone = true;
                offScript = false;
                observe();
                return;
            }
        }
        offScript = true;
        observe();
    }

    private void refresh() {
        if (scenario.get() == null) {
            return;
        }
        Scenario.Step step = currentStep();
        todo.set(Scenario.actionText(topology, step, killMethod.get()));
        expect.set(Scenario.expectedText(topology, step));
        why.set(LocalizedText.of("failover", step.explanationKey(killMethod.get())));
        actionDone = false;
        offScript = false;
        observe();
    }

    private void observe() {
        if (scenario.get() == null) {
            return;
        }
        Map<VrrpInstance, Host> expected = Scenario.expectedHolders(topology, currentStep());
        LocalizedText seen = null;
        boolean met = true;
        for (Map.Entry<VrrpInstance, Host> e : expected.entrySet()) {
            String vip = e.getKey().vip();
            String holder = dashboard.model().vipHolders().get(vip);
            String served = dashboard.lastServingNginx(vip);
            LocalizedText part = Texts.of("scenario.observed", vip, holder == null ? Texts.of("scenario.nobody") : holder,
                    served == null ? Texts.of("scenario.nobody") : served);
            seen = seen == null ? part : Texts.of("scenario.observedTwo", seen, part);
            met &= e.getValue().name().equals(holder) && label(e.getValue()).equals(served);
        }
        observed.set(seen);
        if (offScript) {
            outcome.set(Outcome.OFF_SCRIPT);
        } else if (!actionDone) {
            outcome.set(Outcome.NOT_STARTED);
        } else {
            outcome.set(met ? Outcome.MET : Outcome.WAITING);
        }
    }

    private String label(Host host) {
        return dashboard.model().node(host.name()).map(NodeModel::label).orElse(host.name());
    }
}
