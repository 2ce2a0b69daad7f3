package dev.halab.core.failover;

import dev.halab.core.command.RemoteCommand;

/**
 * The command a front end runs for the monitor over one long-lived SSH channel. It starts the
 * event streams first and then prints a snapshot, so no change can fall between the two:
 * <ul>
 *   <li>{@code tail -n0 -F} of the notify script's log (one line per VRRP state change). GNU tail
 *       treats overlayfs (the local lab's disks) as remote and falls back from inotify to
 *       re-reading the file every second; {@code -s 0.05} makes that 50 ms;</li>
 *   <li>{@code journalctl -f} of the keepalived unit (keepalived's "Entering MASTER STATE" lines and
 *       systemd's "Main process exited", which is all a SIGKILLed keepalived leaves);</li>
 *   <li>{@code ip -o -ts monitor address} on the interface, in UTC (VIP added / deleted);</li>
 *   <li>a heartbeat line per second: the only way to notice a silent channel (host powered off,
 *       link down), since TCP alone would wait minutes.</li>
 * </ul>
 * When the channel closes, the heartbeat's write fails and the script ends its whole process group,
 * so no stream is left running on the host.
 */
public final class WatchScript {
    public static final String NOTIFY_LOG = "/var/log/halab/vrrp-state.log";

    static final String SCRIPT = """
            IF="$1"; LOG="$2"
            trap '' PIPE
            tail -n0 -F -s 0.05 "$LOG" 2>/dev/null &
            journalctl -f -n0 -o short-unix -u keepalived 2>/dev/null &
            TZ=UTC0 ip -o -ts monitor address dev "$IF" &
            echo SNAP-BEGIN
            echo "ACTIVE $(date +%s%3N) $(systemctl is-active keepalived)"
            ip -o -4 addr show dev "$IF"
            journalctl -n 40 -o short-unix -u keepalived --no-pager 2>/dev/null
            tail -n 20 "$LOG" 2>/dev/null
            echo "SNAP-END $(date +%s%3N)"
            while echo "HB $(date +%s%3N)"; do sleep 1; done
            kill 0
            """;

    private WatchScript() {
    }

    public static RemoteCommand command(String interfaceName, String notifyLog) {
        return RemoteCommand.of("sh", "-c", SCRIPT, "halab-watch", interfaceName, notifyLog).asRoot();
    }
}
