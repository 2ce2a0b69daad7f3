package dev.halab.gui.companion;

import dev.halab.gui.common.Texts;
import atlantafx.base.theme.Styles;
import dev.halab.core.failover.ScenarioKind;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.step.Step;
import dev.halab.core.step.Steps;
import dev.halab.core.topology.Topology;
import dev.halab.core.tutorial.CommandVariables;
import dev.halab.core.tutorial.StepCommand;
import dev.halab.core.tutorial.TutorialCommands;
import javafx.geometry.Insets;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

import java.util.Map;

/**
 * The tutorial's own commands next to each install and scenario step, filled with the profile's
 * addresses; one click copies a command to the clipboard.
 */
final class CommandsPane extends ScrollPane {
    private final Texts texts;

    CommandsPane(Topology topology, Texts texts) {
        this.texts = texts;
        setId("companion-commands");
        Map<String, String> variables = CommandVariables.of(topology);
        VBox rows = new VBox(12);
        rows.setPadding(new Insets(16));
        rows.getChildren().add(CompanionBundle.label(texts, CompanionBundle.of("commands.intro"), Styles.TEXT_MUTED));
        rows.getChildren().add(CompanionBundle.label(texts, CompanionBundle.of("commands.install"), Styles.TITLE_4));
        for (Step step : Steps.all(dev.halab.core.facts.Distros.REFERENCE)) {
            TutorialCommands.find(step.id()).ifPresent(c -> rows.getChildren().add(row(step.title(), c.render(variables))));
        }
        for (ScenarioKind kind : ScenarioKind.values()) {
            rows.getChildren().add(CompanionBundle.label(texts, CompanionBundle.of("commands.scenario", kind.cliName()), Styles.TITLE_4));
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

    private VBox row(LocalizedText title, StepCommand command) {
        return TutorialCommandCard.of(texts, title, command);
    }

    /** Node ids without dots, so CSS-style lookups work: {@code scenario-preempt-step1}. */
    static String nodeId(String key) {
        return key.replace('.', '-');
    }

    static void copy(String text) {
        TutorialCommandCard.copy(text);
    }
}
