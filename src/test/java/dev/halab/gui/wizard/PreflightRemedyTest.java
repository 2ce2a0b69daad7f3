package dev.halab.gui.wizard;

import dev.halab.core.event.RunEvent;
import dev.halab.core.i18n.Bundles;
import dev.halab.core.plan.Preflight;
import dev.halab.core.plan.PreflightCheck;
import dev.halab.core.topology.Mode;
import dev.halab.core.topology.Remedy;
import dev.halab.core.topology.Topology;
import dev.halab.gui.HeadlessWindowTest;
import dev.halab.gui.ScriptedServices;
import javafx.scene.control.Button;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pre-flight's one-click fixes: when a check offers a remedy (unicast when multicast is dropped,
 * a free VRID when another router speaks ours), the page shows a button that changes the wizard's
 * fields as if typed and runs pre-flight again with them.
 */
class PreflightRemedyTest extends HeadlessWindowTest {
    private static final String VRID_CHECK = PreflightCheck.VRID.id();
    private static final String MULTICAST_CHECK = PreflightCheck.MULTICAST.id();

    private void toPreflight(FxRobot robot, Mode mode) throws Exception {
        chooseTutorialProfile(robot);
        robot.clickOn("#next");
        robot.clickOn("#next");
        robot.interact(() -> {
            window.wizard().state().modeProperty().set(mode);
            if (mode == Mode.DUAL_MASTER) {
                window.wizard().state().secondVipProperty().set("192.168.224.151");
            }
        });
        robot.clickOn("#next");
        finished(robot, 1);
    }

    private void finished(FxRobot robot, int runs) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scripted.requests.size() == runs
                && window.wizard().preflight().statusProperty().get() != RunStatus.RUNNING);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void offer(String check, Remedy remedy) {
        Instant now = Instant.now();
        scripted.preflightEvents.clear();
        scripted.preflightEvents.addAll(List.of(
                new RunEvent.CheckFinished(now, "nginx1", check, Preflight.title(check), false, ScriptedServices.text("refused")),
                new RunEvent.RemedyOffered(now, "nginx1", check, remedy),
                new RunEvent.CheckFinished(now, "nginx2", check, Preflight.title(check), false, ScriptedServices.text("refused")),
                new RunEvent.RemedyOffered(now, "nginx2", check, remedy),
                ScriptedServices.finished(false)));
    }

    private void passes() {
        scripted.preflightEvents.clear();
        scripted.preflightEvents.add(ScriptedServices.finished(true));
    }

    @Test
    void useUnicastSwitchesTheTransportAndChecksAgain(FxRobot robot) throws Exception {
        offer(MULTICAST_CHECK, new Remedy.UseUnicast());
        toPreflight(robot, Mode.MASTER_BACKUP);
        assertThat(scripted.requests.get(0).topology().vrrp().unicast()).isFalse();
        Button unicast = robot.lookup("#remedy-unicast").queryButton();
        assertThat(robot.lookup("#remedies").queryAll()).hasSize(1);
        assertThat(robot.lookup("#remedies").query().isVisible()).isTrue();
        javafx.scene.layout.HBox remedies = robot.lookup("#remedies").query();
        assertThat(remedies.getChildren().stream().filter(n -> n instanceof Button).count())
                .as("offered by both front ends, shown once").isEqualTo(1);
        assertThat(unicast.getText()).isEqualTo("Use unicast VRRP");
        robot.interact(() -> window.texts().setLocale(Bundles.CHINESE));
        assertThat(unicast.getText()).isEqualTo("改用单播 VRRP");
        robot.interact(() -> window.texts().setLocale(java.util.Locale.ENGLISH));

        passes();
        robot.clickOn(unicast);
        finished(robot, 2);
        assertThat(scripted.requests.get(1).topology().vrrp().unicast()).isTrue();
        assertThat(window.wizard().state().unicastProperty().get()).isTrue();
        assertThat(window.wizard().preflight().statusProperty().get()).isEqualTo(RunStatus.PASSED);
        assertThat(robot.lookup("#remedies").query().isVisible()).as("nothing left to fix").isFalse();
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isFalse();
    }

    @Test
    void useVridChangesOnlyTheClashingInstanceOfADualMaster(FxRobot robot) throws Exception {
        offer(VRID_CHECK, new Remedy.UseVrid("VI_2", 57));
        toPreflight(robot, Mode.DUAL_MASTER);
        Topology before = scripted.requests.get(0).topology();
        assertThat(before.vrrp().instances()).extracting(i -> i.vrid()).containsExactly(51, 52);
        Button vrid = robot.lookup("#remedy-vrid-VI_2").queryButton();
        assertThat(vrid.getText()).isEqualTo("Use VRID 57 for VI_2");

        passes();
        robot.clickOn(vrid);
        finished(robot, 2);
        Topology after = scripted.requests.get(1).topology();
        assertThat(after.vrrp().instances()).extracting(i -> i.name() + "=" + i.vrid()).containsExactly("VI_1=51", "VI_2=57");
        assertThat(window.wizard().state().vridProperty().get()).isEqualTo("51");
        assertThat(window.wizard().state().secondVridProperty().get()).isEqualTo("57");
        assertThat(window.wizard().preflight().statusProperty().get()).isEqualTo(RunStatus.PASSED);

        robot.clickOn("#back");
        assertThat(robot.lookup("#vrid2").queryTextInputControl().getText()).as("the fix shows where it is typed").isEqualTo("57");
    }
}
