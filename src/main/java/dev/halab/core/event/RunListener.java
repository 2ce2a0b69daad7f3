package dev.halab.core.event;

/**
 * Receives a run's progress. Called on the runner's worker threads, possibly concurrently for
 * different hosts: implementations must be thread-safe and quick (the GUI queues, the CLI prints).
 */
@FunctionalInterface
public interface RunListener {
    RunListener NONE = event -> { };

    void onEvent(RunEvent event);
}
