package dev.halab.gui;

import dev.halab.core.i18n.Bundles;
import dev.halab.gui.common.AppExecutor;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.Theme;
import dev.halab.gui.common.UiContext;
import dev.halab.core.remote.HostKeyFingerprint;
import dev.halab.core.remote.SshTarget;
import dev.halab.gui.service.Services;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The JavaFX application: one {@link AppExecutor} for all blocking work, the core wired through
 * {@link Services}, the main window. Started by {@code Launcher} through {@link #launchApp}.
 */
public final class DesktopApp extends Application {
    /** Set: print the time from JVM start to the first frame, then quit (bench/gui-bench.sh). */
    public static final String FIRST_FRAME_PROPERTY = "halab.bench.firstFrame";

    private AppExecutor executor;
    private MainWindow window;

    public static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        phase("fx-started");
        Theme.LIGHT.apply();
        phase("theme");
        executor = new AppExecutor();
        UiContext context = UiContext.fx(executor, Bundles.startLocale());
        Texts texts = context.texts();
        window = new MainWindow(Services.fromCore((target, keys) -> askTrust(texts, target, keys)), context);
        phase("window-built");
        window.wizard().machines().setHostKeyPrompt((target, keys) -> askTrust(texts, target, keys));
        Scene scene = new Scene(window, 1280, 820);
        Theme.style(scene);
        stage.titleProperty().bind(texts.bind("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(980);
        stage.setMinHeight(640);
        stage.show();
        phase("shown");
        if (Boolean.getBoolean(FIRST_FRAME_PROPERTY)) {
            reportFirstFrame();
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (executor != null) {
            executor.close();
        }
    }

    /**
     * Trust on first use, asked from a worker thread: the dialog runs on the FX thread and the
     * worker waits for the answer. Refusing is the default.
     */
    static boolean askTrust(Texts texts, SshTarget target, List<HostKeyFingerprint> keys) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        String fingerprints = keys.stream().map(HostKeyFingerprint::toString).collect(Collectors.joining("\n"));
        Platform.runLater(() -> {
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
            alert.setTitle(texts.get("trust.title"));
            alert.setHeaderText(texts.get("trust.header", target.name(), target.address()));
            alert.setContentText(texts.get("trust.body", fingerprints));
            ButtonType trust = new ButtonType(texts.get("trust.accept"));
            ButtonType refuse = new ButtonType(texts.get("trust.refuse"), ButtonType.CANCEL.getButtonData());
            alert.getButtonTypes().setAll(refuse, trust);
            answer.complete(alert.showAndWait().orElse(refuse) == trust);
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    /** Benchmark runs print how long after JVM start each startup phase ended. */
    private static void phase(String name) {
        if (Boolean.getBoolean(FIRST_FRAME_PROPERTY)) {
            System.out.println("startup-phase " + name + " "
                    + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()));
        }
    }

    private static void reportFirstFrame() {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // the second pulse after show() is the first one whose frame has been rendered
                if (++frames == 2) {
                    stop();
                    long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("first-frame-ms " + millis);
                    Platform.exit();
                }
            }
        }.start();
    }
}
