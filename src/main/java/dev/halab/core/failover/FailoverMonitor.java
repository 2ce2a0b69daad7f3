package dev.halab.core.failover;

import dev.halab.core.failover.MonitorEvent.NodeReachability;
import dev.halab.core.failover.MonitorEvent.ProbeResult;
import dev.halab.core.failover.MonitorEvent.ServiceHealth;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.remote.OutputListener;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.remote.RemoteShell;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The live monitor. For each front end one long-lived SSH channel streams VRRP state changes and
 * VIP address events ({@link WatchScript}); a {@link TrafficProbe} requests every VIP from the
 * controller; a {@link HealthChecker} watches nginx and tomcat. Everything becomes
 * {@link MonitorEvent}s for the listeners, feeds a {@link ClusterState}, and is checked against the
 * {@link Invariants}, whose alerts are events too.
 *
 * <pre>{@code
 * try (FailoverMonitor monitor = new FailoverMonitor(topology, shells, MonitorSettings.defaults())) {
 *     monitor.addListener(event -> System.out.println(event));
 *     monitor.start();
 *     monitor.await(s -> s.holders("192.168.224.150").equals(List.of("nginx2")), Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * A channel that stays silent longer than {@code silenceLimit} (heartbeats stop: host off, link
 * down) is closed and reopened with a fresh snapshot; meanwhile the node is reported unreachable.
 */
public final class FailoverMonitor implements AutoCloseable {
    private static final String BUNDLE = "failover";
    private static final int MAX_PROBES_KEPT = 100_000;
    private static final int MAX_EVENTS_KEPT = 20_000;

    /** Monitor settings; {@code probe == null} turns the traffic probe off. */
    public record MonitorSettings(TrafficProbe.Settings probe, Duration healthInterval, Duration silenceLimit,
                                  Duration reconnectDelay, String notifyLog) {
        public static MonitorSettings defaults() {
            return new MonitorSettings(TrafficProbe.Settings.defaults(), Duration.ofSeconds(1), Duration.ofMillis(3500),
                    Duration.ofSeconds(1), WatchScript.NOTIFY_LOG);
        }

        public MonitorSettings withProbe(TrafficProbe.Settings newProbe) {
            return new MonitorSettings(newProbe, healthInterval, silenceLimit, reconnectDelay, notifyLog);
        }
    }

    private final Topology topology;
    private final ShellFactory shells;
    private final MonitorSettings settings;
    private final List<MonitorListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final ClusterState state;
    private final Invariants invariants;
    private final Deque<ProbeResult> probes = new ArrayDeque<>();
    private final Deque<MonitorEvent> history = new ArrayDeque<>();
    private final List<Watch> watches = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(TrafficProbe.daemon("halab-monitor-tick"));
    private TrafficProbe probe;
    private HealthChecker health;
    private volatile boolean closed;

    public FailoverMonitor(Topology topology, ShellFactory shells, MonitorSettings settings) {
        this.topology = topology;
        this.shells = shells;
        this.settings = settings;
        this.state = ClusterState.of(topology);
        this.invariants = new Invariants(AlertPolicy.of(topology));
    }

    public void addListener(MonitorListener listener) {
        listeners.add(listener);
    }

    public void removeListener(MonitorListener listener) {
        listeners.remove(listener);
    }

    public Topology topology() {
        return topology;
    }

    /** Opens the channels and starts probe and health checks; returns at once. */
    public void start() {
        for (Host host : topology.frontEnds()) {
            Watch watch = new Watch(host);
            watches.add(watch);
            Thread thread = new Thread(watch::loop, "halab-watch-" + host.name());
            thread.setDaemon(true);
            thread.start();
        }
        if (settings.probe() != null) {
            probe = new TrafficProbe(topology.instances().stream().map(VrrpInstance::vip).toList(),
                    topology.nginx().port(), settings.probe(), this::publishProbe);
            probe.start();
        }
        health = new HealthChecker(topology, settings.healthInterval(), this::publishHealth);
        health.start();
        ticker.scheduleAtFixedRate(this::tick, 250, 250, TimeUnit.MILLISECONDS);
    }

    // ------------------------------------------------------------------ reading

    /** A copy of what is known now. */
    public ClusterState state() {
        synchronized (lock) {
            return state.copy();
        }
    }

    public List<Alert> activeAlerts() {
        synchronized (lock) {
            return invariants.activeAlerts();
        }
    }

    /**
     * Waits until the known state satisfies the condition (checked after every event), or the
     * timeout passes. Returns the state that satisfied it.
     */
    public Optional<ClusterState> await(Predicate<ClusterState> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                if (condition.test(state)) {
                    return Optional.of(state.copy());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return Optional.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    /** Probe results received since the given controller time, oldest first. */
    public List<ProbeResult> probesSince(Instant since) {
        synchronized (lock) {
            return probes.stream().filter(p -> !p.sentAt().isBefore(since)).toList();
        }
    }

    /** Non-probe events received since the given controller time, oldest first. */
    public List<MonitorEvent> eventsSince(Instant since) {
        synchronized (lock) {
            return history.stream().filter(e -> !e.receivedAt().isBefore(since)).toList();
        }
    }

    /** Lets actions (chaos, scenario steps) report through the same listeners and history. */
    public void publish(MonitorEvent event) {
        synchronized (lock) {
            remember(event);
            dispatch(event);
            lock.notifyAll();
        }
    }

    // ------------------------------------------------------------------ feeding

    private void publishProbe(MonitorEvent event) {
        ProbeResult result = (ProbeResult) event;
        synchronized (lock) {
            state.accept(result);
            probes.addLast(result);
            while (probes.size() > MAX_PROBES_KEPT) {
                probes.removeFirst();
            }
            dispatch(result);
            lock.notifyAll();
        }
    }

    private void publishHealth(MonitorEvent event) {
        synchronized (lock) {
            state.accept((ServiceHealth) event);
            remember(event);
            dispatch(event);
            evaluate(Instant.now());
            lock.notifyAll();
        }
    }

    private void hostLine(String host, HostLine line, Instant receivedAt, boolean inSnapshot) {
        synchronized (lock) {
            for (MonitorEvent event : state.accept(host, line, receivedAt, inSnapshot)) {
                remember(event);
                dispatch(event);
            }
            evaluate(receivedAt);
            lock.notifyAll();
        }
    }

    private void snapshotEnded(String host, Instant receivedAt) {
        synchronized (lock) {
            for (MonitorEvent event : state.endSnapshot(host, receivedAt)) {
                remember(event);
                dispatch(event);
            }
            evaluate(receivedAt);
            lock.notifyAll();
        }
    }

    private void reachability(String host, boolean reachable, LocalizedText detail) {
        synchronized (lock) {
            if (reachable) {
                state.markReachable(host);
            } else {
                state.markUnreachable(host);
            }
            MonitorEvent event = new NodeReachability(Instant.now(), host, reachable, detail);
            remember(event);
            dispatch(event);
            evaluate(event.receivedAt());
            lock.notifyAll();
        }
    }

    private void tick() {
        long now = System.nanoTime();
        for (Watch watch : watches) {
            watch.closeIfSilent(now);
        }
        synchronized (lock) {
            evaluate(Instant.now());
            lock.notifyAll();
        }
    }

    private void evaluate(Instant now) {
        for (MonitorEvent alert : invariants.evaluate(state, now)) {
            remember(alert);
            dispatch(alert);
        }
    }

    private void remember(MonitorEvent event) {
        history.addLast(event);
        while (history.size() > MAX_EVENTS_KEPT) {
            history.removeFirst();
        }
    }

    private void dispatch(MonitorEvent event) {
        for (MonitorListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                // A faulty listener must not stop the monitor; the others still get the event.
                org.slf4j.LoggerFactory.getLogger(FailoverMonitor.class).warn("monitor listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        ticker.shutdownNow();
        if (probe != null) {
            probe.close();
        }
        if (health != null) {
            health.close();
        }
        watches.forEach(Watch::close);
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** One front end's stream: connect, read until the channel ends or falls silent, reconnect. */
    private final class Watch {
        private final Host host;
        private volatile RemoteShell current;
        private volatile long lastLineNanos = System.nanoTime();
        private volatile boolean reported;
        private volatile boolean reachable;
        private volatile boolean silenced;

        Watch(Host host) {
            this.host = host;
        }

        void loop() {
            while (!closed) {
                LocalizedText why;
                try (RemoteShell shell = shells.open(host)) {
                    current = shell;
                    silenced = false;
                    lastLineNanos = System.nanoTime();
                    if (closed) {
                        return;
                    }
                    boolean[] inSnapshot = {false};
                    shell.run(WatchScript.command(topology.interfaceOf(host), settings.notifyLog()), Duration.ofDays(366),
                            (stream, text) -> onLine(stream, text, inSnapshot));
                    why = LocalizedText.of(BUNDLE, "monitor.channelEnded");
                } catch (RemoteException e) {
                    why = silenced ? LocalizedText.of(BUNDLE, "monitor.channelSilent", settings.silenceLimit().toMillis())
                            : e.text();
                } catch (RuntimeException e) {
                    why = LocalizedText.of(BUNDLE, "monitor.channelFailed", String.valueOf(e.getMessage()));
                } finally {
                    current = null;
                }
                if (silenced) {
                    why = LocalizedText.of(BUNDLE, "monitor.channelSilent", settings.silenceLimit().toMillis());
                }
                if (closed) {
                    return;
                }
                if (reachable || !reported) {
                    reachable = false;
                    reported = true;
                    reachability(host.name(), false, why);
                }
                try {
                    Thread.sleep(settings.reconnectDelay().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void onLine(OutputListener.Stream stream, String text, boolean[] inSnapshot) {
            lastLineNanos = System.nanoTime();
            if (stream != OutputListener.Stream.STDOUT || closed) {
                return;
            }
            Instant receivedAt = Instant.now();
            HostLine line = HostLine.parse(text);
            if (line instanceof HostLine.SnapshotBegin) {
                inSnapshot[0] = true;
                reachable = true;
                reported = true;
                reachability(host.name(), true, LocalizedText.of(BUNDLE, "monitor.channelOpen"));
                synchronized (lock) {
                    state.beginSnapshot(host.name());
                }
                return;
            }
            if (line instanceof HostLine.SnapshotEnd) {
                inSnapshot[0] = false;
                snapshotEnded(host.name(), receivedAt);
                return;
            }
            hostLine(host.name(), line, receivedAt, inSnapshot[0]);
        }

        void closeIfSilent(long nowNanos) {
            RemoteShell shell = current;
            if (shell != null && nowNanos - lastLineNanos > settings.silenceLimit().toNanos()) {
                silenced = true;
                current = null;
                // Closing from this thread makes the blocked run() in loop() return.
                Thread closer = new Thread(shell::close, "halab-watch-close-" + host.name());
                closer.setDaemon(true);
                closer.start();
            }
        }

        void close() {
            RemoteShell shell = current;
            if (shell != null) {
                shell.close();
            }
        }
    }
}
