package dev.halab.core.failover;

import dev.halab.core.failover.MonitorEvent.AlertCleared;
import dev.halab.core.failover.MonitorEvent.AlertRaised;
import dev.halab.core.failover.MonitorEvent.Service;
import dev.halab.core.failover.MonitorEvent.ServiceHealth;
import dev.halab.core.topology.VrrpInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants replayed from event sequences, with time as a parameter. */
class InvariantsTest {
    private static final String VIP = "192.168.224.150";
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final AlertPolicy POLICY = new AlertPolicy(Duration.ofSeconds(2), Duration.ofSeconds(4),
            Duration.ofSeconds(2), Duration.ofSeconds(8));

    private ClusterState state;
    private Invariants invariants;

    @BeforeEach
    void healthyPair() {
        state = new ClusterState(List.of("nginx1", "nginx2"), List.of(new VrrpInstance("VI_1", 51, VIP, "nginx1", null)));
        invariants = new Invariants(POLICY);
        state.markReachable("nginx1");
        state.markReachable("nginx2");
        feed("nginx1", notify(0, "nginx1", "MASTER"));
        feed("nginx1", vip(0, false));
        feed("nginx2", notify(0, "nginx2", "BACKUP"));
    }

    @Test
    void aHealthyPairRaisesNothing() {
        assertThat(invariants.evaluate(state, T0.plusSeconds(60))).isEmpty();
        assertThat(Invariants.brokenNow(state)).isEmpty();
    }

    @Test
    void twoMastersAreASplitBrainAfterTheGracePeriodAndClearWhenHealed() {
        feed("nginx2", notify(1000, "nginx2", "MASTER"));
        feed("nginx2", vip(1001, false));
        assertThat(invariants.evaluate(state, T0.plusMillis(1001))).isEmpty(); // a preemption overlaps briefly
        List<MonitorEvent> raised = invariants.evaluate(state, T0.plusMillis(3001));
        assertThat(raised).singleElement().isInstanceOfSatisfying(AlertRaised.class, r -> {
            assertThat(r.alert().kind()).isEqualTo(AlertKind.SPLIT_BRAIN);
            assertThat(r.alert().hosts()).containsExactly("nginx1", "nginx2");
            assertThat(r.alert().title().render(Locale.ENGLISH)).contains("Split brain", "VI_1", "51");
            assertThat(r.alert().hint().render(Locale.ENGLISH)).contains("112");
            assertThat(r.alert().title().render(Locale.SIMPLIFIED_CHINESE)).contains("脑裂");
            assertThat(r.alert().hint().render(Locale.SIMPLIFIED_CHINESE)).contains("组播");
        });
        assertThat(invariants.evaluate(state, T0.plusMillis(4000))).isEmpty(); // raised once only
        feed("nginx2", notify(5000, "nginx2", "BACKUP"));
        feed("nginx2", vip(5001, true));
        assertThat(invariants.evaluate(state, T0.plusMillis(5002))).singleElement().isInstanceOf(AlertCleared.class);
        assertThat(invariants.activeAlerts()).isEmpty();
    }

    @Test
    void aShortOverlapDuringPreemptionIsNoAlert() {
        feed("nginx2", notify(1000, "nginx2", "MASTER"));
        invariants.evaluate(state, T0.plusMillis(1000));
        feed("nginx2", notify(1010, "nginx2", "BACKUP"));
        assertThat(invariants.evaluate(state, T0.plusMillis(5000))).isEmpty();
    }

    @Test
    void noMasterOnlyWhenEveryNodeIsKnown() {
        feed("nginx1", notify(1000, "nginx1", "FAULT"));
        feed("nginx1", vip(1000, true));
        assertThat(invariants.evaluate(state, T0.plusMillis(1000))).isEmpty();
        assertThat(invariants.evaluate(state, T0.plusMillis(5000))).singleElement()
                .extracting(e -> ((AlertRaised) e).alert().kind()).isEqualTo(AlertKind.NO_MASTER);
        // A node the monitor cannot see might be MASTER: no conclusion, the alert clears.
        state.markUnreachable("nginx1");
        assertThat(invariants.evaluate(state, T0.plusMillis(6000))).singleElement().isInstanceOf(AlertCleared.class);
    }

    @Test
    void aKilledKeepalivedThatLeftItsVipIsAStaleVip() {
        feed("nginx1", HostLine.parse((T0.toEpochMilli() / 1000 + 1) + ".000000 nginx1 systemd[1]: keepalived.service: Main process exited, code=killed, status=9/KILL"));
        feed("nginx2", notify(4100, "nginx2", "MASTER"));
        feed("nginx2", vip(4100, false));
        List<MonitorEvent> events = invariants.evaluate(state, T0.plusMillis(4100));
        assertThat(events).isEmpty();
        events = invariants.evaluate(state, T0.plusMillis(6200));
        assertThat(events).singleElement().isInstanceOfSatisfying(AlertRaised.class, r -> {
            assertThat(r.alert().kind()).isEqualTo(AlertKind.VIP_ON_NON_MASTER);
            assertThat(r.alert().subject()).isEqualTo("nginx1/" + VIP);
            assertThat(r.alert().hint().render(Locale.ENGLISH)).contains("SIGKILL");
        });
        feed("nginx1", vip(7000, true));
        assertThat(invariants.evaluate(state, T0.plusMillis(7000))).singleElement().isInstanceOf(AlertCleared.class);
    }

