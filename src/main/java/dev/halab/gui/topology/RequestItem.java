package dev.halab.gui.topology;

import java.time.Instant;

/**
 * One request through the VIP as the stream shows it: "NGINX-1 / 192.168.224.103", coloured by
 * which front end ({@code nginxIndex}) and which back end ({@code tomcatIndex}) served it; -1 = none.
 */
public record RequestItem(Instant at, boolean ok, String nginx, String tomcat, long latencyMillis, String error,
                          int nginxIndex, int tomcatIndex) {
    public String label() {
        return ok ? nginx + " / " + tomcat : "✗ " + (error == null ? "" : error);
    }
}
