package dev.halab.gui.companion;

import dev.halab.core.profile.ProfileException;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.topology.Topology;
import dev.halab.core.tutorial.CommandVariables;
import dev.halab.gui.common.Ui;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.service.RunRequest;
import dev.halab.gui.service.Services;
import javafx.scene.control.Button;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.function.Supplier;

/** The one hook into the main window's header: a button that opens the companion window. */
public final class CompanionButton {
    private CompanionButton() {
    }

    /**
     * @param current the lab being worked on and its login; a null or incomplete draft's topology
     *                falls back to the tutorial's own profile, so the companion always opens
     */
    public static Button create(Services services, UiContext context, Supplier<RunRequest> current) {
        Supplier<Topology> topology = () -> {
            RunRequest request = current.get();
            return request == null ? null : request.topology();
        };
        CompanionWindow window = new CompanionWindow(() -> usable(topology), current, services.monitor(), context);
        Button button = new Button();
        button.setId("open-companion");
        button.setGraphic(Ui.icon(Material2MZ.SCHOOL));
        button.textProperty().bind(CompanionBundle.bind(context.texts(), "open"));
        button.setOnAction(e -> window.show(button.getScene().getWindow()));
        button.getProperties().put(CompanionWindow.class, window);
        return button;
    }

    static Topology usable(Supplier<Topology> current) {
        try {
            Topology topology = current.get();
            if (topology != null) {
                CommandVariables.of(topology);
                return topology;
            }
        } catch (RuntimeException e) {
            // an unfinished wizard draft: show the tutorial's addresses instead
        }
        try {
            return ProfileLoader.load("tutorial");
        } catch (ProfileException e) {
            throw new IllegalStateException("the shipped tutorial profile does not load", e);
        }
    }
}
