package dev.halab.gui.topology;

import dev.halab.core.failover.ChaosAction;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.gui.ScriptedServices;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.service.Credentials;
import dev.halab.gui.service.MonitorUpdate;
import dev.halab.gui.service.RunRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardViewModelTest {
    private final ScriptedServices scripted = new ScriptedServices();
    private DashboardViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        var topology = ProfileLoader.load("tutorial");
        vm = new DashboardViewModel(topology, scripted.services().monitor(), UiContext.sameThread());
        vm.connect(new RunRequest(topology, Credentials.none()));
    }

    private static MonitorUpdate.Probe ok(Instant at, String nginx, String upstream) {
        return new MonitorUpdate.Probe(at, true, nginx, upstream, Duration.ofMillis(4), null);
    }

    private static MonitorUpdate.Probe failed(Instant at) {
        return new MonitorUpdate.Probe(at, false, null, null, null, "connect timed out");
    }

    @Test
    void updatesMoveTheVipAndFillStatesAndTheStream() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        scripted.monitorUpdates.accept(new MonitorUpdate.VrrpState(t, "nginx1", "VI_1", "MASTER"));
        vm.apply(List.of(
                new MonitorUpdate.VrrpState(t, "nginx1", "VI_1", "MASTER"),
                new MonitorUpdate.VrrpState(t, "nginx2", "VI_1", "BACKUP"),
                new MonitorUpdate.VipHolder(t, "192.168.224.150", "nginx1"),
                new MonitorUpdate.Health(t, "tomcat2", "tomcat", false),
                ok(t, "NGINX-1", "192.168.224.103:8080"),
                ok(t.plusMillis(100), "NGINX-1", "192.168.224.104:8080")));
        assertThat(vm.connectedProperty().get()).isTrue();
        assertThat(vm.model().vipHolderProperty().get()).isEqualTo("nginx1");
        assertThat(vm.model().node("nginx2").orElseThrow().vrrpStateProperty().get()).isEqualTo("BACKUP");
        assertThat(vm.model().node("tomcat2").orElseThrow().tomcatUpProperty().get()).isFalse();
        assertThat(vm.stream()).extracting(RequestItem::label)
                .containsExactly("NGINX-1 / 192.168.224.104", "NGINX-1 / 192.168.224.103");
        assertThat(vm.stream().get(0).tomcatIndex()).isEqualTo(1);
        assertThat(vm.hostOf(ChaosTarget.MASTER)).isEqualTo("nginx1");
        assertThat(vm.hostOf(ChaosTarget.BACKUP)).isEqualTo("nginx2");
    }

    @Test
    void aKillIsMeasuredToTheFirstAnswerOfTheOtherFrontEnd() {
        Instant t = Instant.now();
        vm.apply(List.of(new MonitorUpdate.VipHolder(t, "192.168.224.150", "nginx1"), ok(t, "NGINX-1", "192.168.224.103:8080")));
        vm.chaos(ChaosTarget.MASTER, ChaosAction.KILL);
        assertThat(scripted.calls).contains("chaos nginx1 KILL");
        Instant kill = vm.lastKillAtProperty().get();
        assertThat(vm.theoreticalProperty().get()).isEqualTo(Duration.ofMillis(3062).plusNanos(500_000));
        vm.apply(List.of(failed(kill.plusMillis(100)), failed(kill.plusMillis(1100)),
                new MonitorUpdate.VipHolder(kill.plusMillis(3050), "192.168.224.150", "nginx2"),
                ok(kill.plusMillis(3100), "NGINX-2", "192.168.224.104:8080")));
        assertThat(vm.measuredProperty().get()).isEqualTo(Duration.ofMillis(3100));
        assertThat(vm.failedRequestsProperty().get()).isEqualTo(2);
        assertThat(vm.model().vipHolderProperty().get()).isEqualTo("nginx2");
        assertThat(vm.lastServingNginx()).isEqualTo("NGINX-2");
        assertThat(vm.hostOf(ChaosTarget.MASTER)).isEqualTo("nginx2");
    }

    @Test
    void theHostsFaultTimeIsTheStartOfTheOutage() {
        Instant t = Instant.now();
        vm.apply(List.of(ok(t, "NGINX-1", "192.168.224.103:8080")));
        scripted.faultAt = t.plusMillis(10_000);
        // the scripted chaos returns at once, so the fault time is known before any probe
        vm.chaos(ChaosTarget.MASTER, ChaosAction.STOP);
        assertThat(vm.lastKillAtProperty().get()).isEqualTo(scripted.faultAt);
        vm.apply(List.of(ok(scripted.faultAt.plusMillis(80), "NGINX-2", "192.168.224.104:8080")));
        assertThat(vm.measuredProperty().get()).isEqualTo(Duration.ofMillis(80));
    }

    @Test
    void aFaultTimeLearnedAfterTheAnswerRedoesTheMeasurement() {
        Instant t = Instant.now();
        vm.apply(List.of(ok(t, "NGINX-1", "192.168.224.103:8080")));
        vm.chaos(ChaosTarget.MASTER, ChaosAction.STOP);
        Instant pressed = vm.lastKillAtProperty().get();
        vm.apply(List.of(ok(pressed.plusMillis(500), "NGINX-2", "192.168.224.104:8080")));
        assertThat(vm.measuredProperty().get()).isEqualTo(Duration.ofMillis(500));
        vm.faultHappened(pressed.plusMillis(200));
        assertThat(vm.measuredProperty().get()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void alertsAreRaisedAndClearedByCode() {
        Instant t = Instant.now();
        var title = ScriptedServices.text("split brain");
        vm.apply(List.of(new MonitorUpdate.Alert(t, "SPLIT_BRAIN:VI_1", title, ScriptedServices.text("multicast blocked?"), true)));
        assertThat(vm.alerts()).extracting(AlertItem::title).containsExactly(title);
        vm.apply(List.of(new MonitorUpdate.Alert(t, "SPLIT_BRAIN:VI_1", title, null, false)));
        assertThat(vm.alerts()).isEmpty();
    }

    @Test
    void theStreamAndTimelineStayBounded() {
        Instant t = Instant.now();
        for (int i = 0; i < 1000; i++) {
            vm.apply(List.of(ok(t.plusMillis(i * 100L), "NGINX-1", "192.168.224.103:8080")));
        }
        assertThat(vm.stream()).hasSize(DashboardViewModel.STREAM_SIZE);
        assertThat(vm.timeline()).hasSize(DashboardViewModel.TIMELINE_SIZE);
        assertThat(vm.stream().get(0).at()).isEqualTo(t.plusMillis(999 * 100L));
    }

    @Test
    void upstreamAddressesLoseTheirPort() {
        assertThat(DashboardViewModel.tomcatAddress("192.168.224.103:8080")).isEqualTo("192.168.224.103");
        assertThat(DashboardViewModel.tomcatAddress("192.168.224.103:8080, 192.168.224.104:8080")).isEqualTo("192.168.224.104");
        assertThat(DashboardViewModel.tomcatAddress("")).isNull();
    }

    @Test
    void restoreAndCloseReachTheSession() {
        vm.restore("nginx1");
        vm.close();
        assertThat(scripted.calls).containsExactly("monitor", "restore nginx1", "close");
    }
}
