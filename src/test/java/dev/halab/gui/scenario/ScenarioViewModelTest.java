package dev.halab.gui.scenario;

import dev.halab.core.failover.ChaosAction;
import dev.halab.core.failover.Scenario;
import dev.halab.core.failover.ScenarioKind;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.gui.ScriptedServices;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.service.Credentials;
import dev.halab.gui.service.MonitorUpdate;
import dev.halab.gui.service.RunRequest;
import dev.halab.gui.topology.ChaosTarget;
import dev.halab.gui.topology.DashboardViewModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guided panel runs the core's four scenarios (the ones the CLI runs) against scripted
 * services: each step's action reaches the monitor session, and the step is met only when every
 * VIP is where the core's scenario data expects it, served by that node.
 */
class ScenarioViewModelTest {
    private static final String VIP1 = "192.168.224.150";
    private static final String VIP2 = "192.168.224.151";
    private final ScriptedServices scripted = new ScriptedServices();

    private DashboardViewModel dashboard(String profile) throws Exception {
        var topology = ProfileLoader.load(profile);
        DashboardViewModel vm = new DashboardViewModel(topology, scripted.services().monitor(), UiContext.sameThread());
        vm.connect(new RunRequest(topology, Credentials.none()));
        return vm;
    }

    /** The monitor reports where each VIP is and which nginx answered a request through it. */
    private static void serve(DashboardViewModel vm, Map<String, String> holderByVip) {
        Instant t = Instant.now();
        holderByVip.forEach((vip, holder) -> vm.apply(List.of(new MonitorUpdate.VipHolder(t, vip, holder),
                new MonitorUpdate.Probe(t, true, holder.equals("nginx1") ? "NGINX-1" : "NGINX-2", "192.168.224.103:8080",
                        Duration.ofMillis(3), null, vip))));
    }

    private static void serve(DashboardViewModel vm, String holder) {
        serve(vm, Map.of(VIP1, holder));
    }

    /** Runs every step from the panel; {@code holders} says where the monitor then sees each VIP. */
    private void runAll(ScenarioViewModel vm, DashboardViewModel dashboard, List<Map<String, String>> holders) {
        for (int i = 0; i < vm.stepCount(); i++) {
            vm.stepIndexProperty().set(i);
            assertThat(vm.outcomeProperty().get()).as("step " + (i + 1) + " before its action").isEqualTo(ScenarioViewModel.Outcome.NOT_STARTED);
            vm.doStep();
            serve(dashboard, holders.get(i));
            assertThat(vm.outcomeProperty().get()).as("step " + (i + 1) + ": " + vm.observedProperty().get().render(Locale.ENGLISH))
                    .isEqualTo(ScenarioViewModel.Outcome.MET);
        }
    }

    @Test
    void preemptRunsFromThePanel() throws Exception {
        DashboardViewModel dashboard = dashboard("tutorial");
        ScenarioViewModel vm = new ScenarioViewModel(dashboard);
        assertThat(vm.scenarioProperty().get()).isEqualTo(ScenarioKind.PREEMPT);
        assertThat(vm.steps()).isEqualTo(Scenario.of(ScenarioKind.PREEMPT).steps());
        vm.stepIndexProperty().set(1);
        vm.doStep();
        assertThat(scripted.calls).last().isEqualTo("chaos nginx1 STOP");
        serve(dashboard, "nginx1");
        assertThat(vm.outcomeProperty().get()).isEqualTo(ScenarioViewModel.Outcome.WAITING);
        serve(dashboard, "nginx2");
        assertThat(vm.outcomeProperty().get()).isEqualTo(ScenarioViewModel.Outcome.MET);
        assertThat(vm.observedProperty().get().render(Locale.ENGLISH)).contains("nginx2", "NGINX-2");
        // the expectation is the core's text, the one the CLI prints
        assertThat(vm.expectProperty().get()).isEqualTo(Scenario.expectedText(dashboard.model().topology(), vm.currentStep()));
        vm.nextStep();
        vm.doStep();
        assertThat(scripted.calls).last().isEqualTo("restore nginx1");
        serve(dashboard, "nginx1");
        assertThat(vm.outcomeProperty().get()).isEqualTo(ScenarioViewModel.Outcome.MET);
    }

    @Test
    void everyStepOfEveryScenarioHasTheTutorialsCommandWithThisLabsAddresses() throws Exception {
        DashboardViewModel dashboard = dashboard("tutorial");
        ScenarioViewModel vm = new ScenarioViewModel(dashboard);
        vm.stepIndexProperty().set(1);
        var killStep = vm.tutorialCommand().orElseThrow();
        assertThat(killStep.tutorial()).contains("killall keepalived");
        assertThat(killStep.host()).isEqualTo("192.168.224.101");
        for (ScenarioKind kind : List.of(ScenarioKind.PREEMPT, ScenarioKind.NOPREEMPT, ScenarioKind.NGINX)) {
            vm.scenarioProperty().set(kind);
            for (int i = 0; i < vm.stepCount(); i++) {
                vm.stepIndexProperty().set(i);
                assertThat(vm.tutorialCommand()).as("%s step %d", kind, i + 1).isPresent();
                assertThat(vm.tutorialCommand().orElseThrow().byHand()).doesNotContain("${");
            }
        }
    }

