package dev.halab.gui.wizard;

import dev.halab.core.event.RunEvent;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.plan.Preflight;
import dev.halab.gui.HeadlessWindowTest;
import dev.halab.gui.ScriptedServices;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The pre-flight page shows each reported check per host; the Review page groups files by host. */
class PreflightAndReviewPagesTest extends HeadlessWindowTest {
    @Override
    protected double width() {
        return 1300;
    }

    @Override
    protected double height() {
        return 900;
    }


    private static RunEvent check(String host, String id, boolean passed, String detail) {
        return new RunEvent.CheckFinished(Instant.now(), host, id, Preflight.title(id), passed, ScriptedServices.text(detail));
    }

    private static List<String> lines(FxRobot robot, String host) {
        Node card = robot.lookup("#preflight-" + host).query();
        return robot.from(card).lookup((java.util.function.Predicate<Node>) n -> n instanceof HBox && n.getId() != null && n.getId().startsWith("check-"))
                .queryAll().stream().map(n -> {
                    HBox line = (HBox) n;
                    var texts = ((javafx.scene.layout.VBox) line.getChildren().get(1)).getChildren();
                    return line.getStyleClass().contains("check-passed") + " " + ((Label) texts.get(0)).getText()
                            + ": " + ((Label) texts.get(1)).getText();
                }).toList();
    }

    @Test
    void eachCheckOfEachHostIsListedWithItsResultAndANewCheckJustAppears(FxRobot robot) throws Exception {
        scripted.preflightEvents.addAll(List.of(
                check("nginx1", "ssh", true, "Logged in to 192.168.224.101."),
                check("nginx1", "os", true, "Ubuntu 22.04, supported."),
                check("nginx1", "nic", false, "The interface eth0 does not exist on nginx1"),
                // a check core adds later (the distro's VRRP network checks): no GUI change needed
                new RunEvent.CheckFinished(Instant.now(), "nginx1", "vrrp-multicast",
                        LocalizedText.of("gui", "lab.progress", "VRRP multicast"), true, ScriptedServices.text("reaches nginx2")),
                check("tomcat1", "ssh", true, "Logged in to 192.168.224.103."),
                check("tomcat1", "disk", true, "9765 MB free on /."),
                new RunEvent.StepFailed(Instant.now(), "nginx1", "preflight",
                        ScriptedServices.text("The interface eth0 does not exist on nginx1")),
                ScriptedServices.finished(false)));
        goToPreflight(robot);
        assertThat(lines(robot, "nginx1")).containsExactly(
                "true SSH login: Logged in to 192.168.224.101.",
                "true Operating system: Ubuntu 22.04, supported.",
                "false Network interface: The interface eth0 does not exist on nginx1",
                "true VRRP multicast: reaches nginx2");
        assertThat(lines(robot, "tomcat1")).containsExactly(
                "true SSH login: Logged in to 192.168.224.103.",
                "true Disk space: 9765 MB free on /.");
        assertThat(robot.lookup("#preflight-status").queryLabeled().getText()).isEqualTo("Failed");
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isTrue();

        robot.clickOn("#language");
        robot.clickOn("简体中文");
        assertThat(lines(robot, "tomcat1").get(0)).startsWith("true SSH 登录: ");
        robot.clickOn("#language");
        robot.clickOn("English");
    }

    @Test
    void theReviewGroupsChangedFilesByHostInTheTopologysOrder(FxRobot robot) throws Exception {
        scripted.preflightEvents.add(ScriptedServices.finished(true));
        Instant t = Instant.now();
        scripted.planEvents.addAll(List.of(
                new RunEvent.FileDiff(t, "tomcat2", "/opt/tomcat/webapps/ROOT/index.jsp", "+<h1>tomcat2</h1>"),
                new RunEvent.FileDiff(t, "nginx2", "/etc/nginx/nginx.conf", "+http {"),
                new RunEvent.FileDiff(t, "nginx1", "/etc/nginx/nginx.conf", "+http {"),
                new RunEvent.FileDiff(t, "nginx1", "/etc/keepalived/keepalived.conf", "+vrrp_instance VI_1 {"),
                ScriptedServices.finished(true)));
        goToPreflight(robot);
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> window.wizard().review().statusProperty().get() == RunStatus.PASSED);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = robot.lookup("#diff-files").queryAs(TreeView.class);
        List<String> shown = tree.getRoot().getChildren().stream().map(host -> host.getValue() + " "
                + host.getChildren().stream().map(TreeItem::getValue).map(v -> ((FileDiffItem) v).path()).toList()).toList();
        assertThat(shown).containsExactly(
                "nginx1 [/etc/keepalived/keepalived.conf, /etc/nginx/nginx.conf]",
                "nginx2 [/etc/nginx/nginx.conf]",
                "tomcat2 [/opt/tomcat/webapps/ROOT/index.jsp]");
        // the first file is open; choosing another file shows its diff
        assertThat(robot.lookup("#diff-text").queryTextInputControl().getText()).isEqualTo("+vrrp_instance VI_1 {");
        robot.clickOn("/opt/tomcat/webapps/ROOT/index.jsp");
        assertThat(robot.lookup("#diff-text").queryTextInputControl().getText()).isEqualTo("+<h1>tomcat2</h1>");
        assertThat(robot.lookup("nginx1 (2)").tryQuery()).isPresent();
        assertThat(robot.lookup("#review-no-changes").query().isVisible()).isFalse();
    }

    @Test
    void aPlanThatChangesNoFileSaysSoInsteadOfShowingEmptyPanes(FxRobot robot) throws Exception {
        scripted.preflightEvents.add(ScriptedServices.finished(true));
        scripted.planEvents.add(ScriptedServices.finished(true));
        goToPreflight(robot);
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> window.wizard().review().statusProperty().get() == RunStatus.PASSED);
        WaitForAsyncUtils.waitForFxEvents();
        Label note = robot.lookup("#review-no-changes").query();
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).startsWith("No file would change");
    }
}
