package dev.halab.gui.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's one executor for blocking work: named daemon threads ("halab-worker-N") so that a
 * hung SSH call never keeps the JVM alive after the window closes. Cached, because a live monitor
 * holds a thread for as long as the dashboard is open while other work must still run.
 */
public final class AppExecutor implements BackgroundExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppExecutor.class);
    private final ExecutorService pool;

    public AppExecutor() {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "halab-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        pool = Executors.newCachedThreadPool(factory);
    }

    @Override
    public void execute(Runnable task) {
        // A timer or late callback of a window that is already closing may still hand in work.
        // Nobody is left to show its result, so it is dropped instead of throwing on the FX thread.
        if (pool.isShutdown()) {
            LOG.debug("The window is closed; work handed in afterwards is dropped: {}", task);
            return;
        }
        try {
            pool.execute(task);
        } catch (RejectedExecutionException closedMeanwhile) {
            LOG.debug("The window closed while work was handed in; it is dropped: {}", task);
        }
    }

    /** Lets queued work finish (closing the monitor's connections) for a few seconds, then interrupts the rest. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(3, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
