package dev.halab.gui.common;

import java.util.function.Consumer;

/** A worker-side inlet whose items reach the UI in batches; closed when the run ends. */
public interface BatchedSink<T> extends Consumer<T>, AutoCloseable {
    @Override
    void close();
}
