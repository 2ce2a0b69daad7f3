package dev.halab.core.failover;

import dev.halab.core.failover.MonitorEvent.ProbeResult;
import dev.halab.core.i18n.Bundles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed request in the stream is named for what it means, in both languages, not as a Java exception. */
class ProbeFailuresTest {
    private static final String VIP = "192.168.224.150";

    private static ProbeResult failed(int status, IOException e) {
        Instant t = Instant.parse("2026-11-30T12:00:00Z");
        return new ProbeResult(t, t, VIP, Duration.ofMillis(300), status, null, null, e == null ? null : HttpCheck.describe(e));
    }

    @Test
    void eachKindOfFailureIsNamed() {
        assertThat(failed(0, new SocketTimeoutException("Connect timed out")).failure().render(Locale.ENGLISH))
                .isEqualTo("no connection to 192.168.224.150 in time (nobody holds the VIP yet)");
        assertThat(failed(0, new SocketTimeoutException("Read timed out")).failure().render(Locale.ENGLISH))
                .isEqualTo("192.168.224.150 accepted but did not answer in time");
        assertThat(failed(0, new ConnectException("Connection refused")).failure().render(Locale.ENGLISH))
                .startsWith("192.168.224.150 refused the connection");
        assertThat(failed(0, new NoRouteToHostException("No route to host")).failure().render(Locale.ENGLISH))
                .isEqualTo("no route to 192.168.224.150");
        assertThat(failed(502, null).failure().render(Locale.ENGLISH)).isEqualTo("192.168.224.150 answered HTTP 502");
        assertThat(failed(0, new IOException("not an HTTP answer: SSH-2.0")).failure().render(Locale.ENGLISH))
                .isEqualTo("request to 192.168.224.150 failed: IOException: not an HTTP answer: SSH-2.0");
    }

    @Test
    void theTextStaysDataAndRendersInChinese() {
        var failure = failed(0, new ConnectException("Connection refused")).failure();
        assertThat(failure.key()).isEqualTo("probe.failed.refused");
        assertThat(failure.render(Bundles.CHINESE)).isEqualTo("192.168.224.150 拒绝了连接（该处没有 nginx 在监听）");
    }

    @Test
    void aSuccessfulRequestHasNoFailure() {
        Instant t = Instant.now();
        assertThat(new ProbeResult(t, t, VIP, Duration.ofMillis(3), 200, "NGINX-1", "x", null).failure()).isNull();
    }
}
