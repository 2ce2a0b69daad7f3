package dev.halab.gui.install;

import atlantafx.base.theme.Styles;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.Ui;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.ArrayList;
import java.util.List;

/**
 * The live log: a virtualised {@link ListView} (only visible rows are drawn, so 100 000 apt lines
 * cost nothing), filtered by host and search text, follows the tail unless the user scrolls away,
 * copies the selected lines (or all shown) with the button or Ctrl+C.
 */
public final class LogView extends VBox {
    private final ListView<LogLine> list;
    private final CheckBox follow = new CheckBox();

    private final Texts texts;

    public LogView(InstallViewModel vm) {
        super(6);
        this.texts = vm.texts();
        setId("log-view");
        list = new ListView<>(vm.visibleLog());
        list.setId("log-list");
        list.getStyleClass().addAll("log-list", "mono");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(l -> new LogCell());
        // fixed row height: the ListView then never measures rows, which keeps 100 000 lines cheap
        list.setFixedCellSize(22);
        VBox.setVgrow(list, Priority.ALWAYS);

        ComboBox<String> hosts = new ComboBox<>();
        hosts.setId("log-host");
        hosts.getItems().add(null);
        vm.hosts().addListener((ListChangeListener<HostProgress>) c -> {
            List<String> names = new ArrayList<>();
            names.add(null);
            vm.hosts().forEach(h -> names.add(h.host()));
            hosts.getItems().setAll(names);
        });
        hosts.setConverter(new StringConverter<>() {
            @Override
            public String toString(String host) {
                return host == null ? texts.get("log.allHosts") : host;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        hosts.valueProperty().bindBidirectional(vm.hostFilterProperty());
        texts.localeProperty().addListener(o -> {
            String value = hosts.getValue();
            hosts.setValue("");
            hosts.setValue(value);
            list.refresh(); // HA Lab's own lines are rendered when drawn: they follow the language
        });

        TextField search = TextFields.createClearableTextField();
        search.setId("log-search");
        search.promptTextProperty().bind(texts.bind("log.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);

        Button copy = Ui.button(texts, "log.copy", Material2AL.CONTENT_COPY, () -> copy(vm));
        copy.setId("log-copy");
        copy.getStyleClass().add(Styles.BUTTON_OUTLINED);
        follow.textProperty().bind(texts.bind("log.follow"));
        follow.setSelected(true);
        Label stepFilter = new Label();
        stepFilter.getStyleClass().add(Styles.TEXT_MUTED);
        stepFilter.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.stepFilterProperty().get() == null ? "" : texts.get("log.stepFilter",
                        texts.render(vm.stepFilterProperty().get().titleProperty().get())),
                vm.stepFilterProperty(), texts.localeProperty()));
        Button clearStep = Ui.button(texts, "log.clearStep", null, () -> vm.stepFilterProperty().set(null));
        clearStep.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        clearStep.visibleProperty().bind(vm.stepFilterProperty().isNotNull());
        clearStep.managedProperty().bind(clearStep.visibleProperty());

        HBox toolbar = new HBox(8, hosts, search, stepFilter, clearStep, follow, copy);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        ObservableList<LogLine> shown = vm.visibleLog();
        shown.addListener((ListChangeListener<LogLine>) c -> {
            if (follow.isSelected() && !shown.isEmpty()) {
                list.scrollTo(shown.size() - 1);
            }
        });
        list.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copy(vm);
            }
        });
        getChildren().addAll(toolbar, list);
    }

    public ListView<LogLine> list() {
        return list;
    }

    private void copy(InstallViewModel vm) {
        List<LogLine> selected = list.getSelectionModel().getSelectedItems();
        String text = vm.copyText(selected.isEmpty() ? vm.visibleLog() : new ArrayList<>(selected));
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Pseudo-classes, not style classes: a pseudo-class change only updates CSS, a style class change re-applies it. */
    private final class LogCell extends ListCell<LogLine> {
        private static final javafx.css.PseudoClass ERROR = javafx.css.PseudoClass.getPseudoClass("error");
        private static final javafx.css.PseudoClass COMMAND = javafx.css.PseudoClass.getPseudoClass("command");
        private static final javafx.css.PseudoClass INFO = javafx.css.PseudoClass.getPseudoClass("info");

        @Override
        protected void updateItem(LogLine line, boolean empty) {
            super.updateItem(line, empty);
            LogLine.Kind kind = empty || line == null ? null : line.kind();
            pseudoClassStateChanged(ERROR, kind == LogLine.Kind.ERROR);
            pseudoClassStateChanged(COMMAND, kind == LogLine.Kind.COMMAND);
            pseudoClassStateChanged(INFO, kind == LogLine.Kind.INFO);
            setText(kind == null ? null : (line.host() == null ? "" : line.host() + " │ ") + line.text(texts.locale()));
        }
    }
}
