package dev.halab.gui.common;

import atlantafx.base.theme.Styles;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Problem;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small builders shared by the views, so each view reads as layout, not as boilerplate. */
public final class Ui {
    private Ui() {
    }

    public static FontIcon icon(Ikon ikon) {
        return new FontIcon(ikon);
    }

    public static FontIcon icon(Ikon ikon, String... styleClasses) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().addAll(styleClasses);
        return icon;
    }

    /** A label whose text follows the language. */
    public static Label label(Texts texts, String key, String... styleClasses) {
        Label label = new Label();
        label.textProperty().bind(texts.bind(key));
        label.getStyleClass().addAll(styleClasses);
        label.setWrapText(true);
        return label;
    }

    public static Label label(Texts texts, ObservableValue<LocalizedText> text, String... styleClasses) {
        Label label = new Label();
        label.textProperty().bind(texts.bind(text));
        label.getStyleClass().addAll(styleClasses);
        label.setWrapText(true);
        return label;
    }

    public static Button button(Texts texts, String key, Ikon ikon, Runnable action) {
        Button button = new Button();
        button.textProperty().bind(texts.bind(key));
        if (ikon != null) {
            button.setGraphic(icon(ikon));
        }
        button.setOnAction(e -> action.run());
        return button;
    }

    /**
     * A field with the core's message for it underneath; the field turns red while it has an error.
     * Warnings show the message without the red state.
     */
    public static VBox withProblem(Texts texts, Control field, ObservableValue<Problem> problem) {
        Label message = new Label();
        message.getStyleClass().add("field-problem");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.createStringBinding(
                () -> problem.getValue() == null ? "" : texts.render(problem.getValue().message()),
                problem, texts.localeProperty()));
        message.managedProperty().bind(message.visibleProperty());
        message.visibleProperty().bind(Bindings.createBooleanBinding(() -> problem.getValue() != null, problem));
        Runnable update = () -> {
            Problem p = problem.getValue();
            field.pseudoClassStateChanged(Styles.STATE_DANGER, p != null && p.isError());
            field.pseudoClassStateChanged(Styles.STATE_WARNING, p != null && !p.isError());
            message.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
            if (p != null) {
                message.getStyleClass().add(p.isError() ? Styles.DANGER : Styles.WARNING);
            }
        };
        problem.addListener(o -> update.run());
        update.run();
        VBox box = new VBox(2, field, message);
        box.setFillWidth(true);
        return box;
    }

    public static <T extends Node> T styled(T node, String... styleClasses) {
        node.getStyleClass().addAll(styleClasses);
        return node;
    }

    /** A button and its status text side by side, centred on one line. */
    public static javafx.scene.layout.HBox row(Node... nodes) {
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(12, nodes);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }
}
