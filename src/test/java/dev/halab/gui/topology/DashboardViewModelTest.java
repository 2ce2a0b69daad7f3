package dev.halab.gui.topology;

import dev.halab.core.failover.ChaosAction;
import dev.halab.core.failover.Outage;
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
        return new MonitorUpdate.Probe(at, false, null, null, null, dev.halab.core.failover.ProbeFailures.explain("192.168.224.150", 0, "SocketTimeoutException: connect timed out"));
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
        assertThat(vm.stream()).extracting(r -> r.label(java.util.Locale.ENGLISH))
                .containsExactly("NGINX-1 / 192.168.224.104", "NGINX-1 / 192.168.224.103");
        assertThat(vm.stream().get(0).tomcatIndex()).isEqualTo(1);
        assertThat(vm.hostOf(ChaosTarget.MASTER)).isEqualTo("nginx1");
        assertThat(vm.hostOf(ChaosTarget.BACKUP)).isEqualTo("nginx2");
    }

    @Test
    void aKillGoesToTheNodeTheCoreResolvesAndShowsTheCoresOutage() {
        Instant t = Instant.now();
        vm.apply(List.of(new MonitorUpdate.VipHolder(t, "192.168.224.150", "nginx1"), ok(t, "NGINX-1", "192.168.224.103:8080")));
        scripted.faultAt = t.plusMillis(20);
        vm.chaos(ChaosTarget.MASTER, ChaosAction.KILL);
        // "master" is resolved by the core at the moment of the kill, not by the dashboard
        assertThat(scripted.calls).contains("chaos master KILL");
        assertThat(vm.lastKillAtProperty().get()).isEqualTo(scripted.faultAt);
        assertThat(vm.theoreticalProperty().get()).isEqualTo(Duration.ofMillis(3062).plusNanos(500_000));
        assertThat(vm.measuredProperty().get()).isNull();
        Outage outage = new Outage(ChaosAction.KILL, scripted.faultAt, Duration.ofMillis(3100), 2, "NGINX-1", "NGINX-2",
                Duration.ofMillis(3062), Duration.ofMillis(4));
        vm.apply(List.of(new MonitorUpdate.VipHolder(t.plusMillis(3050), "192.168.224.150", "nginx2"),
                new MonitorUpdate.Roles(t.plusMillis(3050), "nginx2", "nginx1"),
                new MonitorUpdate.FailoverMeasured(t.plusMillis(3100), "192.168.224.150", "nginx1", outage)));
        assertThat(vm.measuredProperty().get()).isEqualTo(Duration.ofMillis(3100));
        assertThat(vm.failedRequestsProperty().get()).isEqualTo(2);
        assertThat(vm.outageProperty().get()).isEqualTo(outage);
        assertThat(vm.hostOf(ChaosTarget.MASTER)).isEqualTo("nginx2");
        assertThat(vm.hostOf(ChaosTarget.BACKUP)).isEqualTo("nginx1");
    }

    @Test
    void aNewKillClearsTheLastMeasurement() {
        Instant t = Instant.now();
        vm.apply(List.of(new MonitorUpdate.FailoverMeasured(t, "192.168.224.150", "nginx1", new Outage(ChaosAction.STOP, t,
                Duration.ofMillis(80), 0, "NGINX-1", "NGINX-2", Duration.ofMillis(62), null))));
        assertThat(vm.measuredProperty().get()).isEqualTo(Duration.ofMillis(80));
        vm.chaosOn("nginx2", ChaosAction.STOP);
        assertThat(scripted.calls).contains("chaos nginx2 STOP");
        assertThat(vm.measuredProperty().get()).isNull();
        assertThat(vm.outageProperty().get()).isNull();
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
