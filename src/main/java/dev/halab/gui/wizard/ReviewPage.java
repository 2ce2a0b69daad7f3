package dev.halab.gui.wizard;

import atlantafx.base.theme.Styles;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.Ui;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Review: the dry-run plan, its changed files grouped by host (in the topology's order) with each
 * file's unified diff, and the commands it would run.
 */
final class ReviewPage extends VBox {

    private final Texts texts;

    ReviewPage(WizardViewModel wizard) {
        super(12);
        this.texts = wizard.texts();
        ReviewViewModel vm = wizard.review();
        setId("page-review");
        getStyleClass().add("wizard-page");
        TreeView<Object> files = new TreeView<>(new TreeItem<>());
        files.setId("diff-files");
        files.setShowRoot(false);
        files.setPrefWidth(300);
        files.setCellFactory(tree -> new FileCell());
        TextArea diff = new TextArea();
        diff.setId("diff-text");
        diff.setEditable(false);
        diff.getStyleClass().add("mono");
        // Until someone picks a file, the first file (in host order) is the one shown, as files arrive.
        boolean[] picked = {false};
        boolean[] filling = {false};
        files.getSelectionModel().selectedItemProperty().addListener((o, old, item) -> {
            diff.setText(item != null && item.getValue() instanceof FileDiffItem file ? file.unifiedDiff() : "");
            if (!filling[0] && item != null) {
                picked[0] = true;
            }
        });
        Runnable group = () -> {
            filling[0] = true;
            fill(files, vm, picked[0]);
            filling[0] = false;
            if (vm.diffs().isEmpty()) {
                picked[0] = false;
            }
        };
        vm.diffs().addListener((ListChangeListener<FileDiffItem>) c -> group.run());
        group.run();
        // A re-run on hosts already set up changes no file: say so instead of showing two empty panes.
        Label noChanges = Ui.label(texts, "review.noChanges", Styles.TEXT_MUTED);
        noChanges.setId("review-no-changes");
        noChanges.setWrapText(true);
        noChanges.setPadding(new javafx.geometry.Insets(12));
        noChanges.visibleProperty().bind(Bindings.isEmpty(vm.diffs()).and(vm.statusProperty().isEqualTo(RunStatus.PASSED)));
        StackPane filePane = new StackPane(files, noChanges);
        StackPane.setAlignment(noChanges, javafx.geometry.Pos.TOP_LEFT);
        SplitPane split = new SplitPane(filePane, diff);
        split.setDividerPositions(0.32);
        split.setPrefHeight(470);
        VBox.setVgrow(split, Priority.ALWAYS);
        ListView<PlanLine> commands = new ListView<>(vm.commands());
        commands.setId("plan-commands");
        commands.getStyleClass().add("mono");
        commands.setPrefHeight(150);
        commands.setCellFactory(list -> new PlanLineCell());
        texts.localeProperty().addListener(o -> commands.refresh());
        TitledPane commandPane = new TitledPane();
        commandPane.textProperty().bind(texts.bind("review.commands"));
        commandPane.setContent(commands);
        commandPane.setExpanded(false);
        Button replan = Ui.button(texts, "review.replan", Material2MZ.REFRESH, wizard::runPlan);
        replan.getStyleClass().add(Styles.BUTTON_OUTLINED);
        replan.disableProperty().bind(vm.statusProperty().isEqualTo(RunStatus.RUNNING));
        Label status = new Label();
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            String summary = texts.render(vm.summaryProperty().get());
            String run = texts.get("run.status." + vm.statusProperty().get().name());
            return summary.isEmpty() ? run : run + " · " + summary;
        }, vm.statusProperty(), vm.summaryProperty(), texts.localeProperty()));
        status.setId("plan-status");
        getChildren().addAll(Ui.label(texts, "review.title", Styles.TITLE_3), Ui.label(texts, "review.intro", Styles.TEXT_MUTED),
                Ui.row(replan, status), split, commandPane);
    }

    /** Rebuilds the tree: one expanded branch per host, its files under it; selects the file picked before, else the first. */
    private static void fill(TreeView<Object> files, ReviewViewModel vm, boolean keepSelection) {
        TreeItem<Object> selected = files.getSelectionModel().getSelectedItem();
        Object keep = selected == null ? null : selected.getValue();
        Map<String, TreeItem<Object>> hosts = new LinkedHashMap<>();
        TreeItem<Object> reselect = null;
        TreeItem<Object> first = null;
        for (FileDiffItem item : vm.diffs()) {
            TreeItem<Object> host = hosts.computeIfAbsent(item.host(), h -> {
                TreeItem<Object> branch = new TreeItem<>(h);
                branch.setExpanded(true);
                return branch;
            });
            TreeItem<Object> leaf = new TreeItem<>(item);
            host.getChildren().add(leaf);
            first = first == null ? leaf : first;
            if (item.equals(keep)) {
                reselect = leaf;
            }
        }
        files.getRoot().getChildren().setAll(hosts.values());
        TreeItem<Object> show = keepSelection && reselect != null ? reselect : first;
        if (show != null) {
            files.getSelectionModel().select(show);
        }
    }

    /** A host (bold, with its number of files) or one of its files (its path). */
    private static final class FileCell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object value, boolean empty) {
            super.updateItem(value, empty);
            getStyleClass().remove(Styles.TEXT_BOLD);
            if (empty || value == null) {
                setText(null);
            } else if (value instanceof FileDiffItem file) {
                setText(file.path());
            } else {
                setText(value + " (" + getTreeItem().getChildren().size() + ")");
                getStyleClass().add(Styles.TEXT_BOLD);
            }
        }
    }

    /** "nginx1  $ apt-get install -y nginx", or "nginx1  ✗ why" in the current language. */
    private final class PlanLineCell extends ListCell<PlanLine> {
        @Override
        protected void updateItem(PlanLine line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setText(null);
            } else if (line.failure() != null) {
                setText(line.host() + "  ✗ " + texts.render(line.failure()));
            } else {
                setText(line.host() + "  $ " + texts.render(line.command()));
            }
        }
    }
}
