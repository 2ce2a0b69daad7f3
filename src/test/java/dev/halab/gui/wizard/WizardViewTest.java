package dev.halab.gui.wizard;

import dev.halab.core.i18n.Bundles;
import dev.halab.gui.HeadlessWindowTest;
import dev.halab.gui.MainWindow;
import dev.halab.gui.ScriptedServices;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard in a real (headless Monocle) window: validation shown, navigation, state kept, language switch. */
class WizardViewTest extends HeadlessWindowTest {
    private void chooseTutorial(FxRobot robot) {
        chooseTutorialProfile(robot);
    }

    private static Label problemUnder(FxRobot robot, String fieldId) {
        VBox box = (VBox) robot.lookup(fieldId).query().getParent();
        return (Label) box.getChildren().get(1);
    }

    @Test
    void nextWaitsForAProfileThenShowsTheMachines(FxRobot robot) {
        Button next = robot.lookup("#next").queryButton();
        assertThat(next.isDisabled()).isTrue();
        chooseTutorial(robot);
        assertThat(next.isDisabled()).isFalse();
        robot.clickOn("#next");
        assertThat(robot.lookup("#page-machines").tryQuery()).isPresent();
        assertThat(robot.lookup("#address-nginx1").queryTextInputControl().getText()).isEqualTo("192.168.224.101");
    }

    @Test
    void aBadAddressShowsTheCoreMessageUnderItsFieldAndBlocksNext(FxRobot robot) {
        chooseTutorial(robot);
        robot.clickOn("#next");
        TextField address = robot.lookup("#address-tomcat1").query();
        robot.interact(() -> address.setText(""));
        robot.clickOn(address).write("192.168.224.300");
        Label problem = problemUnder(robot, "#address-tomcat1");
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).contains("192.168.224.300");
        assertThat(address.getPseudoClassStates()).anyMatch(p -> p.getPseudoClassName().equals("danger"));
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isTrue();

        robot.interact(() -> address.setText("192.168.224.113"));
        assertThat(problem.isVisible()).isFalse();
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isFalse();
    }

    @Test
    void highAvailabilityValidatesInlineAndShowsTheEstimateLive(FxRobot robot) {
        chooseTutorial(robot);
        robot.clickOn("#next");
        robot.clickOn("#next");
        assertThat(robot.lookup("#page-ha").tryQuery()).isPresent();
        Label estimate = robot.lookup("#estimate").query();
        assertThat(estimate.getText()).contains("3.06 s");
        TextField vrid = robot.lookup("#vrid").query();
        robot.interact(() -> vrid.setText(""));
        robot.clickOn(vrid).write("300");
        assertThat(problemUnder(robot, "#vrid").getText()).contains("300");
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isTrue();
        TextField advert = robot.lookup("#advert").query();
        robot.interact(() -> {
            vrid.setText("51");
            advert.setText("2");
        });
        assertThat(estimate.getText()).contains("6.06 s");
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isFalse();
    }

    @Test
    void backAndNextKeepWhatWasTyped(FxRobot robot) {
        chooseTutorial(robot);
        robot.clickOn("#next");
        TextField user = robot.lookup("#ssh-user").query();
        robot.interact(() -> user.setText(""));
        robot.clickOn(user).write("deploy");
        robot.clickOn("#next");
        TextField vip = robot.lookup("#vip").query();
        robot.interact(() -> vip.setText("192.168.224.160"));
        robot.clickOn("#back");
        robot.clickOn("#back");
        assertThat(robot.lookup("#page-start").tryQuery()).isPresent();
        robot.clickOn("#next");
        assertThat(robot.lookup("#ssh-user").queryTextInputControl().getText()).isEqualTo("deploy");
        robot.clickOn("#next");
        assertThat(robot.lookup("#vip").queryTextInputControl().getText()).isEqualTo("192.168.224.160");
        assertThat(window.wizard().state().vipProperty().get()).isEqualTo("192.168.224.160");
    }

    @Test
    void preflightAndReviewRunThroughTheServiceAndInstallOpensTheInstallScreen(FxRobot robot) throws Exception {
        scripted.preflightEvents.add(ScriptedServices.finished(true));
        scripted.planEvents.add(new dev.halab.core.event.RunEvent.FileDiff(java.time.Instant.now(), "nginx1",
                "/etc/keepalived/keepalived.conf", "--- a\n+++ b\n+vrrp_instance VI_1 {"));
        scripted.planEvents.add(ScriptedServices.finished(true));
        scripted.installEvents.add(ScriptedServices.finished(true));
        scripted.verifyEvents.add(ScriptedServices.finished(true));
        chooseTutorial(robot);
        robot.clickOn("#next");
        robot.clickOn("#next");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#next").queryButton().isDisabled());
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#diff-text").queryTextInputControl()
                .getText().contains("vrrp_instance"));
        assertThat(robot.lookup("#next").queryButton().getText()).isEqualTo("Install");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Boolean.TRUE.equals(window.install().verifySucceededProperty().get()));
        assertThat(window.screenProperty().get()).isEqualTo(MainWindow.Screen.INSTALL);
        assertThat(scripted.calls).containsExactly("preflight", "plan", "install", "verify");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#open-dashboard").queryButton().isDisabled()).isFalse();
    }

    @Test
    void switchingToChineseRelabelsTheOpenPageAndTheCoreMessages(FxRobot robot) {
        chooseTutorial(robot);
        robot.clickOn("#next");
        TextField address = robot.lookup("#address-nginx2").query();
        robot.interact(() -> address.setText("nonsense"));
        String english = problemUnder(robot, "#address-nginx2").getText();
        robot.clickOn("#language");
        robot.clickOn("简体中文");
        assertThat(Bundles.isChinese(window.texts().locale())).isTrue();
        assertThat(robot.lookup("#next").queryButton().getText()).isEqualTo("下一步");
        String chinese = problemUnder(robot, "#address-nginx2").getText();
        assertThat(chinese).isNotEqualTo(english).contains("nonsense");
        Node page = robot.lookup("#page-machines").query();
        assertThat(robot.from(page).lookup("测试连接").tryQuery()).isPresent();
    }
}
