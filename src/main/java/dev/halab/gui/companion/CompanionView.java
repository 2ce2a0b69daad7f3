package dev.halab.gui.companion;

import dev.halab.core.report.SessionStore;
import dev.halab.core.topology.Topology;
import dev.halab.gui.common.UiContext;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The tutorial companion: what differs from the tutorial, the tutorial's commands per step, the
 * break-it-yourself exercises and the lab report, one tab each.
 */
public final class CompanionView extends TabPane {
    private final ReportViewModel report;

    public CompanionView(Topology topology, UiContext context, SessionStore sessions) {
        setId("companion");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        report = new ReportViewModel(topology, sessions, context);
        getTabs().addAll(
                tab("tab-differences", "tab.differences", new DifferencesPane()),
                tab("tab-commands", "tab.commands", new CommandsPane(topology)),
                tab("tab-report", "tab.report", new ReportPane(report)));
    }

    public ReportViewModel report() {
        return report;
    }

    private static Tab tab(String id, String key, javafx.scene.Node content) {
        Tab tab = new Tab();
        tab.setId(id);
        tab.textProperty().bind(CompanionBundle.bind(key));
        tab.setContent(content);
        return tab;
    }

    /** Shows a tab by its id ({@code tab-differences}, {@code tab-commands}, ...). */
    public void select(String tabId) {
        getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().ifPresent(t -> getSelectionModel().select(t));
    }
}
