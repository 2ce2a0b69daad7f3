package dev.halab.gui.common;

import javafx.animation.AnimationTimer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Moves events from worker threads to the FX thread in batches: workers {@link #offer} (cheap,
 * lock-free), and a timer on the FX thread drains everything queued at most every
 * {@value #PERIOD_MILLIS} ms into one consumer call. Thousands of apt lines thus cost one list
 * update per tick, never one {@code Platform.runLater} per line.
 */
public final class EventBatcher<T> {
    public static final long PERIOD_MILLIS = 50;
    /**
     * At most this many items per tick, so that a flood (a worker far faster than the screen) costs
     * each frame a bounded time; the rest waits for the next tick (100 000 items/s at most).
     */
    public static final int MAX_PER_TICK = 5_000;
    /**
     * At most this many items wait: if the screen stops draining (a stalled FX thread) while a
     * worker floods, the oldest are dropped and counted instead of filling the heap.
     */
    public static final int CAPACITY = 200_000;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final Consumer<List<T>> consumer;
    private AnimationTimer timer;

    public EventBatcher(Consumer<List<T>> consumer) {
        this.consumer = consumer;
    }

    /** Any thread. */
    public void offer(T item) {
        queue.offer(item);
        if (queued.incrementAndGet() > CAPACITY && queue.poll() != null) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
        }
    }

    /** Items dropped so far because {@link #CAPACITY} were waiting. */
    public long dropped() {
        return dropped.get();
    }

    /** Delivers what is queued now; the timer calls it, tests call it directly. */
    public void drain() {
        if (queue.isEmpty()) {
            return;
        }
        List<T> batch = new ArrayList<>();
        T item;
        while (batch.size() < MAX_PER_TICK && (item = queue.poll()) != null) {
            queued.decrementAndGet();
            batch.add(item);
        }
        consumer.accept(batch);
    }

    /** FX thread: starts draining on a timer. */
    public void start() {
        if (timer != null) {
            return;
        }
        long periodNanos = PERIOD_MILLIS * 1_000_000L;
        timer = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (now - last >= periodNanos) {
                    last = now;
                    drain();
                }
            }
        };
        timer.start();
    }

    /**
     * FX thread: delivers everything still queued, then stops the timer. Runs before whatever the
     * worker posts after closing its sink, so "run finished" logic sees every event of the run.
     */
    public void stop() {
        if (timer != null) {
            timer.stop();
            timer = null;
        }
        while (!queue.isEmpty()) {
            drain();
        }
    }
}
