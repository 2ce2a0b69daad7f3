package dev.halab.gui.companion;

import atlantafx.base.theme.Styles;
import dev.halab.core.failover.ScenarioKind;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.step.Step;
import dev.halab.core.step.Steps;
import dev.halab.core.topology.Topology;
import dev.halab.core.tutorial.CommandVariables;
import dev.halab.core.tutorial.StepCommand;
import dev.halab.core.tutorial.TutorialCommands;
import dev.halab.gui.common.Ui;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.Map;

/**
 * The tutorial's own commands next to each install and scenario step, filled with the profile's
 * addresses; one click copies a command to the clipboard.
 */
final class CommandsPane extends ScrollPane {
    CommandsPane(Topology topology) {
        setId("companion-commands");
        Map<String, String> variables = CommandVariables.of(topology);
        VBox rows = new VBox(12);
        rows.setPadding(new Insets(16));
        rows.getChildren().add(CompanionBundle.label(CompanionBundle.of("commands.intro"), Styles.TEXT_MUTED));
        rows.getChildren().add(CompanionBundle.label(CompanionBundle.of("commands.install"), Styles.TITLE_4));
        for (Step step : Steps.all(dev.halab.core.facts.Distros.REFERENCE)) {
            TutorialCommands.find(step.id()).ifPresent(c -> rows.getChildren().add(row(step.title(), c.render(variables))));
        }
        for (ScenarioKind kind : ScenarioKind.values()) {
            rows.getChildren().add(CompanionBundle.label(CompanionBundle.of("commands.scenario", kind.cliName()), Styles.TITLE_4));
            for (StepCommand command : TutorialCommands.all()) {
                if (command.key().startsWith(TutorialCommands.scenarioKey(kind, ""))) {
                    String step = command.key().substring(command.key().lastIndexOf('.') + 1);
                    rows.getChildren().add(row(CompanionBundle.of("commands.step", step.replace("step", "")), command.render(variables)));
                }
            }
        }
        setContent(rows);
        setFitToWidth(true);
    }

    private static VBox row(LocalizedText title, StepCommand command) {
        Label heading = CompanionBundle.label(title, Styles.TEXT_BOLD);
        Label where = CompanionBundle.label(CompanionBundle.of("commands.on", command.host()), Styles.TEXT_MUTED);
        HBox top = new HBox(12, heading, where);
        top.setAlignment(Pos.BASELINE_LEFT);
        VBox row = new VBox(4, top);
        if (!command.tutorial().isEmpty()) {
            row.getChildren().add(CompanionBundle.label(CompanionBundle.of("commands.tutorial", command.tutorial()), Styles.TEXT_SMALL));
        }
        CodeBox code = new CodeBox(command.byHand());
        code.setId("command-" + nodeId(command.key()));
        HBox.setHgrow(code, Priority.ALWAYS);
        Button copy = new Button();
        copy.setGraphic(Ui.icon(Material2AL.CONTENT_COPY));
        copy.textProperty().bind(CompanionBundle.bind("commands.copy"));
        copy.setOnAction(e -> copy(command.byHand()));
        copy.setId("copy-" + nodeId(command.key()));
        HBox commandLine = new HBox(8, code, copy);
        commandLine.setAlignment(Pos.TOP_LEFT);
        row.getChildren().addAll(commandLine,
                CompanionBundle.label(CompanionBundle.of("commands.halabRan", command.halabRan()), Styles.TEXT_SMALL),
                CompanionBundle.label(command.meaning()));
        row.getStyleClass().add("companion-card");
        row.setPadding(new Insets(10));
        row.setId("commands-" + nodeId(command.key()));
        return row;
    }

    /** Node ids without dots, so CSS-style lookups work: {@code scenario-preempt-step1}. */
    static String nodeId(String key) {
        return key.replace('.', '-');
    }

    static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
