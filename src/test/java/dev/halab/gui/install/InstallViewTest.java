package dev.halab.gui.install;

import dev.halab.core.event.RunEvent;
import dev.halab.gui.HeadlessWindowTest;
import dev.halab.gui.ScriptedServices;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The install screen in a real window: a failure with a long detail never covers the log. */
class InstallViewTest extends HeadlessWindowTest {

    @Test
    void aLongFailureScrollsUnderTheLogInsteadOfFillingTheWindow(FxRobot robot) throws Exception {
        // Seen on the lab: a failed command's detail of many lines pushed the log and the hosts off the window.
        String detail = "mv: cannot stat '/var/lib/tomcat10/webapps/ROOT/index.jsp.halab-new'\n".repeat(80);
        Instant t = Instant.now();
        scripted.installEvents.add(new RunEvent.StepStarted(t, "tomcat2", "tomcat.page", ScriptedServices.text("Files index.jsp")));
        scripted.installEvents.add(new RunEvent.StepFailed(t, "tomcat2", "tomcat.page", ScriptedServices.text(detail)));
        scripted.installEvents.add(ScriptedServices.finished(false));
        robot.interact(() -> {
            window.wizard().start().chooseProfile("tutorial");
            window.startInstall(window.wizard().runRequest());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.install().failedStepProperty().get() != null
                && !window.install().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Node failed = robot.lookup("#failed-step").query();
        assertThat(failed.isVisible()).isTrue();
        double windowHeight = window.getHeight();
        double messages = robot.lookup("#install-messages").query().getBoundsInParent().getHeight();
        assertThat(messages).as("messages %s of a window of %s", messages, windowHeight).isLessThanOrEqualTo(windowHeight * 0.31);
        Node log = robot.lookup("#log-view").query();
        assertThat(log.getLayoutBounds().getHeight()).as("the log keeps most of the window").isGreaterThan(windowHeight * 0.4);
    }

    @Test
    void eachStepOpensTheTutorialsCommandForItWithThisRunsAddresses(FxRobot robot) throws Exception {
        Instant t = Instant.now();
        scripted.installEvents.add(new RunEvent.StepStarted(t, "tomcat1", "tomcat.page", ScriptedServices.text("Files index.jsp")));
        scripted.installEvents.add(new RunEvent.StepChanged(t, "tomcat1", "tomcat.page", ScriptedServices.text("index.jsp written")));
        scripted.installEvents.add(ScriptedServices.finished(true));
        robot.interact(() -> {
            window.wizard().start().chooseProfile("tutorial");
            window.startInstall(window.wizard().runRequest());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.install().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#commands-tomcat-page").tryQuery()).as("closed until asked").isEmpty();

        robot.interact(() -> robot.lookup("#by-hand-tomcat1-tomcat-page").queryAs(javafx.scene.control.Hyperlink.class).fire());
        WaitForAsyncUtils.waitForFxEvents();

        Node card = robot.lookup("#commands-tomcat-page").query();
        assertThat(card.isVisible()).isTrue();
        var code = robot.from(card).lookup("#command-tomcat-page").query();
        assertThat(code.toString() + textOf(code)).contains("curl -s http://192.168.224.103:8080/");
        assertThat(robot.from(card).lookup("#copy-tomcat-page").tryQuery()).isPresent();
    }

    /** The text a node shows: a labeled's text, or the texts of its children. */
    private static String textOf(Node node) {
        if (node instanceof javafx.scene.control.Labeled labeled) {
            return labeled.getText();
        }
        if (node instanceof javafx.scene.control.TextInputControl input) {
            return input.getText();
        }
        if (node instanceof javafx.scene.text.Text text) {
            return text.getText();
        }
        if (node instanceof javafx.scene.Parent parent) {
            StringBuilder all = new StringBuilder();
            parent.getChildrenUnmodifiable().forEach(child -> all.append(textOf(child)).append('\n'));
            return all.toString();
        }
        return "";
    }
}
