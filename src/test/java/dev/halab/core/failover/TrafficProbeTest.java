package dev.halab.core.failover;

import com.sun.net.httpserver.HttpServer;
import dev.halab.core.failover.MonitorEvent.ProbeResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe against a real HTTP server on 127.0.0.1 that answers like the lab's nginx. */
class TrafficProbeTest {
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Runs before each answer; may block to keep a request in flight. */
    private interface BeforeAnswer {
        void run() throws InterruptedException;
    }

    private int startServer(String servedBy) throws Exception {
        return startServer(servedBy, () -> { });
    }

    private int startServer(String servedBy, BeforeAnswer beforeAnswer) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try {
                beforeAnswer.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().add("X-Served-By", servedBy);
            exchange.getResponseHeaders().add("X-Upstream", "192.168.224.103:8080");
            byte[] body = "hello".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    @Test
    void recordsWhichNginxAndWhichTomcatServed() throws Exception {
        int port = startServer("NGINX-1");
        ProbeResult result = TrafficProbe.probeOnce("127.0.0.1", port, TrafficProbe.Settings.defaults());
        assertThat(result.ok()).isTrue();
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.servedBy()).isEqualTo("NGINX-1");
        assertThat(result.upstream()).isEqualTo("192.168.224.103:8080");
        assertThat(result.receivedAt()).isAfterOrEqualTo(result.sentAt());
        assertThat(result.error()).isNull();
    }

    @Test
    void aRefusedConnectionIsAResultNotAnException() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        ProbeResult result = TrafficProbe.probeOnce("127.0.0.1", freePort, TrafficProbe.Settings.defaults());
        assertThat(result.ok()).isFalse();
        assertThat(result.status()).isZero();
        assertThat(result.error()).contains("Connect");
    }

    @Test
    void aSilentServerTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            var settings = new TrafficProbe.Settings(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(200), 4,
                    Duration.ofMinutes(1));
            ProbeResult result = TrafficProbe.probeOnce("127.0.0.1", silent.getLocalPort(), settings);
            assertThat(result.ok()).isFalse();
            assertThat(result.error()).contains("SocketTimeout");
        }
    }

    @Test
    void probesUntilClosedAndDropsTheAnswersOfRequestsStillInFlight() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger received = new AtomicInteger();
        startServer("NGINX-2", () -> {
            if (received.incrementAndGet() > 5) { // the first five are answered, later ones wait in flight
                held.countDown();
                release.await();
            }
        });
        List<MonitorEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch fiveAnswers = new CountDownLatch(5);
        var settings = TrafficProbe.Settings.defaults().withInterval(Duration.ofMillis(20));
        TrafficProbe probe = new TrafficProbe(List.of("127.0.0.1"), server.getAddress().getPort(), settings, e -> {
            events.add(e);
            fiveAnswers.countDown();
        });
        probe.start();
        assertThat(fiveAnswers.await(20, TimeUnit.SECONDS)).as("five answers").isTrue();
        assertThat(held.await(20, TimeUnit.SECONDS)).as("a sixth request in flight").isTrue();
        probe.close();
        release.countDown();
        assertThat(probe.awaitStopped(Duration.ofSeconds(20))).as("every request thread ended").isTrue();
        assertThat(probe.isRunning()).isFalse();
        assertThat(events).hasSize(5).allSatisfy(e -> assertThat(((ProbeResult) e).servedBy()).isEqualTo("NGINX-2"));
    }

    @Test
    void stopsByItselfAfterItsMaximumRunTime() throws Exception {
        int port = startServer("NGINX-1");
        List<MonitorEvent> events = new CopyOnWriteArrayList<>();
        // Long enough for a first answer even on a loaded machine; the test waits for the stop, it does not time it.
        var settings = TrafficProbe.Settings.defaults().withInterval(Duration.ofMillis(20)).withMaxRunTime(Duration.ofSeconds(3));
        TrafficProbe probe = new TrafficProbe(List.of("127.0.0.1"), port, settings, events::add);
        probe.start();
        assertThat(probe.awaitStopped(Duration.ofSeconds(60))).as("the probe closed itself after its maximum run time").isTrue();
        assertThat(probe.isRunning()).isFalse();
        assertThat(events).isNotEmpty();
    }

    @Test
    void outageIsMeasuredToTheFirstAnswerFromTheNewHolder() {
        Instant fault = Instant.parse("2026-11-25T12:00:00Z");
        List<ProbeResult> probes = List.of(
                ok(fault.minusMillis(100), "NGINX-1"),
                failed(fault.minusMillis(50)),          // sent before the fault: not lost to the failover
                ok(fault.plusMillis(150), "NGINX-1"),   // still answered by the old node (graceful stop in progress)
                failed(fault.plusMillis(250)),
                failed(fault.plusMillis(2900)),         // sent before the first success, fails after it: lost too
                ok(fault.plusMillis(3100), "NGINX-2"),
                ok(fault.plusMillis(3200), "NGINX-2"));
        Outage outage = Outage.measure(ChaosAction.KILL, fault, "NGINX-1", probes, Duration.ofMillis(3062), Duration.ofMillis(5));
        // by send time: the first request NGINX-2 answered was sent 3.100 s after the fault
        assertThat(outage.measured()).isEqualTo(Duration.ofMillis(3100));
        assertThat(outage.failedRequests()).isEqualTo(2);
        assertThat(outage.newServer()).isEqualTo("NGINX-2");
        assertThat(outage.withinGoal()).isTrue();
        Outage none = Outage.measure(ChaosAction.KILL, fault, "NGINX-1", probes.subList(0, 5), Duration.ofMillis(3062), null);
        assertThat(none.measured()).isNull();
        assertThat(none.withinGoal()).isFalse();
        Outage slow = Outage.measure(ChaosAction.STOP, fault, "NGINX-1", probes, Duration.ofMillis(62), null);
        assertThat(slow.withinGoal()).isFalse();
    }

    /** A request sent at {@code sent}, answered 3 ms later. */
    private static ProbeResult ok(Instant sent, String servedBy) {
        return new ProbeResult(sent, sent.plusMillis(3), "192.168.224.150", Duration.ofMillis(3), 200, servedBy, "x", null);
    }

    /** A request sent at {@code sent} that timed out 300 ms later. */
    private static ProbeResult failed(Instant sent) {
        return new ProbeResult(sent, sent.plusMillis(300), "192.168.224.150", Duration.ofMillis(300), 0, null, null, "timeout");
    }
}
