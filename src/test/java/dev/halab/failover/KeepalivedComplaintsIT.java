package dev.halab.failover;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.failover.AlertKind;
import dev.halab.core.failover.ChaosAction;
import dev.halab.core.failover.FailoverMonitor;
import dev.halab.core.failover.FailoverMonitor.MonitorSettings;
import dev.halab.core.failover.MonitorEvent;
import dev.halab.core.failover.VrrpState;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.RemoteShell;
import dev.halab.core.topology.Topology;
import dev.halab.lab.LabExtension;
import dev.halab.lab.LocalLab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * keepalived's own complaints, provoked on the local lab the way students meet them (another
 * password on the backup, an extra VIP on one node, another VRID on one node, a world-writable check
 * script, a priority above the master's, a typo in the configuration, the tutorial's interface name
 * ens33 on a host whose NIC is eth0, the link down for a moment) must each become their named alert
 * in the monitor, in English and Chinese. Waits on the alert event; the time from the change to the
 * alert is printed as a figure, never asserted. Every change is undone from a copy taken before it.
 */
@Tag("lab")
@ExtendWith(LabExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeepalivedComplaintsIT {
    private static final String CONF = "/etc/keepalived/keepalived.conf";
    private static final String SAVED = "/root/halab-it-keepalived.conf";
    private static final String SCRIPT = "/etc/keepalived/check_nginx.sh";
    private static final Duration LIMIT = Duration.ofSeconds(40);

    private LocalLab lab;
    private Topology topology;
    private FailoverMonitor monitor;

    @BeforeAll
    void installAndWatch(LocalLab localLab) throws Exception {
        lab = localLab;
        topology = LabFailover.profile("local-lab");
        LabFailover.install(lab, topology);
        monitor = LabFailover.monitor(lab, topology, MonitorSettings.defaults());
        monitor.addListener(e -> {
            if (e instanceof MonitorEvent.AlertRaised r) {
                System.out.println("[complaints] raised " + r.alert().id() + ": " + r.alert().title().render(Locale.ENGLISH));
            }
        });
        monitor.start();
        settle();
    }

    @AfterAll
    void close() {
        if (monitor != null) {
            monitor.close();
        }
    }

    @Test
    @Order(1)
    void anotherPasswordOnTheBackupIsAnAuthenticationMismatch() throws Exception {
        provoke(AlertKind.AUTH_MISMATCH, "nginx2", "sed -i 's/auth_pass .*/auth_pass wrongpw1/' " + CONF + " && systemctl restart keepalived");
    }

    @Test
    @Order(2)
    void anExtraVipOnOneNodeIsAVipSetMismatch() throws Exception {
        provoke(AlertKind.VIP_SET_MISMATCH, "nginx2",
                "sed -i 's|^\\( *\\)192.168.224.150/32 dev eth0|&\\n\\1192.168.224.151/32 dev eth0|' " + CONF
                        + " && systemctl restart keepalived");
    }

    @Test
    @Order(3)
    void anotherVridOnTheBackupIsAVridMismatch() throws Exception {
        // nginx2 then hears nginx1's adverts for VRID 51, which it no longer has (log_unknown_vrids names them).
        provoke(AlertKind.VRID_MISMATCH, "nginx2", "sed -i 's/virtual_router_id 51/virtual_router_id 52/' " + CONF
                + " && systemctl restart keepalived");
    }

    @Test
    @Order(4)
    void aWorldWritableCheckScriptIsRefused() throws Exception {
        provoke(AlertKind.CHECK_SCRIPT_UNSAFE, "nginx1", "chmod 777 " + SCRIPT + " && systemctl restart keepalived");
    }

    @Test
    @Order(5)
    void aPriorityAboveTheMastersIsNamed() throws Exception {
        provoke(AlertKind.HIGHER_PRIORITY_ADVERT, "nginx1", "sed -i 's/^\\( *\\)priority .*/\\1priority 254/' " + CONF
                + " && systemctl restart keepalived", "nginx2");
    }

    @Test
    @Order(6)
    void aTypoFoundOnReloadIsAConfigurationError() throws Exception {
        provoke(AlertKind.CONFIG_ERROR, "nginx2", "sed -i 's/^global_defs {/global_defs {\\n    halab_no_such_keyword 1/' " + CONF
                + " && systemctl reload keepalived");
    }

    @Test
    @Order(7)
    void theTutorialsInterfaceNameOnAnotherNicIsAnInterfaceFault() throws Exception {
        // The tutorial's VMs call their NIC ens33; copied onto a host whose NIC is eth0, keepalived has no
        // interface, and keepalived 2.2 then refuses to start at all (the restart fails, as the student sees it).
        provoke(AlertKind.INTERFACE_FAULT, "nginx2", "sed -i 's/^\\( *\\)interface eth0/\\1interface ens33/' " + CONF
                + " && { systemctl restart keepalived || true; }");
    }

    @Test
    @Order(8)
    void aLinkDownForAMomentIsAnInterfaceFault() throws Exception {
        // A cut shorter than the monitor's silence limit: the watch channel survives and delivers on reconnect of the link.
        cutLink(Duration.ofSeconds(2));
    }

    @Test
    @Order(9)
    void aLongerCutIsNamedFromTheJournalWhenTheMonitorReconnects() throws Exception {
        // Longer than the silence limit: the monitor drops the channel, and the alert comes from the snapshot of the next one.
        cutLink(Duration.ofSeconds(6));
    }

    /** Takes nginx2's only link down for {@code cut}; its report of the fault can only leave when the link is back. */
    private void cutLink(Duration cut) throws Exception {
        long mark = monitor.mark();
        var applied = LabFailover.chaos(lab, topology).apply(topology.host("nginx2"), ChaosAction.NET, cut);
        // The lab's hosts share this machine's clock: the link went down at the host time the cut reports.
        Instant down = applied.faultAt();
        var alert = awaitAlert(mark, AlertKind.INTERFACE_FAULT, "nginx2", down);
        // The host schedules "link up" 200 ms before the link goes down (ChaosRunner), so it comes back at down - 200 ms + cut.
        Instant back = down.minusMillis(200).plus(cut);
        System.out.println("[complaints]   (link down " + cut.minusMillis(200).toMillis() + " ms; alert "
                + Duration.between(back, alert.receivedAt()).toMillis() + " ms after the link came back)");
        LabFailover.chaos(lab, topology).restore(topology.host("nginx2"));
        settle();
    }

    /** Changes a node by {@code change} (run as root), waits for the alert on {@code alertHost}, undoes it. */
    private void provoke(AlertKind kind, String alertHost, String change) throws Exception {
        provoke(kind, alertHost, change, alertHost);
    }

    private void provoke(AlertKind kind, String alertHost, String change, String changedHost) throws Exception {
        sh(changedHost, "cp -p " + CONF + " " + SAVED + " && stat -c %a " + SCRIPT + " > " + SAVED + ".mode");
        long mark = monitor.mark();
        Instant changed = Instant.now();
        try {
            sh(changedHost, change);
            awaitAlert(mark, kind, alertHost, changed);
        } finally {
            sh(changedHost, "cp -p " + SAVED + " " + CONF + " && chmod $(cat " + SAVED + ".mode) " + SCRIPT
                    + " && rm -f " + SAVED + " " + SAVED + ".mode && systemctl restart keepalived");
            settle();
        }
    }

    private MonitorEvent awaitAlert(long mark, AlertKind kind, String host, Instant since) throws InterruptedException {
        Optional<MonitorEvent> raised = monitor.awaitEvent(mark, e -> e instanceof MonitorEvent.AlertRaised r
                && r.alert().kind() == kind && r.alert().hosts().contains(host), LIMIT);
        assertThat(raised).as(kind + " on " + host + "; alerts now: " + monitor.activeAlerts()).isPresent();
        var alert = ((MonitorEvent.AlertRaised) raised.get()).alert();
        System.out.println("[complaints] " + kind + " on " + host + " raised " + Duration.between(since, raised.get().receivedAt()).toMillis()
                + " ms after the change");
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            System.out.println("[complaints]   " + locale + ": " + alert.title().render(locale));
            System.out.println("[complaints]   " + locale + ": " + alert.hint().render(locale));
            assertThat(alert.title().render(locale)).isNotBlank().doesNotContain(kind.key());
            assertThat(alert.hint().render(locale)).isNotBlank().doesNotContain(kind.key());
        }
        assertThat(alert.title().render(Locale.SIMPLIFIED_CHINESE)).as("in Chinese").containsPattern("\\p{IsHan}");
        return raised.get();
    }

    /** Back to Step 1: nginx1 MASTER with the VIP, nginx2 BACKUP. */
    private void settle() throws InterruptedException {
        assertThat(monitor.await(s -> s.masters("VI_1").equals(List.of("nginx1")) && s.state("nginx2", "VI_1") == VrrpState.BACKUP
                && s.holders("192.168.224.150").equals(List.of("nginx1")), Duration.ofSeconds(40)))
                .as("lab back to Step 1: " + monitor.state().summary()).isPresent();
    }

    private void sh(String host, String script) throws Exception {
        try (RemoteShell shell = LabFailover.shells(lab).open(topology.host(host))) {
            CommandResult result = shell.run(RemoteCommand.of("sh", "-c", script).asRoot(), Duration.ofSeconds(60));
            assertThat(result.exitCode()).as(host + ": " + script + "\n" + result.stderr()).isZero();
        }
    }
}
