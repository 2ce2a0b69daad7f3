package dev.halab.gui.wizard;

import atlantafx.base.theme.Styles;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.Ui;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2MZ;

/** Review: the dry-run plan, file by file with its unified diff, and the commands it would run. */
final class ReviewPage extends VBox {

    ReviewPage(WizardViewModel vm) {
        super(12);
        setId("page-review");
        getStyleClass().add("wizard-page");
        ListView<FileDiffItem> files = new ListView<>(vm.diffs());
        files.setId("diff-files");
        files.setPrefWidth(300);
        TextArea diff = new TextArea();
        diff.setId("diff-text");
        diff.setEditable(false);
        diff.getStyleClass().add("mono");
        files.getSelectionModel().selectedItemProperty().addListener((o, old, item) ->
                diff.setText(item == null ? "" : item.unifiedDiff()));
        vm.diffs().addListener((javafx.collections.ListChangeListener<FileDiffItem>) c -> {
            if (files.getSelectionModel().isEmpty() && !vm.diffs().isEmpty()) {
                files.getSelectionModel().select(0);
            }
        });
        SplitPane split = new SplitPane(files, diff);
        split.setDividerPositions(0.32);
        split.setPrefHeight(470);
        VBox.setVgrow(split, Priority.ALWAYS);
        ListView<String> commands = new ListView<>(vm.planCommands());
        commands.getStyleClass().add("mono");
        commands.setPrefHeight(150);
        TitledPane commandPane = new TitledPane();
        commandPane.textProperty().bind(Texts.bind("review.commands"));
        commandPane.setContent(commands);
        commandPane.setExpanded(false);
        Button replan = Ui.button("review.replan", Material2MZ.REFRESH, vm::runPlan);
        replan.getStyleClass().add(Styles.BUTTON_OUTLINED);
        replan.disableProperty().bind(vm.planStatusProperty().isEqualTo(WizardViewModel.RunStatus.RUNNING));
        Label status = new Label();
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            String summary = Texts.render(vm.planSummaryProperty().get());
            String run = Texts.get("run.status." + vm.planStatusProperty().get().name());
            return summary.isEmpty() ? run : run + " · " + summary;
        }, vm.planStatusProperty(), vm.planSummaryProperty(), Texts.localeProperty()));
        status.setId("plan-status");
        getChildren().addAll(Ui.label("review.title", Styles.TITLE_3), Ui.label("review.intro", Styles.TEXT_MUTED),
                new HBox(12, replan, status), split, commandPane);
    }
}
