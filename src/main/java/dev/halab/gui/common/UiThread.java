package dev.halab.gui.common;

import javafx.application.Platform;

/**
 * Posts a result back to the UI. The app uses the FX thread; tests use {@link #SAME_THREAD}.
 * Only for single results (a finished connection test); bulk output goes through {@link EventBatcher}.
 */
@FunctionalInterface
public interface UiThread {
    UiThread SAME_THREAD = Runnable::run;
    UiThread FX = task -> {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    };

    void post(Runnable task);
}
