package dev.halab.core.failover;

import dev.halab.core.i18n.LocalizedText;

import java.util.Locale;

/**
 * A failed request through a VIP in words a student understands, as data: the probe records the
 * exception as {@link HttpCheck#describe} wrote it ("SocketTimeoutException: Read timed out"),
 * and this names what it means (no answer in time, refused, no route, an HTTP error status) in the
 * language the front end shows. What it does not recognise is shown with the raw description.
 */
public final class ProbeFailures {
    private static final String BUNDLE = "failover";

    private ProbeFailures() {
    }

    public static LocalizedText explain(String vip, int status, String error) {
        if (error == null) {
            return LocalizedText.of(BUNDLE, "probe.failed.status", vip, status);
        }
        String lower = error.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sockettimeout") || lower.contains("timed out")) {
            return LocalizedText.of(BUNDLE, lower.contains("connect") ? "probe.failed.connectTimeout" : "probe.failed.readTimeout", vip);
        }
        if (lower.contains("refused")) {
            return LocalizedText.of(BUNDLE, "probe.failed.refused", vip);
        }
        if (lower.startsWith("noroutetohost") || lower.contains("unreachable")) {
            return LocalizedText.of(BUNDLE, "probe.failed.noRoute", vip);
        }
        if (lower.contains("closed without an answer") || lower.contains("connection reset")) {
            return LocalizedText.of(BUNDLE, "probe.failed.closed", vip);
        }
        return LocalizedText.of(BUNDLE, "probe.failed.other", vip, error);
    }
}
