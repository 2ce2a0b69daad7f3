package dev.halab.gui.companion;

import atlantafx.base.theme.Styles;
import dev.halab.core.exercise.Exercise;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.Ui;
import dev.halab.gui.companion.ExercisesViewModel.Phase;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Callback;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The break-it-yourself tab: pick a mistake, let HA Lab plant it, watch the dashboard, pick the
 * cause; then HA Lab's diagnosis, the repair and the record for the report.
 */
final class ExercisesPane extends ScrollPane {
    private final Texts texts;

    ExercisesPane(ExercisesViewModel vm) {
        this.texts = vm.texts();
        setId("companion-exercises");
        ComboBox<Exercise> exercise = exerciseBox("exercise-choice");
        exercise.getSelectionModel().selectFirst();
        Button start = new Button();
        start.setId("exercise-start");
        start.setGraphic(Ui.icon(Material2AL.BUG_REPORT));
        start.textProperty().bind(CompanionBundle.bind(texts, "exercise.start"));
        start.disableProperty().bind(vm.phaseProperty().isNotEqualTo(Phase.IDLE).and(vm.phaseProperty().isNotEqualTo(Phase.DONE)));
        start.setOnAction(e -> vm.start(exercise.getValue()));

        ComboBox<Exercise> answer = exerciseBox("exercise-answer");
        Button submit = new Button();
        submit.setId("exercise-submit");
        submit.textProperty().bind(CompanionBundle.bind(texts, "exercise.submit"));
        submit.setOnAction(e -> vm.answer(answer.getValue()));
        Button giveUp = new Button();
        giveUp.setId("exercise-give-up");
        giveUp.setGraphic(Ui.icon(Material2MZ.VISIBILITY));
        giveUp.textProperty().bind(CompanionBundle.bind(texts, "exercise.giveUp"));
        giveUp.setOnAction(e -> vm.giveUp());
        HBox answering = new HBox(8, answer, submit, giveUp);
        answering.disableProperty().bind(vm.phaseProperty().isNotEqualTo(Phase.WATCHING));

        VBox content = new VBox(10,
                CompanionBundle.label(texts, CompanionBundle.of("exercise.intro"), Styles.TEXT_MUTED),
                new HBox(8, exercise, start),
                status("exercise-progress", vm.progressProperty(), Styles.TEXT_BOLD),
                CompanionBundle.label(texts, CompanionBundle.of("exercise.question")),
                answering,
                status("exercise-feedback", vm.feedbackProperty(), Styles.ACCENT),
                status("exercise-diagnosis", vm.diagnosisProperty()),
                status("exercise-outcome", vm.outcomeProperty(), Styles.SUCCESS));
        content.setPadding(new Insets(16));
        setContent(content);
        setFitToWidth(true);
    }

    private ComboBox<Exercise> exerciseBox(String id) {
        ComboBox<Exercise> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(Exercise.values());
        Callback<javafx.scene.control.ListView<Exercise>, ListCell<Exercise>> cells = list -> new ListCell<>() {
            @Override
            protected void updateItem(Exercise item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                } else {
                    textProperty().bind(Bindings.createStringBinding(() -> texts.render(item.title()), texts.localeProperty()));
                }
            }
        };
        box.setCellFactory(cells);
        box.setButtonCell(cells.call(null));
        return box;
    }

    private Label status(String id, ObservableValue<dev.halab.core.i18n.LocalizedText> text, String... styles) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().addAll(styles);
        label.textProperty().bind(texts.bind(text));
        return label;
    }
}
