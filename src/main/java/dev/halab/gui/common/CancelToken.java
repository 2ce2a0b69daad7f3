package dev.halab.gui.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Set on the FX thread (Cancel button); the worker registers how to stop (the install engine
 * stops when its thread is interrupted: steps running finish, nothing new starts).
 */
public final class CancelToken {
    private final List<Runnable> onCancel = new ArrayList<>();
    private boolean cancelled;

    public void cancel() {
        List<Runnable> actions;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            actions = List.copyOf(onCancel);
        }
        actions.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code action} on cancel (at once if already cancelled). */
    public void whenCancelled(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                onCancel.add(action);
                return;
            }
        }
        action.run();
    }

    /** Forgets the registered actions (the worker finished: interrupting it later would hit other work). */
    public synchronized void clear() {
        onCancel.clear();
    }
}
