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

    /** Consecutive failures keepalived needs before a check script counts as failed. */
    public static final int CHECK_FALL = dev.halab.core.template.HostFiles.CHECK_FALL;

    /**
     * The theoretical outage of a failover by the given method, for the backup's priority:
     * <ul>
     *   <li>stop: the skew time (the backup waits only that after the priority-0 advert);</li>
     *   <li>kill, power, net: the master-down interval. The backup's timer runs from the last advert
     *       it received, which left up to one advert interval before the fault, so single
     *       measurements fall between master-down - advert and master-down;</li>
     *   <li>nginx: (fall - 1) x check interval + master-down. The check must fail {@code fall} times;
     *       then the master advertises a priority below the backup's, which a preempting backup
     *       discards (RFC 3768 6.4.2) instead of resetting its timer, so it takes over when its
     *       master-down timer expires.</li>
     * </ul>
     */
    public static Duration floor(ChaosAction method, VrrpSettings vrrp) {
        int version = vrrp.version();
        BigDecimal advert = vrrp.advertInterval();
        int priority = vrrp.backupPriority();
        Duration masterDown = masterDownInterval(version, advert, priority);
        return switch (method) {
            case STOP -> skewTime(version, advert, priority);
            case KILL, POWER, NET -> masterDown;
            case NGINX -> masterDown.plusSeconds((long) (CHECK_FALL - 1) * checkInterval(vrrp));
        };
    }

    /** The latest a failover by this method should complete, used as the wait limit of scenarios. */
    public static Duration ceiling(ChaosAction method, VrrpSettings vrrp) {
        Duration masterDown = masterDownInterval(vrrp.version(), vrrp.advertInterval(), vrrp.backupPriority());
        Duration slack = Duration.ofSeconds(3);
        if (method == ChaosAction.NGINX) {
            return masterDown.plusSeconds((long) CHECK_FALL * checkInterval(vrrp)).plus(slack);
        }
        return masterDown.plus(slack);
    }

    private static int checkInterval(VrrpSettings vrrp) {
        return vrrp.checkScript() == null ? 2 : vrrp.checkScript().interval();
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
