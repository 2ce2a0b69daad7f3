package dev.halab.core.failover;

import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.topology.Topology;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * keepalived's complaints, as the watch stream carries them (journalctl -o short-unix of the
 * keepalived unit; messages as keepalived 2.2.7 and 2.3 print them), become named alerts in both
 * languages, and clear when they stop.
 */
class KeepalivedComplaintsTest {
    private Topology topology;
    private ComplaintTracker tracker;
    private final Instant now = Instant.ofEpochSecond(1764525600L);

    @BeforeEach
    void setUp() throws Exception {
        topology = ProfileLoader.load("local-lab");
        tracker = new ComplaintTracker(topology);
    }

    private HostLine journal(String message) {
        return HostLine.parse(now.getEpochSecond() + ".250117 nginx2 Keepalived_vrrp[8123]: " + message);
    }

    private List<MonitorEvent> feed(String host, String message) {
        return tracker.accept(host, journal(message), now, false);
    }

    private static Alert raised(List<MonitorEvent> events) {
        assertThat(events).hasSize(1).first().isInstanceOf(MonitorEvent.AlertRaised.class);
        return ((MonitorEvent.AlertRaised) events.get(0)).alert();
    }

    private static String en(LocalizedText text) {
        return text.render(Locale.ENGLISH);
    }

