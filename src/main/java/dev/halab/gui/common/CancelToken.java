package dev.halab.gui.common;

import java.util.concurrent.atomic.AtomicBoolean;

/** Set on the FX thread (Cancel button), read by the worker between steps. */
public final class CancelToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
