package dev.halab.core.failover;

import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpSettings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * VRRP timing from RFC 3768 (v2) / RFC 5798 (v3), as keepalived implements it. Pure functions.
 *
 * <ul>
 *   <li>skew time = (256 - priority) / 256 s in VRRPv2; (256 - priority) / 256 x advert_int in VRRPv3</li>
 *   <li>master-down interval = 3 x advert_int + skew time</li>
 * </ul>
 * The priority is the backup's: it is the backup that waits. A gracefully stopped master sends
 * priority 0, after which the backup waits only the skew time; a silently dead master is noticed
 * only after the full master-down interval.
 */
public final class FailoverTiming {
    private FailoverTiming() {
    }

    /** keepalived rounds VRRPv2 intervals to whole seconds (at least 1). */
    public static BigDecimal effectiveAdvert(int version, BigDecimal advertInterval) {
        if (version == 2) {
            BigDecimal rounded = advertInterval.setScale(0, RoundingMode.HALF_UP);
            return rounded.compareTo(BigDecimal.ONE) < 0 ? BigDecimal.ONE : rounded;
        }
        return advertInterval;
    }

    public static Duration skewTime(int version, BigDecimal advertInterval, int priority) {
        checkPriority(priority);
        double fraction = (256 - priority) / 256.0;
        double seconds = version == 2 ? fraction : fraction * effectiveAdvert(version, advertInterval).doubleValue();
        return seconds(seconds);
    }

    public static Duration masterDownInterval(int version, BigDecimal advertInterval, int priority) {
        double advert = effectiveAdvert(version, advertInterval).doubleValue();
        return seconds(3 * advert).plus(skewTime(version, advertInterval, priority));
    }

    /**
     * The theoretical outage floor of a failover by the given method, for the backup's priority:
     * stop = skew time; kill, power, net = master-down interval; nginx = no floor of its own (the
     * check script notices within its interval, then the next advert carries the lower priority),
     * so its floor is one advert interval.
     */
    public static Duration floor(ChaosAction method, VrrpSettings vrrp) {
        int version = vrrp.version();
        BigDecimal advert = vrrp.advertInterval();
        int priority = vrrp.backupPriority();
        return switch (method) {
            case STOP -> skewTime(version, advert, priority);
            case KILL, POWER, NET -> masterDownInterval(version, advert, priority);
            case NGINX -> seconds(effectiveAdvert(version, advert).doubleValue());
        };
    }

    /** The latest a failover by this method should complete, used as the wait limit of scenarios. */
    public static Duration ceiling(ChaosAction method, VrrpSettings vrrp) {
        Duration masterDown = masterDownInterval(vrrp.version(), vrrp.advertInterval(), vrrp.backupPriority());
        Duration slack = Duration.ofSeconds(3);
        if (method == ChaosAction.NGINX) {
            int checkInterval = vrrp.checkScript() == null ? 2 : vrrp.checkScript().interval();
            // check runs every interval; with fall/rise defaults one failure counts, then one advert
            return masterDown.plusSeconds(2L * checkInterval).plus(slack);
        }
        return masterDown.plus(slack);
    }

    public static Duration floor(ChaosAction method, Topology topology) {
        return floor(method, topology.vrrp());
    }

    private static void checkPriority(int priority) {
        if (priority < 1 || priority > 255) {
            throw new IllegalArgumentException("VRRP priority must be 1-255, got " + priority);
        }
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000L));
    }
}
