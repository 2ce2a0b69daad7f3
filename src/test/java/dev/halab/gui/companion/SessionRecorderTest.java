package dev.halab.gui.companion;

import dev.halab.core.event.RunEvent;
import dev.halab.core.failover.ChaosAction;
import dev.halab.core.failover.Outage;
import dev.halab.core.failover.Scenario;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.report.LabSession;
import dev.halab.core.report.SessionStore;
import dev.halab.core.topology.Topology;
import dev.halab.gui.ScriptedServices;
import dev.halab.gui.common.CancelToken;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.scenario.ScenarioViewModel;
import dev.halab.gui.service.Credentials;
import dev.halab.gui.service.MonitorUpdate;
import dev.halab.gui.service.RunRequest;
import dev.halab.gui.service.Services;
import dev.halab.gui.topology.DashboardViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the student does in the GUI lands in the session record the report is written from: the
 * install summary with its failures, each measured failover, the scenario steps expected versus observed.
 */
class SessionRecorderTest {
    private final ScriptedServices scripted = new ScriptedServices();

    private static Outage outage(Instant at) {
        return new Outage(ChaosAction.STOP, at, Duration.ofMillis(380), 1, "NGINX-1", "NGINX-2", Duration.ofMillis(360), Duration.ZERO);
    }

    @Test
    void anInstallRunIsRecordedWithItsCountsAndFailures(@TempDir Path dir) throws Exception {
        SessionStore store = new SessionStore(dir, Clock.systemUTC());
        Topology topology = ProfileLoader.load("tutorial");
        scripted.installEvents.add(new RunEvent.StepFailed(Instant.now(), "nginx1", "keepalived.config", ScriptedServices.text("keepalived -t failed")));
        scripted.installEvents.add(new RunEvent.RunFinished(Instant.now(), false, 5, 7, 1, ScriptedServices.text("done")));
        List<RunEvent> seen = new ArrayList<>();
        Services services = SessionRecorder.recording(scripted.services(), store);
        services.install().plan(new RunRequest(topology, Credentials.none()), seen::add, new CancelToken());
        assertThat(store.load("tutorial").installs()).as("a plan is no install").isEmpty();
        services.install().install(new RunRequest(topology, Credentials.none()), seen::add, new CancelToken());
        assertThat(seen).as("the wizard still sees every event").hasSize(2);
        LabSession.InstallRecord install = store.load("tutorial").installs().get(0);
        assertThat(install.success()).isFalse();
        assertThat(install.changed()).isEqualTo(5);
        assertThat(install.unchanged()).isEqualTo(7);
        assertThat(install.failed()).isEqualTo(1);
        assertThat(install.failures()).singleElement().satisfies(f -> assertThat(f.en()).contains("nginx1 keepalived.config", "keepalived -t failed"));
    }

    @Test
    void theDashboardsFailoversAndScenarioStepsAreRecorded(@TempDir Path dir) throws Exception {
        SessionStore store = new SessionStore(dir, Clock.systemUTC());
        Topology topology = ProfileLoader.load("tutorial");
        Services services = SessionRecorder.recording(scripted.services(), store);
        DashboardViewModel dashboard = new DashboardViewModel(topology, services.monitor(), UiContext.sameThread());
        dashboard.connect(new RunRequest(topology, Credentials.none()));
        ScenarioViewModel scenario = new ScenarioViewModel(dashboard);
        SessionRecorder.watch(scenario, dashboard, "tutorial", store);

        List<String> holders = List.of("nginx1", "nginx2", "nginx1");
        assertThat(scenario.stepCount()).isEqualTo(holders.size());
        for (int i = 0; i < scenario.stepCount(); i++) {
            scenario.stepIndexProperty().set(i);
            scenario.doStep();
            Instant t = Instant.now();
            String holder = holders.get(i);
            List<MonitorUpdate> updates = new ArrayList<>(List.of(new MonitorUpdate.VipHolder(t, "192.168.224.150", holder),
                    new MonitorUpdate.Probe(t, true, holder.equals("nginx1") ? "NGINX-1" : "NGINX-2", "192.168.224.103:8080",
                            Duration.ofMillis(3), null, "192.168.224.150")));
            // through the recording monitor port, as the core's monitor reports them
            updates.forEach(scripted.monitorUpdates);
            if (scenario.currentStep().action() == Scenario.Action.FAIL) {
                MonitorUpdate.FailoverMeasured measured = new MonitorUpdate.FailoverMeasured(t, "192.168.224.150", "nginx1", outage(t));
                scripted.monitorUpdates.accept(measured);
            }
        }

        LabSession session = store.load("tutorial");
        assertThat(session.failovers()).singleElement().satisfies(f -> {
            assertThat(f.host()).isEqualTo("nginx1");
            assertThat(f.measuredMillis()).isEqualTo(380L);
            assertThat(f.floorMillis()).isEqualTo(360L);
            assertThat(f.method()).isEqualTo("stop");
        });
        assertThat(session.scenarios()).singleElement().satisfies(s -> {
            assertThat(s.scenario()).isEqualTo("preempt");
            assertThat(s.passed()).isTrue();
            assertThat(s.steps()).hasSize(3).allMatch(LabSession.StepRecord::passed);
            assertThat(s.steps().get(1).expected().en()).contains("nginx2");
            assertThat(s.steps().get(1).observed().en()).contains("nginx2", "NGINX-2");
            assertThat(s.steps().get(1).outage()).isNotNull();
            assertThat(s.steps().get(1).outage().measuredMillis()).isEqualTo(380L);
            assertThat(s.steps().get(0).outage()).isNull();
        });
    }
}
