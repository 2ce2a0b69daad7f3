package dev.halab.gui.companion;

import dev.halab.gui.common.Texts;
import dev.halab.core.report.SessionStore;
import dev.halab.core.topology.Topology;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.service.MonitorService;
import dev.halab.gui.service.RunRequest;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.function.Supplier;

/**
 * The tutorial companion: what differs from the tutorial, the tutorial's commands per step, the
 * break-it-yourself exercises and the lab report, one tab each.
 */
public final class CompanionView extends TabPane {
    private final ReportViewModel report;
    private final ExercisesViewModel exercises;

    /** @param request the lab being worked on and how to log in; asked when an exercise starts */
    public CompanionView(Topology topology, Supplier<RunRequest> request, MonitorService monitor, UiContext context,
                         SessionStore sessions) {
        setId("companion");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        report = new ReportViewModel(topology, sessions, context);
        exercises = new ExercisesViewModel(request, monitor, sessions, context);
        getTabs().addAll(
                tab(context.texts(), "tab-differences", "tab.differences", new DifferencesPane(context.texts())),
                tab(context.texts(), "tab-commands", "tab.commands", new CommandsPane(topology, context.texts())),
                tab(context.texts(), "tab-exercises", "tab.exercises", new ExercisesPane(exercises)),
                tab(context.texts(), "tab-report", "tab.report", new ReportPane(report)));
    }

    public ReportViewModel report() {
        return report;
    }

    public ExercisesViewModel exercises() {
        return exercises;
    }

    private static Tab tab(Texts texts, String id, String key, javafx.scene.Node content) {
        Tab tab = new Tab();
        tab.setId(id);
        tab.textProperty().bind(CompanionBundle.bind(texts, key));
        tab.setContent(content);
        return tab;
    }

    /** Shows a tab by its id ({@code tab-differences}, {@code tab-commands}, ...). */
    public void select(String tabId) {
        getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().ifPresent(t -> getSelectionModel().select(t));
    }
}
