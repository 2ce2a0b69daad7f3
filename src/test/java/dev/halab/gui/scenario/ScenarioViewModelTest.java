package dev.halab.gui.scenario;

import dev.halab.core.profile.ProfileLoader;
import dev.halab.gui.ScriptedServices;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.service.Credentials;
import dev.halab.gui.service.MonitorUpdate;
import dev.halab.gui.service.RunRequest;
import dev.halab.gui.topology.DashboardViewModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioViewModelTest {
    private final ScriptedServices scripted = new ScriptedServices();

    private DashboardViewModel dashboard(String profile) throws Exception {
        var topology = ProfileLoader.load(profile);
        DashboardViewModel vm = new DashboardViewModel(topology, scripted.services().monitor(), UiContext.sameThread());
        vm.connect(new RunRequest(topology, Credentials.none()));
        return vm;
    }

    private static void serve(DashboardViewModel vm, String holder, String nginx) {
        Instant t = Instant.now();
        vm.apply(List.of(new MonitorUpdate.VipHolder(t, "192.168.224.150", holder),
                new MonitorUpdate.Probe(t, true, nginx, "192.168.224.103:8080", Duration.ofMillis(3), null)));
    }

    @Test
    void preemptStepsKillAndRestoreTheMasterAndCompareWithWhatTheMonitorSees() throws Exception {
        DashboardViewModel dashboard = dashboard("tutorial");
        ScenarioViewModel vm = new ScenarioViewModel(dashboard);
        assertThat(vm.scenarioProperty().get()).isEqualTo(GuidedScenario.PREEMPT);
        assertThat(vm.stepCount()).isEqualTo(3);
        serve(dashboard, "nginx1", "NGINX-1");
        assertThat(vm.outcomeProperty().get()).isEqualTo(ScenarioViewModel.Outcome.MET);

        vm.nextStep();
        assertThat(vm.todoProperty().get().render(Locale.ENGLISH)).contains("nginx1");
        assertThat(vm.outcomeProperty().get()).isEqualTo(ScenarioViewModel.Outcome.NOT_STARTED);
        vm.doStep();
        assertThat(scripted.calls).contains("chaos nginx1 STOP");
        assertThat(vm.outcomeProperty().get()).isEqualTo(ScenarioViewModel.Outcome.WAITING);
        serve(dashboard, "nginx2", "NGINX-2");
        assertThat(vm.outcomeProperty().get()).isEqualTo(ScenarioViewModel.Outcome.MET);
        assertThat(vm.observedProperty().get().render(Locale.ENGLISH)).contains("nginx2", "NGINX-2");

        vm.nextStep();
        vm.doStep();
        assertThat(scripted.calls).contains("restore nginx1");
        serve(dashboard, "nginx1", "NGINX-1");
        assertThat(vm.outcomeProperty().get()).isEqualTo(ScenarioViewModel.Outcome.MET);
    }

    @Test
    void nopreemptStepThreeExpectsTheVipToStayOnTheBackup() throws Exception {
        DashboardViewModel dashboard = dashboard("tutorial-nopreempt");
        ScenarioViewModel vm = new ScenarioViewModel(dashboard);
        assertThat(vm.scenarioProperty().get()).isEqualTo(GuidedScenario.NOPREEMPT);
        assertThat(vm.stepCount()).isEqualTo(4);
        vm.nextStep();
        vm.nextStep();
        vm.doStep();
        serve(dashboard, "nginx1", "NGINX-1");
        assertThat(vm.outcomeProperty().get()).isEqualTo(ScenarioViewModel.Outcome.WAITING);
        serve(dashboard, "nginx2", "NGINX-2");
        assertThat(vm.outcomeProperty().get()).isEqualTo(ScenarioViewModel.Outcome.MET);
        vm.nextStep();
        vm.doStep();
        assertThat(scripted.calls).last().isEqualTo("chaos nginx2 STOP");
    }
}
