package dev.halab.gui.wizard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The failover time a VRRP configuration gives (RFC 3768 / 5798): a backup declares the master
 * dead after the master-down interval, 3 x advert_int + skew, where skew = (256 - priority) / 256 s
 * in VRRPv2 and that times advert_int in VRRPv3. A graceful stop sends priority 0, so the backup
 * takes over after about the skew alone. keepalived rounds a VRRPv2 interval to whole seconds (min 1).
 *
 * @param silentDeath  seconds until the backup takes over when the master dies without a word
 * @param gracefulStop seconds until it takes over when the master's keepalived stops cleanly
 */
public record FailoverEstimate(BigDecimal silentDeath, BigDecimal gracefulStop) {

    public static FailoverEstimate of(int version, BigDecimal advertInterval, int backupPriority) {
        BigDecimal advert = version == 2
                ? advertInterval.setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ONE)
                : advertInterval;
        BigDecimal skew = BigDecimal.valueOf(256L - backupPriority).divide(BigDecimal.valueOf(256), MathContext.DECIMAL64);
        if (version == 3) {
            skew = skew.multiply(advert);
        }
        BigDecimal down = advert.multiply(BigDecimal.valueOf(3)).add(skew);
        return new FailoverEstimate(round(down), round(skew));
    }

    private static BigDecimal round(BigDecimal seconds) {
        return seconds.setScale(seconds.compareTo(BigDecimal.ONE) < 0 ? 3 : 2, RoundingMode.HALF_UP);
    }
}
