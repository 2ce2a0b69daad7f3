package dev.halab.core.failover;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a front end's watch stream ({@link WatchScript}), parsed. The stream mixes several
 * sources; their formats do not overlap, so each line is recognised by its shape:
 * <pre>
 * 1764085234123 nginx1 VI_1 MASTER 250                                notify log (epoch ms first)
 * 1764085234.123456 nginx1 Keepalived_vrrp[91]: (VI_1) Entering MASTER STATE   journal, short-unix
 * [2026-11-25T15:41:34.033611] 2: eth0    inet 192.168.224.150/32 ...  ip -o -ts monitor (UTC)
 * [2026-11-25T15:41:34.041762] Deleted 2: eth0    inet ...             ip -o -ts monitor (UTC)
 * 2: eth0    inet 192.168.224.101/24 brd ...                           ip -o addr (snapshot)
 * ACTIVE 1764085234123 active | HB 1764085234123 | SNAP-BEGIN | SNAP-END 1764085234123
 * </pre>
 */
public sealed interface HostLine {

    /** The notify script's record: {@code EPOCH_MILLIS HOST INSTANCE STATE PRIORITY}. */
    record Notify(Instant hostTime, String host, String instance, VrrpState state, int priority) implements HostLine { }

    /** A journal line saying an instance entered a state. */
    record JournalState(Instant hostTime, String instance, VrrpState state) implements HostLine { }

    /** A journal line saying the keepalived service stopped or its main process died. */
    record JournalStopped(Instant hostTime, String message) implements HostLine { }

    /** Any other journal line of keepalived: its message, for {@link KeepalivedComplaints}. */
    record Journal(Instant hostTime, String message) implements HostLine { }

    /** An IPv4 address on an interface; {@code hostTime} is null for snapshot lines (no timestamp). */
    record Address(Instant hostTime, boolean deleted, String interfaceName, String address, int prefixLength)
            implements HostLine { }

    /** {@code systemctl is-active keepalived} in the snapshot. */
    record Active(Instant hostTime, boolean active, String word) implements HostLine { }

    record Heartbeat(Instant hostTime) implements HostLine { }

    record SnapshotBegin() implements HostLine { }

    record SnapshotEnd(Instant hostTime) implements HostLine { }

    /** Anything else (other journal lines, warnings): kept for logs, never interpreted. */
    record Other(String text) implements HostLine { }

    Pattern NOTIFY = Pattern.compile("^(\\d{12,14})\\s+(\\S+)\\s+(\\S+)\\s+([A-Za-z]+)\\s+(-?\\d+)\\s*$");
    Pattern JOURNAL = Pattern.compile("^(\\d{9,11})\\.(\\d{1,9})\\s+\\S+\\s+([^:]+?):\\s(.*)$");
    Pattern ENTERING = Pattern.compile("\\((\\S+?)\\) Entering (MASTER|BACKUP|FAULT) STATE");
    Pattern LEGACY_ENTERING = Pattern.compile("VRRP_Instance\\((\\S+?)\\) (?:Entering|Transition to) (MASTER|BACKUP|FAULT) STATE");
    Pattern SERVICE_STOPPED = Pattern.compile(
            "keepalived\\.service: (Main process exited|Deactivated successfully|Failed with result)|^Stopped (keepalived|Keepalive)");
    Pattern ADDRESS = Pattern.compile(
            "^(?:\\[(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})?)\\]\\s*)?(Deleted\\s+)?\\d+:\\s+(\\S+)\\s+inet\\s+(\\d{1,3}(?:\\.\\d{1,3}){3})/(\\d{1,2})\\b.*$");
    Pattern STAMPED = Pattern.compile("^(ACTIVE|HB|SNAP-END)\\s+(\\d{12,14})(?:\\s+(\\S+))?\\s*$");

    static HostLine parse(String raw) {
        String line = raw.strip();
        Matcher m = STAMPED.matcher(line);
        if (m.matches()) {
            Instant at = Instant.ofEpochMilli(Long.parseLong(m.group(2)));
            return switch (m.group(1)) {
                case "ACTIVE" -> new Active(at, "active".equals(m.group(3)) || "reloading".equals(m.group(3)),
                        m.group(3) == null ? "" : m.group(3));
                case "HB" -> new Heartbeat(at);
                default -> new SnapshotEnd(at);
            };
        }
        if (line.equals("SNAP-BEGIN")) {
            return new SnapshotBegin();
        }
        m = NOTIFY.matcher(line);
        if (m.matches()) {
            Optional<VrrpState> state = VrrpState.parse(m.group(4));
            if (state.isPresent()) {
                return new Notify(Instant.ofEpochMilli(Long.parseLong(m.group(1))), m.group(2), m.group(3),
                        state.get(), Integer.parseInt(m.group(5)));
            }
            return new Other(line);
        }
        m = JOURNAL.matcher(line);
        if (m.matches()) {
            String fraction = (m.group(2) + "000000000").substring(0, 9);
            Instant at = Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(fraction));
            String message = m.group(4);
            Matcher entering = ENTERING.matcher(message);
            if (!entering.find()) {
                entering = LEGACY_ENTERING.matcher(message);
                if (!entering.find()) {
                    entering = null;
                }
            }
            if (entering != null) {
                return new JournalState(at, entering.group(1), VrrpState.parse(entering.group(2)).orElseThrow());
            }
            if (SERVICE_STOPPED.matcher(message).find()) {
                return new JournalStopped(at, message);
            }
            return new Journal(at, message);
        }
        m = ADDRESS.matcher(line);
        if (m.matches()) {
            Instant at = m.group(1) == null ? null : LocalDateTime.parse(m.group(1)).toInstant(ZoneOffset.UTC);
            return new Address(at, m.group(2) != null, m.group(3), m.group(4), Integer.parseInt(m.group(5)));
        }
        return new Other(line);
    }
}
