package dev.halab.gui.companion;

import dev.halab.core.report.SessionStore;
import dev.halab.core.topology.Topology;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.common.Theme;
import dev.halab.gui.service.MonitorService;
import dev.halab.gui.service.RunRequest;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * The companion in a window of its own, beside the wizard or the dashboard, so a student can read
 * the tutorial's commands or watch an exercise's symptoms while the main window stays as it is.
 */
public final class CompanionWindow {
    private final Supplier<Topology> topology;
    private final Supplier<RunRequest> request;
    private final MonitorService monitor;
    private final UiContext context;
    private Stage stage;
    private CompanionView view;

    /**
     * @param topology the lab being worked on, asked each time the window opens
     * @param request  the same lab with its login, asked when an exercise starts
     */
    public CompanionWindow(Supplier<Topology> topology, Supplier<RunRequest> request, MonitorService monitor, UiContext context) {
        this.topology = topology;
        this.request = request;
        this.monitor = monitor;
        this.context = context;
    }

    /** FX thread: opens (or brings to the front) the window, rebuilt for the current topology. */
    public CompanionView show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.titleProperty().bind(CompanionBundle.bind(context.texts(), "window.title"));
            // A mistake still planted when the window closes is repaired, not left on the lab.
            stage.setOnHidden(e -> view.exercises().close());
        }
        if (view != null) {
            view.exercises().close();
        }
        view = new CompanionView(topology.get(), request, monitor, context, SessionStore.user());
        Scene scene = new Scene(view, 1000, 760);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        stage.toFront();
        return view;
    }

    public CompanionView view() {
        return view;
    }

    public void close() {
        if (stage != null) {
            stage.close();
        }
    }
}
