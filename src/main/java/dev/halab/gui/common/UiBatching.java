package dev.halab.gui.common;

import java.util.List;
import java.util.function.Consumer;

/**
 * Opens batched channels from workers to the UI. The app uses {@link #FX} (an {@link EventBatcher}
 * drained on the FX thread by a timer); tests use {@link #SAME_THREAD} (each item delivered at once).
 */
public interface UiBatching {
    UiBatching SAME_THREAD = new UiBatching() {
        @Override
        public <T> BatchedSink<T> open(Consumer<List<T>> onUi) {
            return new BatchedSink<>() {
                @Override
                public void accept(T item) {
                    onUi.accept(List.of(item));
                }

                @Override
                public void close() {
                }
            };
        }
    };

    UiBatching FX = new UiBatching() {
        @Override
        public <T> BatchedSink<T> open(Consumer<List<T>> onUi) {
            EventBatcher<T> batcher = new EventBatcher<>(onUi);
            UiThread.FX.post(batcher::start);
            return new BatchedSink<>() {
                @Override
                public void accept(T item) {
                    batcher.offer(item);
                }

                @Override
                public void close() {
                    UiThread.FX.post(batcher::stop);
                }
            };
        }
    };

    <T> BatchedSink<T> open(Consumer<List<T>> onUi);
}
