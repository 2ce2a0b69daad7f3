package dev.halab.core.failover;

import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads keepalived's own journal messages and names the ones a student must act on. The patterns
 * follow keepalived's sources (2.1 to 2.3: {@code vrrp.c}, {@code vrrp_scheduler.c},
 * {@code lib/notify.c}, {@code lib/parser.c}, {@code keepalived_netlink.c}); the message is matched
 * without the journal's prefix, e.g. {@code (VI_1) received an invalid passwd!}. Pure.
 */
public final class KeepalivedComplaints {
    private static final String BUNDLE = "failover";

    /** A message recognised: what kind, about which instance (or "-"), and its details for the text. */
    public record Complaint(AlertKind kind, String instance, List<Object> details) {
        public Complaint {
            details = List.copyOf(details);
        }
    }

    // vrrp.c: "(VI_1) received an invalid passwd!" (2.2) / "... passwd from 192.168.224.102!" (2.3),
    // "(VI_1) received a 1 auth, expecting 0!", "(VI_1) Invalid auth type: 3"
    private static final Pattern AUTH = Pattern.compile(
            "^\\((\\S+?)\\) (?:received an invalid passwd(?: from (\\S+?))?!|received a \\d+ auth(?: from (\\S+?))?, expecting \\d+!"
                    + "|Invalid auth type(?: from (\\S+?))?:)");
    // vrrp.c: "(VI_1) received an unexpected ip number count 2, expected 1!", "(VI_1) expected 1 VIPs but received 2",
    // "(VI_1) ip address associated with VRID 51 not present in MASTER advert: 192.168.224.150"
    private static final Pattern VIP_SET = Pattern.compile(
            "^\\((\\S+?)\\) (?:received an unexpected ip number count|expected \\d+ VIPs but received"
                    + "|ip address associated with VRID \\d+ not present in MASTER advert)");
    // vrrp_scheduler.c (with log_unknown_vrids): "Unknown VRID(52) received on interface(eth0). ignoring..."
    private static final Pattern VRID = Pattern.compile("^Unknown VRID\\((\\d+)\\) received on interface\\((\\S+?)\\)(?: from (\\S+))?\\. ignoring");
    // lib/notify.c, core/main.c
    private static final Pattern SCRIPT = Pattern.compile(
            "^(?:Unsafe permissions found for script '([^']+)'|WARNING - script '([^']+)' is not executable"
                    + "|Cannot find script (\\S+) in path|Permissions failure for script (\\S+) in path"
                    + "|check_script_secure could not find script '([^']+)'|SECURITY VIOLATION - .*scripts are being executed)");
    // keepalived_netlink.c: "Netlink reports eth0 down"; vrrp_if.c: "(VI_1) interface eth0 is down";
    // vrrp_parser.c: "WARNING - interface eth9 for vrrp_instance VI_1 doesn't exist"
    private static final Pattern INTERFACE = Pattern.compile(
            "^(?:Netlink reports (\\S+) down|\\((\\S+?)\\) interface (\\S+) is down"
                    + "|(?:\\([^)]*Line \\d+\\) )?WARNING - interface (\\S+) for vrrp_instance (\\S+) doesn't exist)");
    // vrrp.c: "(VI_1) Master received advert from 192.168.224.9 with higher priority 254, ours 250",
    // "(VI_1) CONFIGURATION ERROR: local instance and a remote instance are both configured as address owner..."
    private static final Pattern HIGHER = Pattern.compile(
            "^\\((\\S+?)\\) Master received advert from (\\S+) with higher priority (\\d+), ours (\\d+)");
    private static final Pattern OWNER_CLASH = Pattern.compile("^\\((\\S+?)\\) CONFIGURATION ERROR: local instance and a remote instance");
    // lib/parser.c: "(Line 12) Unknown keyword 'virtual_ipadress'", "(/etc/keepalived/x.conf: Line 3) ..."
    private static final Pattern CONFIG = Pattern.compile("^\\((?:([^()]+?): )?Line (\\d+)\\) (.+)$");
    private static final Pattern CONFIG_OTHER = Pattern.compile(
            "^(?:Unknown keyword '([^']+)'|Configuration file '?(\\S+?)'? is not a regular non-executable file|Failed to open config file)");