    private static String zh(LocalizedText text) {
        return text.render(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aWrongPasswordIsAnAuthenticationMismatch() {
        Alert alert = raised(feed("nginx2", "(VI_1) received an invalid passwd!"));
        assertThat(alert.kind()).isEqualTo(AlertKind.AUTH_MISMATCH);
        assertThat(alert.id()).isEqualTo("AUTH_MISMATCH/nginx2/VI_1");
        assertThat(en(alert.title())).contains("Authentication mismatch", "nginx2", "VI_1");
        assertThat(en(alert.hint())).contains("auth_pass");
        assertThat(zh(alert.title())).contains("认证不一致");
        // keepalived 2.2 does not name the sender
        assertThat(en(alert.title())).contains("the other node").doesNotContain("?");
        // keepalived 2.3 names the sender
        Alert newer = raised(new ComplaintTracker(topology).accept("nginx1",
                journal("(VI_1) received an invalid passwd from 192.168.224.102!"), now, false));
        assertThat(en(newer.title())).contains("192.168.224.102");
        assertThat(KeepalivedComplaints.interpret("(VI_1) received a 1 auth, expecting 0!", topology).orElseThrow().kind())
                .isEqualTo(AlertKind.AUTH_MISMATCH);
    }

    @Test
    void repeatedComplaintsAreRaisedOnceAndClearAfterSilence() {
        assertThat(feed("nginx2", "(VI_1) received an invalid passwd!")).hasSize(1);
        assertThat(feed("nginx2", "(VI_1) received an invalid passwd!")).isEmpty();
        assertThat(tracker.tick(now.plus(ComplaintTracker.QUIET).minusSeconds(1))).isEmpty();
        List<MonitorEvent> cleared = tracker.tick(now.plus(ComplaintTracker.QUIET).plusSeconds(1));
        assertThat(cleared).singleElement().isInstanceOf(MonitorEvent.AlertCleared.class);
        assertThat(tracker.activeAlerts()).isEmpty();
    }

    @Test
    void anotherVipSetIsAVipSetMismatch() {
        for (String message : List.of("(VI_1) received an unexpected ip number count 2, expected 1!",
                "(VI_1) expected 1 VIPs but received 2",
                "(VI_1) ip address associated with VRID 51 not present in MASTER advert: 192.168.224.150")) {
            assertThat(KeepalivedComplaints.interpret(message, topology).orElseThrow().kind()).isEqualTo(AlertKind.VIP_SET_MISMATCH);
        }
        Alert alert = raised(feed("nginx2", "(VI_1) received an unexpected ip number count 2, expected 1!"));
        assertThat(zh(alert.title())).contains("VIP 集合不一致");
    }

    @Test
    void anUnknownVridIsAVridMismatch() {
        Alert alert = raised(feed("nginx1", "Unknown VRID(52) received on interface(eth0) from 192.168.224.102. ignoring..."));
        assertThat(alert.kind()).isEqualTo(AlertKind.VRID_MISMATCH);
        assertThat(en(alert.title())).contains("VRID 52", "eth0", "192.168.224.102");
        assertThat(KeepalivedComplaints.interpret("Unknown VRID(52) received on interface(eth0). ignoring...", topology))
                .isPresent();
    }

    @Test
    void anUnsafeScriptIsNamedAndClearsWhenKeepalivedRestarts() {
        Alert alert = raised(feed("nginx1", "Unsafe permissions found for script '/etc/keepalived/check_nginx.sh' - disabling."));
        assertThat(alert.kind()).isEqualTo(AlertKind.CHECK_SCRIPT_UNSAFE);
        assertThat(en(alert.title())).contains("/etc/keepalived/check_nginx.sh");
        assertThat(en(alert.hint())).contains("chmod 755 /etc/keepalived/check_nginx.sh");
        assertThat(KeepalivedComplaints.interpret("WARNING - script '/etc/keepalived/check_nginx.sh' is not executable for uid:gid 0:0 - disabling.",
                topology).orElseThrow().kind()).isEqualTo(AlertKind.CHECK_SCRIPT_UNSAFE);
        assertThat(KeepalivedComplaints.interpret("SECURITY VIOLATION - check scripts are being executed but script_security not enabled.",
                topology).orElseThrow().kind()).isEqualTo(AlertKind.CHECK_SCRIPT_UNSAFE);
        List<MonitorEvent> restart = tracker.accept("nginx1",
                HostLine.parse(now.getEpochSecond() + ".9 nginx1 Keepalived[8120]: Starting Keepalived v2.2.7 (01/16,2022)"), now, false);
        assertThat(restart).singleElement().isInstanceOf(MonitorEvent.AlertCleared.class);
    }

    @Test
    void aDownLinkIsAnInterfaceFaultUntilTheNodeLeavesFault() {
        Alert alert = raised(feed("nginx1", "Netlink reports eth0 down"));
        assertThat(alert.kind()).isEqualTo(AlertKind.INTERFACE_FAULT);
        assertThat(en(alert.title())).contains("eth0", "FAULT");
        // keepalived then enters FAULT: the same alert, not a second one
        assertThat(tracker.accept("nginx1", journal("(VI_1) Entering FAULT STATE"), now, false)).isEmpty();
        List<MonitorEvent> back = tracker.accept("nginx1", journal("(VI_1) Entering BACKUP STATE"), now, false);
        assertThat(back).singleElement().isInstanceOf(MonitorEvent.AlertCleared.class);
        // FAULT seen alone (the notify log) names the profile's interface
        Alert fromState = raised(tracker.accept("nginx2", HostLine.parse("1764525600123 nginx2 VI_1 FAULT 240"), now, false));
        assertThat(en(fromState.title())).contains("eth0");
        assertThat(KeepalivedComplaints.interpret("(Line 9) WARNING - interface eth9 for vrrp_instance VI_1 doesn't exist", topology)
                .orElseThrow().kind()).isEqualTo(AlertKind.INTERFACE_FAULT);
    }

    @Test
    void onlyAStrangerOrAPriorityAboveTheOwnersIsAHigherPriorityAlert() {
        // our own backup outranking a node that restarted: a normal takeover, no alert
        assertThat(KeepalivedComplaints.interpret("(VI_1) Master received advert from 192.168.224.101 with higher priority 250, ours 240",
                topology)).isEmpty();
        Alert stranger = raised(feed("nginx1", "(VI_1) Master received advert from 192.168.224.77 with higher priority 245, ours 230"));
        assertThat(stranger.kind()).isEqualTo(AlertKind.HIGHER_PRIORITY_ADVERT);
        assertThat(en(stranger.title())).contains("192.168.224.77", "245", "250");
        assertThat(KeepalivedComplaints.interpret("(VI_1) Master received advert from 192.168.224.102 with higher priority 254, ours 250",
                topology)).isPresent();
    }

    @Test
    void configurationErrorsOnReloadAreNamedWithTheirLine() {
        Alert alert = raised(feed("nginx2", "(Line 23) Unknown keyword 'virtual_ipadress'"));
        assertThat(alert.kind()).isEqualTo(AlertKind.CONFIG_ERROR);
        assertThat(en(alert.title())).contains("line 23");
        assertThat(en(alert.hint())).contains("Unknown keyword 'virtual_ipadress'", "keepalived -t");
        assertThat(zh(alert.title())).contains("第 23 行");
    }

    @Test
    void ordinaryLinesAreNotComplaints() {
        for (String message : List.of("(VI_1) Entering MASTER STATE", "Registering gratuitous ARP shared channel",
                "(VI_1) received lower priority (240) advert from 192.168.224.102 - discarding", "Script `chk_nginx` now returning 0",
                "VRRP_Script(chk_nginx) succeeded", "Running on Linux 6.8.0 #1 SMP (built for Linux 6.1.0)")) {
            assertThat(KeepalivedComplaints.interpret(message, topology)).as(message).isEmpty();
        }
    }

    @Test
    void aStaleRepeatedComplaintInTheSnapshotIsNotRaised() {
        HostLine old = HostLine.parse(now.minusSeconds(600).getEpochSecond() + ".1 nginx2 Keepalived_vrrp[1]: (VI_1) received an invalid passwd!");
        assertThat(tracker.accept("nginx2", old, now, true)).isEmpty();
        HostLine unsafe = HostLine.parse(now.minusSeconds(600).getEpochSecond()
                + ".1 nginx2 Keepalived_vrrp[1]: Unsafe permissions found for script '/etc/keepalived/check_nginx.sh' - disabling.");
        assertThat(tracker.accept("nginx2", unsafe, now, true)).hasSize(1);
    }
}
