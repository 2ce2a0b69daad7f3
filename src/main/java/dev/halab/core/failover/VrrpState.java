package dev.halab.core.failover;

import java.util.Locale;
import java.util.Optional;

/**
 * The state of one VRRP instance on one front end, as keepalived reports it. {@link #STOPPED}
 * means keepalived is not running there; {@link #UNKNOWN} means the monitor cannot see the node
 * (no SSH channel), so nothing may be concluded from it.
 */
public enum VrrpState {
    MASTER, BACKUP, FAULT, STOPPED, UNKNOWN;

    /** Parses keepalived's words: MASTER, BACKUP, FAULT, STOP / STOPPED (case-insensitive). */
    public static Optional<VrrpState> parse(String word) {
        if (word == null) {
            return Optional.empty();
        }
        return switch (word.trim().toUpperCase(Locale.ROOT)) {
            case "MASTER" -> Optional.of(MASTER);
            case "BACKUP" -> Optional.of(BACKUP);
            case "FAULT" -> Optional.of(FAULT);
            case "STOP", "STOPPED", "DELETED" -> Optional.of(STOPPED);
            default -> Optional.empty();
        };
    }
}