    private KeepalivedComplaints() {
    }

    /** Recognises one keepalived journal message (without the journal prefix); empty for anything else. */
    public static Optional<Complaint> interpret(String message, Topology topology) {
        Matcher m = AUTH.matcher(message);
        if (m.find()) {
            return complaint(AlertKind.AUTH_MISMATCH, m.group(1), peer(firstNonNull(m.group(2), m.group(3), m.group(4))));
        }
        m = VIP_SET.matcher(message);
        if (m.find()) {
            return complaint(AlertKind.VIP_SET_MISMATCH, m.group(1), message);
        }
        m = VRID.matcher(message);
        if (m.find()) {
            return complaint(AlertKind.VRID_MISMATCH, "-", m.group(1), m.group(2), peer(m.group(3)));
        }
        m = SCRIPT.matcher(message);
        if (m.find()) {
            String script = firstNonNull(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), "-");
            return complaint(AlertKind.CHECK_SCRIPT_UNSAFE, "-", script, message);
        }
        m = INTERFACE.matcher(message);
        if (m.find()) {
            String iface = firstNonNull(m.group(1), m.group(3), m.group(4), "?");
            return complaint(AlertKind.INTERFACE_FAULT, "-", iface);
        }
        m = HIGHER.matcher(message);
        if (m.find()) {
            int theirs = Integer.parseInt(m.group(3));
            boolean ours = topology.frontEnds().stream().map(Host::address).anyMatch(m.group(2)::equals);
            // Our own backup outranking the master is a normal takeover; a stranger, or a priority above
            // the configured owner's, is not.
            if (!ours || theirs > topology.vrrp().masterPriority()) {
                return complaint(AlertKind.HIGHER_PRIORITY_ADVERT, m.group(1), m.group(2), theirs, topology.vrrp().masterPriority());
            }
            return Optional.empty();
        }
        m = OWNER_CLASH.matcher(message);
        if (m.find()) {
            return complaint(AlertKind.HIGHER_PRIORITY_ADVERT, m.group(1), peer(null), 255, topology.vrrp().masterPriority());
        }
        m = CONFIG.matcher(message);
        if (m.find()) {
            return complaint(AlertKind.CONFIG_ERROR, "-", firstNonNull(m.group(1), "keepalived.conf"), m.group(2), m.group(3));
        }
        m = CONFIG_OTHER.matcher(message);
        if (m.find()) {
            return complaint(AlertKind.CONFIG_ERROR, "-", "keepalived.conf", "-", message);
        }
        return Optional.empty();
    }

    /** Whether a message says keepalived (re)started or reloaded: what it complained about at start may be gone. */
    public static boolean isRestart(String message) {
        return message.startsWith("Starting Keepalived") || message.startsWith("Starting VRRP child process")
                || message.startsWith("Reloading") || message.contains("Reloading Keepalived");
    }

    /** The named alert a complaint on a host becomes, in the bundle "failover". */
    public static Alert alertOf(String host, Complaint c) {
        Object[] args = new Object[c.details().size() + 2];
        args[0] = host;
        args[1] = c.instance();
        for (int i = 0; i < c.details().size(); i++) {
            args[i + 2] = c.details().get(i);
        }
        String subject = host + (c.instance().equals("-") ? "" : "/" + c.instance());
        return new Alert(c.kind(), subject, LocalizedText.of(BUNDLE, c.kind().key() + ".title", args),
                LocalizedText.of(BUNDLE, c.kind().key() + ".hint", args), List.of(host));
    }

    private static Optional<Complaint> complaint(AlertKind kind, String instance, Object... details) {
        return Optional.of(new Complaint(kind, instance, List.of(details)));
    }

    /** The sender's address, or "another node" when keepalived's message does not name it (2.2 and older). */
    private static Object peer(String address) {
        return address != null ? address : LocalizedText.of(BUNDLE, "alert.peerUnnamed");
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
