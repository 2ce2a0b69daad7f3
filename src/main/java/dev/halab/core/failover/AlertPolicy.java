package dev.halab.core.failover;

import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpSettings;

import java.time.Duration;

/**
 * How long a broken invariant must last before it is an alert. VRRP passes through short
 * legitimate overlaps (a preempting master and the old one are both MASTER for a few ms; during a
 * failover there is briefly no MASTER), so each invariant has a grace period derived from the
 * configuration's own timing.
 */
public record AlertPolicy(Duration splitBrainGrace, Duration noMasterGrace, Duration vipGrace, Duration nginxGrace) {

    public static AlertPolicy of(Topology topology) {
        VrrpSettings vrrp = topology.vrrp();
        double advert = FailoverTiming.effectiveAdvert(vrrp.version(), vrrp.advertInterval()).doubleValue();
        // A preempting master overlaps the old one for milliseconds; one advert interval (at least
        // 500 ms) separates that from a real split brain, which then shows within master-down + 1 advert.
        Duration oneAdvert = max(Duration.ofMillis(Math.round(1000 * advert)), Duration.ofMillis(500));
        Duration masterDown = FailoverTiming.masterDownInterval(vrrp.version(), vrrp.advertInterval(), vrrp.backupPriority());
        int checkInterval = vrrp.checkScript() == null ? 2 : vrrp.checkScript().interval();
        return new AlertPolicy(oneAdvert, masterDown.plusSeconds(1), oneAdvert,
                masterDown.plusSeconds(2L * checkInterval + 1));
    }

    public Duration graceOf(AlertKind kind) {
        return switch (kind) {
            case SPLIT_BRAIN -> splitBrainGrace;
            case NO_MASTER -> noMasterGrace;
            case VIP_ON_NON_MASTER -> vipGrace;
            case NGINX_DEAD_ON_MASTER -> nginxGrace;
            // Not invariants of the state: raised when seen.
            default -> Duration.ZERO;
        };
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
