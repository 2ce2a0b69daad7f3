package dev.halab.gui.topology;

import dev.halab.core.i18n.LocalizedText;

import java.time.Instant;
import java.util.Locale;

/**
 * One request through the VIP as the stream shows it: "NGINX-1 / 192.168.224.103", coloured by
 * which front end ({@code nginxIndex}) and which back end ({@code tomcatIndex}) served it; -1 = none.
 */
public record RequestItem(Instant at, boolean ok, String nginx, String tomcat, long latencyMillis, LocalizedText error,
                          int nginxIndex, int tomcatIndex) {
    /** "NGINX-1 / 192.168.224.103", or why the request failed in the given language. */
    public String label(Locale locale) {
        return ok ? nginx + " / " + tomcat : "✗ " + (error == null ? "" : error.render(locale));
    }
}
