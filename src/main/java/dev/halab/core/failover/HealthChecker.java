package dev.halab.core.failover;

import dev.halab.core.failover.MonitorEvent.Service;
import dev.halab.core.failover.MonitorEvent.ServiceHealth;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Checks each tomcat ({@code http://backend:tomcatPort/}) and each front end's own nginx
 * ({@code http://frontend:nginxPort/}) from the controller once per interval, and reports a
 * {@link ServiceHealth} event when a service's health changes (and once at start). Services have no
 * event stream of their own to subscribe to, so this one thing is polled.
 */
public final class HealthChecker implements AutoCloseable {
    private record Target(Host host, Service service, int port) { }

    private final List<Target> targets;
    private final Duration interval;
    private final MonitorListener listener;
    private final Map<Target, Boolean> lastUp = new HashMap<>();
    private final ScheduledExecutorService scheduler;
    private final TaskGuard guard;

    public HealthChecker(Topology topology, Duration interval, MonitorListener listener) {
        this(topology, interval, listener, new TaskGuard(listener::onEvent));
    }

    HealthChecker(Topology topology, Duration interval, MonitorListener listener, TaskGuard guard) {
        this.targets = new java.util.ArrayList<>();
        topology.backEnds().forEach(h -> targets.add(new Target(h, Service.TOMCAT, topology.tomcat().port())));
        topology.frontEnds().forEach(h -> targets.add(new Target(h, Service.NGINX, topology.nginx().port())));
        this.interval = interval;
        this.listener = listener;
        this.scheduler = java.util.concurrent.Executors.newScheduledThreadPool(1, TrafficProbe.daemon("halab-health"));
        this.guard = guard;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(guard.guarded("health", this::checkAll), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkAll() {
        for (Target target : targets) {
            int status = 0;
            String error = null;
            try {
                status = HttpCheck.get(target.host().address(), target.port(), "/", Duration.ofMillis(500),
                        Duration.ofSeconds(2)).status();
            } catch (IOException e) {
                error = HttpCheck.describe(e);
            }
            // Any HTTP answer (even 502 from nginx with both tomcats down) means the service runs.
            boolean up = error == null && status > 0;
            Boolean previous = lastUp.put(target, up);
            if (previous == null || previous != up) {
                listener.onEvent(new ServiceHealth(Instant.now(), target.host().name(), target.service(), up, status, error));
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
