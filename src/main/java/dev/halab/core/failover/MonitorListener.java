package dev.halab.core.failover;

/**
 * Receives the monitor's events. Called from the monitor's worker threads (one per front end,
 * the probe and health threads): implementations must be thread-safe and quick. The GUI queues
 * them onto the FX thread; the CLI prints them.
 */
@FunctionalInterface
public interface MonitorListener {
    MonitorListener NONE = event -> { };

    void onEvent(MonitorEvent event);
}