    @Test
    void nopreemptRunsFromThePanelAndStepThreeExpectsTheVipToStay() throws Exception {
        DashboardViewModel dashboard = dashboard("tutorial-nopreempt");
        ScenarioViewModel vm = new ScenarioViewModel(dashboard);
        assertThat(vm.scenarioProperty().get()).isEqualTo(ScenarioKind.NOPREEMPT);
        runAll(vm, dashboard, List.of(Map.of(VIP1, "nginx1"), Map.of(VIP1, "nginx2"), Map.of(VIP1, "nginx2"), Map.of(VIP1, "nginx1")));
        assertThat(scripted.calls).containsSubsequence("chaos nginx1 STOP", "restore nginx1", "chaos nginx2 STOP");
        vm.stepIndexProperty().set(2);
        vm.doStep();
        serve(dashboard, "nginx1");
        assertThat(vm.outcomeProperty().get()).isEqualTo(ScenarioViewModel.Outcome.WAITING);
    }

    @Test
    void nginxOnlyRunsFromThePanelWithItsOwnFault() throws Exception {
        DashboardViewModel dashboard = dashboard("tutorial");
        ScenarioViewModel vm = new ScenarioViewModel(dashboard);
        vm.scenarioProperty().set(ScenarioKind.NGINX);
        vm.killMethodProperty().set(ChaosAction.KILL);
        runAll(vm, dashboard, List.of(Map.of(VIP1, "nginx1"), Map.of(VIP1, "nginx2"), Map.of(VIP1, "nginx1")));
        assertThat(scripted.calls).contains("chaos nginx1 NGINX").doesNotContain("chaos nginx1 KILL");
    }

    @Test
    void dualMasterRunsFromThePanelWithBothVips() throws Exception {
        DashboardViewModel dashboard = dashboard("dual-master");
        ScenarioViewModel vm = new ScenarioViewModel(dashboard);
        assertThat(vm.scenarioProperty().get()).isEqualTo(ScenarioKind.DUAL_MASTER);
        vm.killMethodProperty().set(ChaosAction.KILL);
        // Step 2 is met only when both VIPs are on the survivor: one is not enough.
        vm.stepIndexProperty().set(1);
        vm.doStep();
        serve(dashboard, Map.of(VIP1, "nginx2"));
        assertThat(vm.outcomeProperty().get()).isEqualTo(ScenarioViewModel.Outcome.WAITING);
        runAll(vm, dashboard, List.of(Map.of(VIP1, "nginx1", VIP2, "nginx2"), Map.of(VIP1, "nginx2", VIP2, "nginx2"),
                Map.of(VIP1, "nginx1", VIP2, "nginx2")));
        assertThat(scripted.calls).contains("chaos nginx1 KILL", "restore nginx1");
        assertThat(dashboard.model().vipHolders()).containsEntry(VIP1, "nginx1").containsEntry(VIP2, "nginx2");
        assertThat(vm.observedProperty().get().render(Locale.ENGLISH)).contains(VIP1, VIP2);
    }

    @Test
    void aKillFromTheDashboardButtonBelongsToTheStepThatDoesIt() throws Exception {
        DashboardViewModel dashboard = dashboard("tutorial");
        ScenarioViewModel vm = new ScenarioViewModel(dashboard);
        vm.doStep(); // step 1: everything running
        serve(dashboard, "nginx1");
        assertThat(vm.outcomeProperty().get()).isEqualTo(ScenarioViewModel.Outcome.MET);
        // The user kills the master with the dashboard's button instead of the panel's "Do it".
        dashboard.chaos(ChaosTarget.MASTER, ChaosAction.KILL);
        assertThat(vm.stepIndexProperty().get()).as("the kill is step 2's action").isEqualTo(1);
        assertThat(vm.killMethodProperty().get()).isEqualTo(ChaosAction.KILL);
        assertThat(vm.outcomeProperty().get()).isEqualTo(ScenarioViewModel.Outcome.WAITING);
        serve(dashboard, "nginx2");
        assertThat(vm.outcomeProperty().get()).isEqualTo(ScenarioViewModel.Outcome.MET);
        // Killing the survivor fits no step here: shown as off-script, not counted for step 2.
        dashboard.chaosOn("nginx2", ChaosAction.STOP);
        assertThat(vm.stepIndexProperty().get()).isEqualTo(1);
        assertThat(vm.outcomeProperty().get()).isEqualTo(ScenarioViewModel.Outcome.OFF_SCRIPT);
    }
}
