package dev.halab.gui;

import dev.halab.gui.common.AppExecutor;
import dev.halab.gui.common.Theme;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.wizard.RunStatus;
import javafx.scene.control.ListView;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The main window in a real (headless Monocle) stage over {@link ScriptedServices}, in English and
 * the light theme: what every headless GUI test starts from. The window's executor is closed
 * after each test and the language put back, so no test sees another's state.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class HeadlessWindowTest {
    protected final ScriptedServices scripted = new ScriptedServices();
    protected final AppExecutor executor = new AppExecutor();
    protected MainWindow window;

    /** The window's size; a page with many rows may need more room. */
    protected double width() {
        return 1200;
    }

    protected double height() {
        return 800;
    }

    /** The language the window starts in (the user can switch it with the header's menu). */
    protected Locale locale() {
        return Locale.ENGLISH;
    }

    @BeforeEach
    protected void openWindow() throws Exception {
        // TestFX looks for @Start only on the test class itself, so the window is set up here
        FxToolkit.setupStage(this::show);
    }

    private void show(Stage stage) {
        Theme.LIGHT.apply();
        window = new MainWindow(scripted.services(), UiContext.fx(executor, locale()));
        Scene scene = new Scene(window, width(), height());
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    protected void closeWindow() throws Exception {
        executor.close();
    }

    /** On the Start page: picks the shipped "tutorial" profile (the wizard then offers Next). */
    protected void chooseTutorialProfile(FxRobot robot) {
        robot.clickOn("#choice-profile");
        ListView<String> profiles = robot.lookup("#profiles").queryListView();
        robot.interact(() -> profiles.getSelectionModel().select("tutorial"));
    }

    /** From the Start page to the pre-flight page with the tutorial profile, once pre-flight has ended. */
    protected void goToPreflight(FxRobot robot) throws Exception {
        chooseTutorialProfile(robot);
        robot.clickOn("#next");
        robot.clickOn("#next");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> window.wizard().preflight().statusProperty().get() != RunStatus.RUNNING);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
