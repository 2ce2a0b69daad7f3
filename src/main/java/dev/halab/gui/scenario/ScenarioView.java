package dev.halab.gui.scenario;

import dev.halab.gui.companion.TutorialCommandCard;
import javafx.scene.control.TitledPane;
import atlantafx.base.theme.Styles;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.Ui;
import dev.halab.core.failover.ChaosAction;
import dev.halab.core.failover.ScenarioKind;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import java.util.List;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The guided scenario panel: what to do, what should happen and why, what happened. */
public final class ScenarioView extends VBox {

    private final Texts texts;

    public ScenarioView(ScenarioViewModel vm) {
        super(10);
        this.texts = vm.texts();
        setId("scenario");
        getStyleClass().add("scenario-panel");
        ComboBox<ScenarioKind> choice = new ComboBox<>();
        choice.setId("scenario-choice");
        choice.getItems().setAll(ScenarioKind.values());
        choice.valueProperty().bindBidirectional(vm.scenarioProperty());
        choice.setCellFactory(l -> new ScenarioCell());
        choice.setButtonCell(new ScenarioCell());
        texts.localeProperty().addListener(o -> choice.setButtonCell(new ScenarioCell()));

        Label step = new Label();
        step.setId("scenario-step");
        step.getStyleClass().add(Styles.TITLE_4);
        step.textProperty().bind(Bindings.createStringBinding(() -> texts.get("scenario.stepOf",
                vm.stepIndexProperty().get() + 1, vm.stepCount()), vm.stepIndexProperty(), vm.scenarioProperty(),
                texts.localeProperty()));

        Label outcome = new Label();
        outcome.setId("scenario-outcome");
        Runnable showOutcome = () -> {
            outcome.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.TEXT_MUTED);
            switch (vm.outcomeProperty().get()) {
                case MET -> {
                    outcome.setText(texts.get("scenario.outcome.met"));
                    outcome.setGraphic(Ui.icon(Material2AL.CHECK_CIRCLE));
                    outcome.getStyleClass().add(Styles.SUCCESS);
                }
                case OFF_SCRIPT -> {
                    outcome.setText(texts.get("scenario.outcome.offScript"));
                    outcome.setGraphic(Ui.icon(Material2AL.INFO));
                    outcome.getStyleClass().add(Styles.WARNING);
                }
                case WAITING -> {
                    outcome.setText(texts.get("scenario.outcome.waiting"));
                    outcome.setGraphic(Ui.icon(Material2AL.HOURGLASS_EMPTY));
                    outcome.getStyleClass().add(Styles.WARNING);
                }
                default -> {
                    outcome.setText(texts.get("scenario.outcome.notStarted"));
                    outcome.setGraphic(null);
                    outcome.getStyleClass().add(Styles.TEXT_MUTED);
                }
            }
        };
        vm.outcomeProperty().addListener(o -> showOutcome.run());
        texts.localeProperty().addListener(o -> showOutcome.run());
        showOutcome.run();

        ComboBox<ChaosAction> method = new ComboBox<>();
        method.getItems().setAll(ChaosAction.STOP, ChaosAction.KILL, ChaosAction.NET, ChaosAction.POWER);
        method.valueProperty().bindBidirectional(vm.killMethodProperty());
        method.setCellFactory(l -> new MethodCell());
        method.setButtonCell(new MethodCell());
        texts.localeProperty().addListener(o -> method.setButtonCell(new MethodCell()));

        Button doIt = Ui.button(texts, "scenario.do", Material2MZ.PLAY_ARROW, vm::doStep);
        doIt.setId("scenario-do");
        doIt.getStyleClass().add(Styles.ACCENT);
        Button previous = Ui.button(texts, "scenario.previous", Material2AL.ARROW_BACK, vm::previousStep);
        previous.disableProperty().bind(vm.stepIndexProperty().isEqualTo(0));
        Button next = Ui.button(texts, "scenario.next", Material2AL.ARROW_FORWARD, vm::nextStep);
        next.setId("scenario-next");
        next.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.stepIndexProperty().get() >= vm.stepCount() - 1,
                vm.stepIndexProperty(), vm.scenarioProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, previous, spacer, doIt, next);
        buttons.setAlignment(Pos.CENTER_LEFT);

        // The tutorial's own command for this step, next to it, as on the install screen.
        VBox byHand = new VBox();
        byHand.setId("scenario-by-hand");
        Runnable showCommand = () -> byHand.getChildren().setAll(vm.tutorialCommand()
                .map(c -> List.<javafx.scene.Node>of(TutorialCommandCard.of(texts, dev.halab.core.i18n.LocalizedText.of("gui", "scenario.byHand"), c))).orElse(List.of()));
        vm.stepIndexProperty().addListener(o -> showCommand.run());
        vm.scenarioProperty().addListener(o -> showCommand.run());
        showCommand.run();
        TitledPane byHandPane = new TitledPane();
        byHandPane.textProperty().bind(texts.bind("scenario.byHand"));
        byHandPane.setContent(byHand);
        byHandPane.setExpanded(false);
        byHandPane.setId("scenario-by-hand-pane");

        getChildren().addAll(Ui.label(texts, "scenario.title", Styles.TITLE_3), choice, step,
                section("scenario.todo", Ui.label(texts, vm.todoProperty())),
                section("scenario.expect", Ui.label(texts, vm.expectProperty())),
                section("scenario.why", Ui.label(texts, vm.whyProperty(), Styles.TEXT_MUTED)),
                section("scenario.happened", new VBox(4, Ui.label(texts, vm.observedProperty()), outcome)),
                byHandPane, new HBox(8, Ui.label(texts, "scenario.method"), method), buttons);
    }

    private VBox section(String key, javafx.scene.Node body) {
        VBox box = new VBox(2, Ui.label(texts, key, Styles.TEXT_BOLD, Styles.TEXT_SMALL), body);
        box.getStyleClass().add("scenario-section");
        return box;
    }

    private final class ScenarioCell extends ListCell<ScenarioKind> {
        @Override
        protected void updateItem(ScenarioKind item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : texts.get("scenario." + item.cliName() + ".name"));
        }
    }

    private final class MethodCell extends ListCell<ChaosAction> {
        @Override
        protected void updateItem(ChaosAction item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : texts.get("chaos." + item.name()));
        }
    }
}