    @Test
    void deadNginxOnTheMasterThatKeepsTheVip() {
        state.accept(new ServiceHealth(T0.plusMillis(1000), "nginx1", Service.NGINX, false, 0, "connection refused"));
        assertThat(invariants.evaluate(state, T0.plusMillis(1000))).isEmpty();
        assertThat(invariants.evaluate(state, T0.plusMillis(9000))).singleElement().isInstanceOfSatisfying(AlertRaised.class,
                r -> assertThat(r.alert().kind()).isEqualTo(AlertKind.NGINX_DEAD_ON_MASTER));
        // The check script finally moves the VIP: nginx1 is no longer the MASTER holding it.
        feed("nginx1", notify(9500, "nginx1", "BACKUP"));
        feed("nginx1", vip(9500, true));
        feed("nginx2", notify(9500, "nginx2", "MASTER"));
        feed("nginx2", vip(9500, false));
        assertThat(invariants.evaluate(state, T0.plusMillis(9600))).singleElement().isInstanceOf(AlertCleared.class);
    }

    @Test
    void olderFactsNeverOverwriteNewerOnes() {
        feed("nginx2", notify(2000, "nginx2", "MASTER"));
        List<MonitorEvent> events = state.accept("nginx2", notify(1500, "nginx2", "BACKUP"), T0, false);
        assertThat(events).isEmpty();
        assertThat(state.state("nginx2", "VI_1")).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void theSameStateFromTwoSourcesIsOneEvent() {
        assertThat(state.accept("nginx2", notify(2000, "nginx2", "MASTER"), T0, false)).hasSize(1);
        HostLine journal = HostLine.parse((T0.toEpochMilli() / 1000 + 2) + ".010000 nginx2 Keepalived_vrrp[9]: (VI_1) Entering MASTER STATE");
        assertThat(state.accept("nginx2", journal, T0, false)).isEmpty();
    }

    @Test
    void aSnapshotReportsOnlyWhereTheHostEndedUp() {
        state.markUnreachable("nginx1");
        state.markReachable("nginx1");
        state.beginSnapshot("nginx1");
        for (String word : List.of("BACKUP", "MASTER", "STOP", "BACKUP", "MASTER")) {
            assertThat(state.accept("nginx1", notify(100 + word.length(), "nginx1", word), T0, true)).isEmpty();
        }
        assertThat(state.accept("nginx1", HostLine.parse("2: eth0    inet " + VIP + "/32 scope global eth0"), T0, true)).isEmpty();
        List<MonitorEvent> events = state.endSnapshot("nginx1", T0.plusSeconds(1));
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOfSatisfying(MonitorEvent.VrrpStateChanged.class, e -> {
            assertThat(e.state()).isEqualTo(VrrpState.MASTER);
            assertThat(e.source()).isEqualTo(MonitorEvent.Source.SNAPSHOT);
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(MonitorEvent.VipAdded.class,
                e -> assertThat(e.interfaceName()).isEqualTo("eth0"));
        // keepalived's own reports say it runs: the dashboard's keepalived dot is fed from this
        assertThat(events.get(2)).isEqualTo(new MonitorEvent.ServiceHealth(T0.plusSeconds(1), "nginx1",
                MonitorEvent.Service.KEEPALIVED, true, 0, null));
        assertThat(state.accept("nginx1", notify(5000, "nginx1", "BACKUP"), T0, false)).hasSize(1); // live again
    }

    @Test
    void keepalivedIsReportedDownWhenItStopsAndUpWhenItReportsAgain() {
        HostLine killed = HostLine.parse((T0.toEpochMilli() / 1000 + 3) + ".5 nginx2 systemd[1]: keepalived.service: Main process exited, "
                + "code=killed, status=9/KILL");
        assertThat(state.accept("nginx2", killed, T0, false)).last().isInstanceOfSatisfying(MonitorEvent.ServiceHealth.class, h -> {
            assertThat(h.service()).isEqualTo(MonitorEvent.Service.KEEPALIVED);
            assertThat(h.up()).isFalse();
        });
        assertThat(state.accept("nginx2", notify(9000, "nginx2", "BACKUP"), T0, false)).last()
                .isInstanceOfSatisfying(MonitorEvent.ServiceHealth.class, h -> assertThat(h.up()).isTrue());
    }

    private void feed(String host, HostLine line) {
        state.accept(host, line, T0, false);
    }

    private static HostLine notify(long offsetMillis, String host, String stateWord) {
        return HostLine.parse((T0.toEpochMilli() + offsetMillis) + " " + host + " VI_1 " + stateWord + " 250");
    }

    private static HostLine vip(long offsetMillis, boolean deleted) {
        String time = T0.plusMillis(offsetMillis).toString().replace("Z", "");
        if (!time.contains(".")) {
            time = time + ".000000";
        }
        return HostLine.parse("[" + time + "] " + (deleted ? "Deleted " : "") + "2: eth0    inet " + VIP
                + "/32 scope global eth0\\       valid_lft forever preferred_lft forever");
    }
}
