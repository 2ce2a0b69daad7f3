package dev.halab.core.failover;

import dev.halab.core.failover.MonitorEvent.ProbeResult;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends {@code GET http://VIP:port/} to every VIP at a fixed interval from the controller and
 * reports each answer or error as a {@link ProbeResult}: time, latency, {@code X-Served-By} (which
 * nginx), {@code X-Upstream} (which tomcat). Requests overlap when one waits for a timeout, so the
 * interval stays the resolution of outage measurements; at most {@code maxInFlight} per VIP, a tick
 * that finds them all busy is skipped. Stops by itself after {@code maxRunTime} and on
 * {@link #close()}.
 */
public final class TrafficProbe implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(300);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMillis(1000);

    /** Probe settings; {@code maxRunTime} bounds the probe even if nobody closes it. */
    public record Settings(Duration interval, Duration connectTimeout, Duration readTimeout, int maxInFlight,
                           Duration maxRunTime) {
        public Settings {
            if (interval.toMillis() < 5) {
                throw new IllegalArgumentException("probe interval must be at least 5 ms, got " + interval.toMillis() + " ms");
            }
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1");
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_INTERVAL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, 16, Duration.ofHours(8));
        }

        public Settings withInterval(Duration newInterval) {
            return new Settings(newInterval, connectTimeout, readTimeout, maxInFlight, maxRunTime);
        }

        public Settings withMaxRunTime(Duration newMax) {
            return new Settings(interval, connectTimeout, readTimeout, maxInFlight, newMax);
        }
    }

    private final List<String> vips;
    private final int port;
    private final Settings settings;
    private final MonitorListener listener;
    private final ScheduledExecutorService ticker;
    private final ExecutorService requests;
    private final Semaphore[] slots;
    private volatile boolean closed;

    public TrafficProbe(List<String> vips, int port, Settings settings, MonitorListener listener) {
        this.vips = List.copyOf(vips);
        this.port = port;
        this.settings = settings;
        this.listener = listener;
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("halab-probe-tick"));
        this.requests = Executors.newCachedThreadPool(daemon("halab-probe"));
        this.slots = new Semaphore[this.vips.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Semaphore(settings.maxInFlight());
        }
    }

    public void start() {
        ticker.scheduleAtFixedRate(this::tick, 0, settings.interval().toNanos(), TimeUnit.NANOSECONDS);
        ticker.schedule(this::close, settings.maxRunTime().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        if (closed) {
            return;
        }
        for (int i = 0; i < vips.size(); i++) {
            Semaphore slot = slots[i];
            String vip = vips.get(i);
            if (slot.tryAcquire()) {
                try {
                    requests.execute(() -> {
                        try {
                            ProbeResult result = probeOnce(vip, port, settings);
                            if (!closed) {
                                listener.onEvent(result);
                            }
                        } finally {
                            slot.release();
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    slot.release();
                }
            }
        }
    }

    /** One request; never throws: failures are results. */
    public static ProbeResult probeOnce(String vip, int port, Settings settings) {
        Instant sent = Instant.now();
        long start = System.nanoTime();
        try {
            HttpCheck.Answer answer = HttpCheck.get(vip, port, "/", settings.connectTimeout(), settings.readTimeout());
            return new ProbeResult(sent, Instant.now(), vip, answer.latency(), answer.status(),
                    answer.header("X-Served-By"), answer.header("X-Upstream"), null);
        } catch (IOException e) {
            return new ProbeResult(sent, Instant.now(), vip, Duration.ofNanos(System.nanoTime() - start), 0,
                    null, null, HttpCheck.describe(e));
        }
    }

    /** False once closed, by the caller or by the probe itself at {@code maxRunTime}. */
    public boolean isRunning() {
        return !closed;
    }

    @Override
    public void close() {
        closed = true;
        ticker.shutdownNow();
        requests.shutdownNow();
    }

    /**
     * Waits until the probe is closed and no request of it is still in flight (a request already
     * sent when it closed finishes, but its result is dropped). True when stopped within the limit.
     */
    public boolean awaitStopped(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        return ticker.awaitTermination(limit.toNanos(), TimeUnit.NANOSECONDS)
                && requests.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
