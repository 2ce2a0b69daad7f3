package dev.halab.core.failover;

import java.util.Locale;
import java.util.Optional;

/** The ways a front end can be made to fail; each is undone by {@link ChaosRunner#restore}. */
public enum ChaosAction {
    /** {@code systemctl stop keepalived}: keepalived leaves with a priority-0 advert (fast failover). */
    STOP,
    /** SIGKILL to every keepalived process and the VIP removed: a silent death (full master-down time). */
    KILL,
    /** {@code systemctl stop nginx} only: the check script must lower the priority and move the VIP. */
    NGINX,
    /** Link down for N seconds, brought back up by a timer on the host itself. */
    NET,
    /** Power off (local lab only). */
    POWER;

    public static Optional<ChaosAction> parse(String word) {
        try {
            return Optional.of(valueOf(word.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
