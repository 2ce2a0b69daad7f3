package dev.halab.core.failover;

import java.util.Locale;
import java.util.Optional;

/** The tutorial's experiments, automated: each needs a profile of the matching kind. */
public enum ScenarioKind {
    /** Tutorial Steps 1-3: master serves; master dies, backup serves; master returns and takes the VIP back. */
    PREEMPT,
    /** Tutorial non-preemptive Steps 1-4: the restored master does not take the VIP back until the backup dies. */
    NOPREEMPT,
    /** nginx alone dies on the master: the check script lowers its priority and the VIP moves. */
    NGINX,
    /** Two VIPs, each on its own master; one node dies, both VIPs on the survivor; it returns, each VIP home. */
    DUAL_MASTER;

    public static Optional<ScenarioKind> parse(String word) {
        try {
            return Optional.of(valueOf(word.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
