package dev.halab.gui.companion;

import dev.halab.core.i18n.Bundles;
import dev.halab.core.tutorial.TutorialDifferences;
import dev.halab.gui.HeadlessWindowTest;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The companion opened from the main window's header: the differences page, the commands and copying, both languages. */
class CompanionViewTest extends HeadlessWindowTest {
    private CompanionView open(FxRobot robot) {
        robot.clickOn("#open-companion");
        WaitForAsyncUtils.waitForFxEvents();
        Button button = robot.lookup("#open-companion").queryButton();
        return ((CompanionWindow) button.getProperties().get(CompanionWindow.class)).view();
    }

    @Test
    void theDifferencesPageShowsEveryItemWithBothSides(FxRobot robot) {
        CompanionView view = open(robot);
        assertThat(view.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-differences");
        for (var difference : TutorialDifferences.all()) {
            assertThat(robot.lookup("#difference-" + difference.id()).tryQuery()).as(difference.id()).isPresent();
        }
        TextArea tutorial = robot.lookup("#tutorial-checkScript").queryAs(TextArea.class);
        assertThat(tutorial.getText()).contains("if [ `ps -C nginx --no-header |wc -l`-eq 0 ];then");
        TextArea halab = robot.lookup("#halab-checkScript").queryAs(TextArea.class);
        assertThat(halab.getText()).contains("exit 1");
        Label why = robot.lookup("#why-weight").queryAs(Label.class);
        assertThat(why.getText()).contains("250 - 20 = 230");

        robot.interact(() -> window.texts().setLocale(Bundles.CHINESE));
        assertThat(why.getText()).contains("250 - 20 = 230").contains("退出码").doesNotContain("never");
    }

    @Test
    void theCommandsTabFillsTheLabsAddressesAndCopiesACommand(FxRobot robot) {
        CompanionView view = open(robot);
        robot.interact(() -> view.select("tab-commands"));
        TextArea step1 = robot.lookup("#command-scenario-preempt-step1").queryAs(TextArea.class);
        assertThat(step1.getText()).contains("ip -4 addr show").contains("http://192.168.224.150/");
        robot.interact(() -> robot.lookup("#copy-scenario-preempt-step1").queryButton().fire());
        String copied = WaitForAsyncUtils.waitForAsyncFx(5000, () -> Clipboard.getSystemClipboard().getString());
        assertThat(copied).isEqualTo(step1.getText());
        assertThat(robot.lookup("#commands-keepalived-service").tryQuery()).isPresent();
    }

    @Test
    void theReportTabExportsTheReportOfThisLab(FxRobot robot, @TempDir Path dir) throws Exception {
        CompanionView view = open(robot);
        robot.interact(() -> view.select("tab-report"));
        robot.interact(() -> view.report().export(dir, false));
        assertThat(robot.lookup("#report-status").queryAs(Label.class).getText()).contains("name");
        robot.clickOn("#report-student").write("Li Lei");
        robot.interact(() -> view.report().export(dir, false));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.report().writtenProperty().get() != null);
        String html = Files.readString(view.report().writtenProperty().get());
        assertThat(html).contains("Li Lei", "HA Lab - lab report", "vrrp_instance");
        assertThat(robot.lookup("#report-status").queryAs(Label.class).getText()).contains("halab-report.html");
    }
}
