package dev.halab.gui;

import dev.halab.core.remote.HostKeyPrompt;
import dev.halab.gui.common.AppExecutor;
import dev.halab.gui.common.Theme;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.scenario.ScenarioViewModel;
import dev.halab.gui.service.Services;
import dev.halab.gui.topology.RequestItem;
import dev.halab.gui.wizard.RunStatus;
import dev.halab.lab.LabExtension;
import dev.halab.lab.LocalLab;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end path through the desktop app, on the real local lab and the real core:
 * choose the local lab, bring it up, go through the wizard (pre-flight and plan on the hosts),
 * install and verify, open the dashboard, kill the master, and see the VIP badge and the request
 * stream move to NGINX-2. Host keys come from the lab's known_hosts: unknown keys are refused.
 */
@Tag("lab")
@ExtendWith({LabExtension.class, ApplicationExtension.class})
class DesktopLabIT {
    private static final String VIP1 = "192.168.224.150";
    private static final String VIP2 = "192.168.224.151";
    private final AppExecutor executor = new AppExecutor();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        window = new MainWindow(Services.fromCore(HostKeyPrompt.REFUSE), UiContext.fx(executor, Locale.ENGLISH));
        Scene scene = new Scene(window, 1280, 820);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(window::close).get();
        executor.close();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private static void await(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    /** The wizard on the local lab, as a student clicks through it: lab up, test, pre-flight, plan, install, verify. */
    private void installThroughTheWizard(FxRobot robot, LocalLab lab, String variant) throws Exception {
        var wizard = window.wizard();
        robot.clickOn("#choice-lab");
        javafx.scene.control.ComboBox<String> variants = robot.lookup("#lab-variant").queryComboBox();
        robot.interact(() -> variants.setValue(variant));
        assertThat(wizard.state().profileNameProperty().get()).isEqualTo(variant);
        robot.clickOn("#lab-up");
        await(300, () -> wizard.state().localLabReadyProperty().get() || wizard.errorProperty().get() != null);
        assertThat(wizard.errorProperty().get()).as("lab up").isNull();
        assertThat(wizard.state().keyFileProperty().get()).isEqualTo(lab.sshPrivateKey().toString());

        robot.clickOn("#next");
        robot.clickOn("#test-nginx1");
        var nginx1 = wizard.state().hosts().get(0);
        await(60, () -> onFx(() -> nginx1.testStateProperty().get().name().matches("OK|FAILED")));
        assertThat(onFx(() -> nginx1.testStateProperty().get())).as("connection test: %s",
                onFx(() -> window.texts().render(nginx1.testMessageProperty().get()))).isEqualTo(
                dev.halab.gui.wizard.HostFields.TestState.OK);
        assertThat(onFx(() -> nginx1.fingerprintProperty().get())).startsWith("ssh-");
        robot.clickOn("#next");
        robot.clickOn("#next");
        await(180, () -> wizard.preflight().statusProperty().get() != RunStatus.RUNNING);
        assertThat(wizard.preflight().statusProperty().get()).as("pre-flight, error: %s", wizard.errorProperty().get())
                .isEqualTo(RunStatus.PASSED);
        robot.clickOn("#next");
        await(180, () -> wizard.review().statusProperty().get() != RunStatus.RUNNING);
        assertThat(wizard.review().statusProperty().get()).isEqualTo(RunStatus.PASSED);

        robot.clickOn("#next"); // Install
        await(900, () -> window.install() != null && window.install().verifySucceededProperty().get() != null
                || window.install() != null && Boolean.FALSE.equals(window.install().installSucceededProperty().get())
                && !window.install().runningProperty().get());
        assertThat(window.install().installSucceededProperty().get()).as("install: %s",
                window.install().summaryProperty().get()).isTrue();
        assertThat(window.install().verifySucceededProperty().get()).as("verify: %s",
                window.install().verifySummaryProperty().get()).isTrue();
    }

    @Test
    void fromTheLocalLabToAWatchedFailover(FxRobot robot, LocalLab lab) throws Exception {
        installThroughTheWizard(robot, lab, "local-lab");

        robot.clickOn("#open-dashboard");
        var dashboard = window.dashboard();
        // the model is written on the FX thread: read it there too (a read from this thread can race the listeners)
        await(60, () -> onFx(() -> dashboard.connectedProperty().get()
                && "nginx1".equals(dashboard.model().vipHolderProperty().get())
                && "NGINX-1".equals(dashboard.lastServingNginx())));
        assertThat(onFx(() -> window.dashboardView().topology().badgeTarget())).isEqualTo("nginx1");

        robot.clickOn("#kill-master");
        robot.clickOn(window.texts().get("chaos.KILL"));
        await(30, () -> onFx(() -> "nginx2".equals(dashboard.model().vipHolderProperty().get())
                && "NGINX-2".equals(dashboard.lastServingNginx())));
        assertThat(onFx(() -> window.dashboardView().topology().badgeTarget())).isEqualTo("nginx2");
        RequestItem latest = onFx(() -> dashboard.stream().get(0));
        assertThat(latest.label(Locale.ENGLISH)).startsWith("NGINX-2 / 192.168.224.10");
        await(10, () -> dashboard.measuredProperty().get() != null);
        assertThat(dashboard.measuredProperty().get()).isPositive();

        WaitForAsyncUtils.asyncFx(() -> dashboard.restore("nginx1")).get();
        await(60, () -> !dashboard.busyProperty().get());
        assertThat(dashboard.errorProperty().get()).isNull();
    }

    /**
     * Issue 9: the dual-master scenario run from the GUI's guided panel on the real lab, through the
     * real monitor: both VIPs home, both on the survivor when nginx1 is killed, both home again.
     */
    @Test
    void dualMasterRunsFromTheGuidedPanel(FxRobot robot, LocalLab lab) throws Exception {
        installThroughTheWizard(robot, lab, "local-lab-dual-master");
        robot.clickOn("#open-dashboard");
        var dashboard = window.dashboard();
        var scenarios = window.scenarios();
        await(60, () -> onFx(() -> dashboard.connectedProperty().get()));
        assertThat(onFx(() -> scenarios.scenarioProperty().get())).isEqualTo(dev.halab.core.failover.ScenarioKind.DUAL_MASTER);
        WaitForAsyncUtils.asyncFx(() -> scenarios.killMethodProperty().set(dev.halab.core.failover.ChaosAction.KILL)).get();
        java.util.List<java.util.Map<String, String>> expected = java.util.List.of(
                java.util.Map.of(VIP1, "nginx1", VIP2, "nginx2"),
                java.util.Map.of(VIP1, "nginx2", VIP2, "nginx2"),
                java.util.Map.of(VIP1, "nginx1", VIP2, "nginx2"));
        for (int step = 0; step < expected.size(); step++) {
            int index = step;
            assertThat(onFx(() -> scenarios.stepIndexProperty().get())).isEqualTo(step);
            robot.clickOn("#scenario-do");
            await(120, () -> onFx(() -> scenarios.outcomeProperty().get() == ScenarioViewModel.Outcome.MET
                    || dashboard.errorProperty().get() != null));
            assertThat(onFx(() -> dashboard.errorProperty().get())).as("step %d", index + 1).isNull();
            assertThat(onFx(() -> java.util.Map.copyOf(dashboard.model().vipHolders()))).as("step %d: %s", index + 1,
                    onFx(() -> window.texts().render(scenarios.observedProperty().get()))).containsAllEntriesOf(expected.get(step));
            if (step < expected.size() - 1) {
                robot.clickOn("#scenario-next");
            }
        }
        assertThat(onFx(() -> dashboard.lastServingNginx(VIP1))).isEqualTo("NGINX-1");
        assertThat(onFx(() -> dashboard.lastServingNginx(VIP2))).isEqualTo("NGINX-2");
    }
}
