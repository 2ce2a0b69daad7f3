package dev.halab.core.failover;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HostLineTest {

    @Test
    void notifyLineFromTheTemplate() {
        HostLine line = HostLine.parse("1732550400123 nginx1 VI_1 MASTER 250");
        assertThat(line).isEqualTo(new HostLine.Notify(Instant.ofEpochMilli(1732550400123L), "nginx1", "VI_1",
                VrrpState.MASTER, 250));
        assertThat(HostLine.parse("1732550400123 nginx1 VI_1 STOP 0"))
                .isEqualTo(new HostLine.Notify(Instant.ofEpochMilli(1732550400123L), "nginx1", "VI_1", VrrpState.STOPPED, 0));
    }

    @Test
    void notifyLineWithUnknownStateIsNotInterpreted() {
        assertThat(HostLine.parse("1732550400123 nginx1 VI_1 UNKNOWN 0")).isInstanceOf(HostLine.Other.class);
    }

    @Test
    void journalEnteringState() {
        HostLine line = HostLine.parse("1764085234.123456 nginx1 Keepalived_vrrp[91]: (VI_1) Entering MASTER STATE");
        assertThat(line).isEqualTo(new HostLine.JournalState(Instant.ofEpochSecond(1764085234L, 123456000L), "VI_1",
                VrrpState.MASTER));
        assertThat(HostLine.parse("1764085234.000001 nginx2 Keepalived_vrrp[91]: (VI_2) Entering BACKUP STATE (init)"))
                .isEqualTo(new HostLine.JournalState(Instant.ofEpochSecond(1764085234L, 1000L), "VI_2", VrrpState.BACKUP));
        assertThat(HostLine.parse("1764085234.5 nginx1 Keepalived_vrrp[91]: VRRP_Instance(VI_1) Transition to MASTER STATE"))
                .isInstanceOf(HostLine.JournalState.class);
    }

    @Test
    void journalServiceDeath() {
        assertThat(HostLine.parse("1764085234.123456 nginx1 systemd[1]: keepalived.service: Main process exited, code=killed, status=9/KILL"))
                .isEqualTo(new HostLine.JournalStopped(Instant.ofEpochSecond(1764085234L, 123456000L),
                        "keepalived.service: Main process exited, code=killed, status=9/KILL"));
        assertThat(HostLine.parse("1764085234.123456 nginx1 systemd[1]: Stopped keepalived.service - Keepalive Daemon (LVS and VRRP)."))
                .isInstanceOf(HostLine.JournalStopped.class);
        assertThat(HostLine.parse("1764085234.123456 nginx1 systemd[1]: Started keepalived.service - Keepalive Daemon (LVS and VRRP)."))
                .isInstanceOf(HostLine.Journal.class);
    }

    @Test
    void ipMonitorAddAndDeleteInUtc() {
        HostLine added = HostLine.parse("[2026-11-25T15:41:34.033611] 2: eth0    inet 192.168.224.150/32 scope global eth0\\       valid_lft forever preferred_lft forever");
        assertThat(added).isEqualTo(new HostLine.Address(Instant.parse("2026-11-25T15:41:34.033611Z"), false, "eth0",
                "192.168.224.150", 32));
        HostLine deleted = HostLine.parse("[2026-11-25T15:41:34.041762] Deleted 2: eth0    inet 192.168.224.150/32 scope global eth0\\       valid_lft forever preferred_lft forever");
        assertThat(deleted).isEqualTo(new HostLine.Address(Instant.parse("2026-11-25T15:41:34.041762Z"), true, "eth0",
                "192.168.224.150", 32));
    }

    @Test
    void snapshotAddressLineHasNoTime() {
        assertThat(HostLine.parse("2: eth0    inet 192.168.224.101/24 brd 192.168.224.255 scope global eth0\\       valid_lft forever preferred_lft forever"))
                .isEqualTo(new HostLine.Address(null, false, "eth0", "192.168.224.101", 24));
    }

    @Test
    void markers() {
        assertThat(HostLine.parse("HB 1732550400123")).isEqualTo(new HostLine.Heartbeat(Instant.ofEpochMilli(1732550400123L)));
        assertThat(HostLine.parse("ACTIVE 1732550400123 inactive"))
                .isEqualTo(new HostLine.Active(Instant.ofEpochMilli(1732550400123L), false, "inactive"));
        assertThat(HostLine.parse("ACTIVE 1732550400123 active")).extracting(l -> ((HostLine.Active) l).active()).isEqualTo(true);
        assertThat(HostLine.parse("SNAP-BEGIN")).isInstanceOf(HostLine.SnapshotBegin.class);
        assertThat(HostLine.parse("SNAP-END 1732550400123")).isInstanceOf(HostLine.SnapshotEnd.class);
        assertThat(HostLine.parse("tail: cannot open '/var/log/halab/vrrp-state.log'")).isInstanceOf(HostLine.Other.class);
    }
}
