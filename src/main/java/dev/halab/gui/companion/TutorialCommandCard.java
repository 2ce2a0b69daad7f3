package dev.halab.gui.companion;

import dev.halab.gui.common.Texts;
import atlantafx.base.theme.Styles;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.tutorial.StepCommand;
import dev.halab.gui.common.Ui;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * One step's tutorial command as a card: the tutorial's line, the command to type by hand (one
 * click copies it), what HA Lab ran, and what the output means. Shown in the companion's command
 * list and next to each step of the install screen and the guided scenario panel.
 */
public final class TutorialCommandCard {
    private TutorialCommandCard() {
    }

    public static VBox of(Texts texts, LocalizedText title, StepCommand command) {
        Label heading = CompanionBundle.label(texts, title, Styles.TEXT_BOLD);
        Label where = CompanionBundle.label(texts, CompanionBundle.of("commands.on", command.host()), Styles.TEXT_MUTED);
        HBox top = new HBox(12, heading, where);
        top.setAlignment(Pos.BASELINE_LEFT);
        VBox row = new VBox(4, top);
        if (!command.tutorial().isEmpty()) {
            row.getChildren().add(CompanionBundle.label(texts, CompanionBundle.of("commands.tutorial", command.tutorial()), Styles.TEXT_SMALL));
        }
        CodeBox code = new CodeBox(command.byHand());
        code.setId("command-" + CommandsPane.nodeId(command.key()));
        HBox.setHgrow(code, Priority.ALWAYS);
        Button copy = new Button();
        copy.setGraphic(Ui.icon(Material2AL.CONTENT_COPY));
        copy.textProperty().bind(CompanionBundle.bind(texts, "commands.copy"));
        copy.setOnAction(e -> copy(command.byHand()));
        copy.setId("copy-" + CommandsPane.nodeId(command.key()));
        HBox commandLine = new HBox(8, code, copy);
        commandLine.setAlignment(Pos.TOP_LEFT);
        row.getChildren().addAll(commandLine,
                CompanionBundle.label(texts, CompanionBundle.of("commands.halabRan", command.halabRan()), Styles.TEXT_SMALL),
                CompanionBundle.label(texts, command.meaning()));
        row.getStyleClass().add("companion-card");
        row.setPadding(new Insets(10));
        row.setId("commands-" + CommandsPane.nodeId(command.key()));
        return row;
    }

    static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
