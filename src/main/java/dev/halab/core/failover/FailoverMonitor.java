package dev.halab.core.failover;

import dev.halab.core.failover.MonitorEvent.NodeReachability;
import dev.halab.core.failover.MonitorEvent.ProbeResult;
import dev.halab.core.failover.MonitorEvent.ServiceHealth;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
    /** Events made under {@link #lock}, in order, handed to listeners after the lock is released. */
    private final Queue<MonitorEvent> outbox = new ConcurrentLinkedQueue<>();
    private final Object dispatchLock = new Object();
    private final ClusterState state;
    private final Invariants invariants;
    private final OutageMeter outages;
    private final ComplaintTracker complaints;
    private final TaskGuard guard;
    private final Deque<ProbeResult> probes = new ArrayDeque<>();
    private final Deque<MonitorEvent> history = new ArrayDeque<>();
    private final List<HostWatch> watches = new ArrayList<>();
    /** Events remembered so far: {@link #mark()} and {@link #awaitEvent} count in these. */
    private long remembered;
    private final Map<String, Boolean> replayInSnapshot = new HashMap<>();
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
        this.outages = new OutageMeter(topology);
        this.complaints = new ComplaintTracker(topology);
        this.guard = new TaskGuard(this::publish);
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
        HostWatch.Sink sink = new WatchSink();
        for (Host host : topology.frontEnds()) {
            HostWatch watch = new HostWatch(host, topology.interfaceOf(host), shells, settings, sink);
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
        health = new HealthChecker(topology, settings.healthInterval(), this::publishHealth, guard);
        health.start();
        ticker.scheduleAtFixedRate(guard.guarded("tick", this::tick), 250, 250, TimeUnit.MILLISECONDS);
    }

    /** Moves faults on {@code host} onto the controller's clock for outage measurements. */
    public void clockOffset(String host, ClockOffset offset) {
        outages.clockOffset(host, offset);
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
            List<Alert> all = new ArrayList<>(invariants.activeAlerts());
            all.addAll(complaints.activeAlerts());
            return all;
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

    /** A mark in the event history: {@link #awaitEvent} looks only at events remembered after it. */
    public long mark() {
        synchronized (lock) {
            return remembered;
        }
    }

    /**
     * Waits for an event remembered after {@code mark} (already seen, or still to come) that
     * satisfies the condition, or the timeout. Events are checked in the order they were made.
     */
    public Optional<MonitorEvent> awaitEvent(long mark, Predicate<MonitorEvent> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                long skip = Math.max(0, mark - (remembered - history.size()));
                Optional<MonitorEvent> seen = history.stream().skip(skip).filter(condition).findFirst();
                if (seen.isPresent()) {
                    return seen;
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
            lock.notifyAll();
        }
        drain();
    }

    // ------------------------------------------------------------------ feeding

    /**
     * Feeds one recorded line of a front end's watch stream ({@link WatchScript}) as if its channel
     * had just sent it: replays of a saved run, and tests that drive the monitor without hosts.
     */
    public void replayHostLine(String host, String rawLine, Instant receivedAt) {
        HostLine line = HostLine.parse(rawLine);
        HostWatch.Sink sink = new WatchSink();
        if (line instanceof HostLine.SnapshotBegin) {
            synchronized (lock) {
                replayInSnapshot.put(host, true);
            }
            sink.reachability(host, true, LocalizedText.of(BUNDLE, "monitor.channelOpen"));
            sink.snapshotBegins(host);
        } else if (line instanceof HostLine.SnapshotEnd) {
            synchronized (lock) {
                replayInSnapshot.put(host, false);
            }
            sink.snapshotEnded(host, receivedAt);
        } else {
            boolean inSnapshot;
            synchronized (lock) {
                inSnapshot = replayInSnapshot.getOrDefault(host, false);
            }
            sink.line(host, line, receivedAt, inSnapshot);
        }
    }

    /** Feeds one recorded probe result, as if the traffic probe had just made it. */
    public void replayProbe(ProbeResult result) {
        publishProbe(result);
    }

    private void publishProbe(MonitorEvent event) {
        ProbeResult result = (ProbeResult) event;
        synchronized (lock) {
            state.accept(result);
            probes.addLast(result);
            while (probes.size() > MAX_PROBES_KEPT) {
                probes.removeFirst();
            }
            outbox.add(result);
            measure(result);
            lock.notifyAll();
        }
        drain();
    }

    private void publishHealth(MonitorEvent event) {
        synchronized (lock) {
            state.accept((ServiceHealth) event);
            remember(event);
            evaluate(Instant.now());
            lock.notifyAll();
        }
        drain();
    }

    /** Feeds the host watches' findings into the state, under the lock; listeners hear after. */
    private final class WatchSink implements HostWatch.Sink {
        @Override
        public void reachability(String host, boolean reachable, LocalizedText detail) {
            synchronized (lock) {
                if (reachable) {
                    state.markReachable(host);
                } else {
                    state.markUnreachable(host);
                }
                MonitorEvent event = new NodeReachability(Instant.now(), host, reachable, detail);
                remember(event);
                evaluate(event.receivedAt());
                lock.notifyAll();
            }
            drain();
        }

        @Override
        public void snapshotBegins(String host) {
            synchronized (lock) {
                state.beginSnapshot(host);
            }
        }

        @Override
        public void snapshotEnded(String host, Instant receivedAt) {
            synchronized (lock) {
                state.endSnapshot(host, receivedAt).forEach(FailoverMonitor.this::remember);
                evaluate(receivedAt);
                lock.notifyAll();
            }
            drain();
        }

        @Override
        public void line(String host, HostLine line, Instant receivedAt, boolean inSnapshot) {
            synchronized (lock) {
                state.accept(host, line, receivedAt, inSnapshot).forEach(FailoverMonitor.this::remember);
                complaints.accept(host, line, receivedAt, inSnapshot).forEach(FailoverMonitor.this::remember);
                evaluate(receivedAt);
                lock.notifyAll();
            }
            drain();
        }
    }

    private void tick() {
        long now = System.nanoTime();
        for (HostWatch watch : watches) {
            watch.closeIfSilent(now);
        }
        synchronized (lock) {
            evaluate(Instant.now());
            complaints.tick(Instant.now()).forEach(this::remember);
            lock.notifyAll();
        }
        drain();
    }

    private void evaluate(Instant now) {
        invariants.evaluate(state, now).forEach(this::remember);
    }

    /** Keeps an event (bounded history), queues it for the listeners and lets the outage meter see it. */
    private void remember(MonitorEvent event) {
        remembered++;
        history.addLast(event);
        while (history.size() > MAX_EVENTS_KEPT) {
            history.removeFirst();
        }
        outbox.add(event);
        measure(event);
    }

    private void measure(MonitorEvent event) {
        outages.accept(event).forEach(this::remember);
    }

    /**
     * Hands queued events to the listeners outside the state lock (a listener may read the state
     * or wait without blocking the monitor); the order they were made in is kept.
     */
    private void drain() {
        synchronized (dispatchLock) {
            MonitorEvent event;
            while ((event = outbox.poll()) != null) {
                dispatch(event);
            }
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
        watches.forEach(HostWatch::close);
        synchronized (lock) {
            lock.notifyAll();
        }
    }
}
