package dev.halab.gui.wizard;

import dev.halab.core.failover.FailoverTiming;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * The failover time a VRRP configuration gives, from the core's {@link FailoverTiming}: a backup
 * declares the master dead after the master-down interval (3 x advert_int + skew); a graceful
 * stop sends priority 0, so the backup takes over after about the skew alone.
 *
 * @param silentDeath  seconds until the backup takes over when the master dies without a word
 * @param gracefulStop seconds until it takes over when the master's keepalived stops cleanly
 */
public record FailoverEstimate(BigDecimal silentDeath, BigDecimal gracefulStop) {

    public static FailoverEstimate of(int version, BigDecimal advertInterval, int backupPriority) {
        return new FailoverEstimate(seconds(FailoverTiming.masterDownInterval(version, advertInterval, backupPriority)),
                seconds(FailoverTiming.skewTime(version, advertInterval, backupPriority)));
    }

    private static BigDecimal seconds(Duration d) {
        BigDecimal s = BigDecimal.valueOf(d.toNanos()).movePointLeft(9);
        return s.setScale(s.compareTo(BigDecimal.ONE) < 0 ? 3 : 2, RoundingMode.HALF_UP);
    }
}
