package dev.halab.gui.wizard;

import dev.halab.core.i18n.Bundles;
import dev.halab.core.topology.Problem;
import dev.halab.gui.HeadlessWindowTest;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Machines page's optional VMware power switch: a {@code .vmx} file per machine, checked as it
 * is typed, carried into the profile the wizard builds; the dashboard offers "power off" only
 * for a machine that has a power switch.
 */
class VmwarePowerFieldTest extends HeadlessWindowTest {
    @TempDir
    Path vms;

    private void toMachines(FxRobot robot) {
        chooseTutorialProfile(robot);
        robot.clickOn("#next");
    }

    private static Label problemUnder(FxRobot robot, String fieldId) {
        VBox box = (VBox) robot.lookup(fieldId).query().getParent();
        return (Label) box.getChildren().get(1);
    }

    private void type(FxRobot robot, String fieldId, String text) {
        TextField field = robot.lookup(fieldId).query();
        robot.interact(() -> field.setText(text));
    }

    @Test
    void aWrongVmxIsRefusedInBothLanguagesAndAnExistingOneGoesIntoTheProfile(FxRobot robot) throws IOException {
        toMachines(robot);
        assertThat(robot.lookup("#vmware-power").query().isVisible()).isTrue();
        String notVmx = vms.resolve("nginx1.vmdk").toString();
        type(robot, "#vmx-nginx1", notVmx);
        assertThat(problemUnder(robot, "#vmx-nginx1").getText()).contains(notVmx).contains(".vmx");
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isTrue();
        assertThat(chinese(window.wizard().problemOn("hosts[0].vmx").get())).contains("不是 VMware 虚拟机文件");

        String missing = vms.resolve("missing.vmx").toString();
        type(robot, "#vmx-nginx1", missing);
        assertThat(problemUnder(robot, "#vmx-nginx1").getText()).contains("There is no file").contains(missing);
        assertThat(chinese(window.wizard().problemOn("hosts[0].vmx").get())).contains("没有文件");
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isTrue();

        Path vmx = Files.createFile(vms.resolve("nginx1.vmx"));
        type(robot, "#vmx-nginx1", " " + vmx + " ");
        assertThat(problemUnder(robot, "#vmx-nginx1").isVisible()).isFalse();
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isFalse();
        var topology = window.wizard().runRequest().topology();
        assertThat(topology.findHost("nginx1").orElseThrow().vmx()).isEqualTo(vmx.toString());
        assertThat(topology.findHost("nginx2").orElseThrow().vmx()).isNull();
    }

    @Test
    void theLocalLabHasItsOwnSwitchSoTheFieldsAreHidden(FxRobot robot) {
        toMachines(robot);
        robot.interact(() -> window.wizard().state().localLabProperty().set(true));
        assertThat(robot.lookup("#vmware-power").query().isVisible()).isFalse();
    }

    @Test
    void theDashboardOffersPowerOffOnlyWithAPowerSwitch(FxRobot robot) throws IOException {
        toMachines(robot);
        robot.interact(() -> window.openDashboard(window.wizard().runRequest(), false));
        assertThat(chaosItems(robot, "#kill-master")).doesNotContain("kill-master-POWER").contains("kill-master-KILL");
        assertThat(chaosItems(robot, "#kill-backup")).doesNotContain("kill-backup-POWER");

        robot.interact(window::showWizard);
        Path master = Files.createFile(vms.resolve("nginx1.vmx"));
        type(robot, "#vmx-nginx1", master.toString());
        robot.interact(() -> window.openDashboard(window.wizard().runRequest(), false));
        assertThat(chaosItems(robot, "#kill-master")).contains("kill-master-POWER");
        assertThat(chaosItems(robot, "#kill-backup")).as("nginx2 names no .vmx").doesNotContain("kill-backup-POWER");
    }

    private static List<String> chaosItems(FxRobot robot, String menuId) {
        MenuButton menu = robot.lookup(menuId).queryAs(MenuButton.class);
        return menu.getItems().stream().filter(MenuItem::isVisible).map(MenuItem::getId).toList();
    }

    private static String chinese(Problem problem) {
        assertThat(problem).isNotNull();
        return problem.message().render(Bundles.CHINESE);
    }
}
