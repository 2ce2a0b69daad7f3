package dev.halab.gui.scenario;

import dev.halab.core.i18n.LocalizedText;
import dev.halab.gui.common.Texts;
import dev.halab.core.failover.ChaosAction;
import dev.halab.gui.topology.DashboardViewModel;
import dev.halab.gui.topology.NodeModel;
import dev.halab.gui.topology.TopologyModel;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;

/**
 * Steps through a {@link GuidedScenario}: says what to do, what should happen and why, runs the
 * step's action through the dashboard, and shows what happened as the monitor reports it (VIP
 * holder and the nginx that served the latest request), met or not yet.
 */
public final class ScenarioViewModel {
    public enum Outcome { NOT_STARTED, WAITING, MET }

    private final DashboardViewModel dashboard;
    private final ObjectProperty<GuidedScenario> scenario = new SimpleObjectProperty<>();
    private final IntegerProperty stepIndex = new SimpleIntegerProperty();
    private final ObjectProperty<ChaosAction> killMethod = new SimpleObjectProperty<>(ChaosAction.STOP);
    private final ObjectProperty<LocalizedText> todo = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> expect = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> why = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> observed = new SimpleObjectProperty<>();
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.NOT_STARTED);
    private boolean actionDone;

    public ScenarioViewModel(DashboardViewModel dashboard) {
        this.dashboard = dashboard;
        TopologyModel model = dashboard.model();
        scenario.addListener((o, old, now) -> {
            stepIndex.set(0);
            refresh();
        });
        stepIndex.addListener(o -> refresh());
        model.vipHolderProperty().addListener(o -> observe());
        dashboard.stream().addListener((ListChangeListener<Object>) c -> observe());
        scenario.set(model.topology().vrrp().preempt() ? GuidedScenario.PREEMPT : GuidedScenario.NOPREEMPT);
    }

    public ObjectProperty<GuidedScenario> scenarioProperty() {
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

    public int stepCount() {
        return scenario.get().steps().size();
    }

    /** Does the current step's action (for step 1 there is none: just watch). */
    public void doStep() {
        GuidedScenario.Step step = currentStep();
        String master = configuredMaster();
        String backup = configuredBackup();
        switch (step.action()) {
            case KILL_MASTER -> dashboard.chaosOn(master, killMethod.get());
            case RESTORE_MASTER -> dashboard.restore(master);
            case KILL_BACKUP -> dashboard.chaosOn(backup, killMethod.get());
            case NONE -> { }
        }
        actionDone = true;
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

    public GuidedScenario.Step currentStep() {
        return scenario.get().steps().get(Math.min(stepIndex.get(), stepCount() - 1));
    }

    private void refresh() {
        GuidedScenario s = scenario.get();
        int i = Math.min(stepIndex.get(), stepCount() - 1);
        String master = configuredMaster();
        String backup = configuredBackup();
        todo.set(Texts.of(s.textKey(i, "todo"), master, backup));
        expect.set(Texts.of(s.textKey(i, "expect"), label(master), label(backup)));
        why.set(Texts.of(s.textKey(i, "why")));
        actionDone = currentStep().action() == GuidedScenario.Action.NONE;
        observe();
    }

    private void observe() {
        if (scenario.get() == null) {
            return;
        }
        String holder = dashboard.model().vipHolderProperty().get();
        String served = dashboard.lastServingNginx();
        observed.set(Texts.of("scenario.observed", holder == null ? Texts.of("scenario.nobody") : holder,
                served == null ? Texts.of("scenario.nobody") : served));
        if (!actionDone) {
            outcome.set(Outcome.NOT_STARTED);
            return;
        }
        String expected = currentStep().expectedHolder() == GuidedScenario.Role.MASTER ? configuredMaster() : configuredBackup();
        boolean met = expected.equals(holder) && label(expected).equals(served);
        outcome.set(met ? Outcome.MET : Outcome.WAITING);
    }

    private String configuredMaster() {
        return dashboard.model().topology().primaryInstance().master();
    }

    private String configuredBackup() {
        return dashboard.model().frontEnds().stream().map(NodeModel::name)
                .filter(n -> !n.equals(configuredMaster())).findFirst().orElse(configuredMaster());
    }

    private String label(String host) {
        return dashboard.model().node(host).map(NodeModel::label).orElse(host);
    }
}
