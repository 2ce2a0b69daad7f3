package dev.halab.gui.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EventBatcherTest {

    @Test
    void itemsFromManyThreadsArriveInOneBatchPerDrainInPerThreadOrder() throws Exception {
        List<List<Integer>> batches = new ArrayList<>();
        EventBatcher<Integer> batcher = new EventBatcher<>(batches::add);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            int base = t * 10_000;
            pool.execute(() -> {
                for (int i = 0; i < 10_000; i++) {
                    batcher.offer(base + i);
                }
                done.countDown();
            });
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        for (int i = 0; i < 10; i++) {
            batcher.drain();
        }
        // bounded batches: a flood never lands on one frame at once
        assertThat(batches).hasSize(40_000 / EventBatcher.MAX_PER_TICK)
                .allMatch(b -> b.size() == EventBatcher.MAX_PER_TICK);
        List<Integer> all = batches.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(40_000);
        for (int t = 0; t < 4; t++) {
            int base = t * 10_000;
            assertThat(all.stream().filter(i -> i >= base && i < base + 10_000).toList()).isSorted();
        }
    }

    @Test
    void cancelRunsRegisteredActionsOnceAndLateOnesAtOnce() {
        CancelToken token = new CancelToken();
        List<String> ran = new ArrayList<>();
        token.whenCancelled(() -> ran.add("first"));
        token.cancel();
        token.cancel();
        token.whenCancelled(() -> ran.add("late"));
        assertThat(ran).containsExactly("first", "late");
        assertThat(token.isCancelled()).isTrue();
    }

    @Test
    void aFloodThatIsNeverDrainedKeepsOnlyTheNewestItems() {
        List<Integer> delivered = new ArrayList<>();
        EventBatcher<Integer> batcher = new EventBatcher<>(delivered::addAll);
        int flood = EventBatcher.CAPACITY + 1_000;
        for (int i = 0; i < flood; i++) {
            batcher.offer(i);
        }

        batcher.stop(); // delivers everything still waiting

        assertThat(batcher.dropped()).isEqualTo(1_000);
        assertThat(delivered).hasSize(EventBatcher.CAPACITY);
        assertThat(delivered.get(0)).isEqualTo(1_000);
        assertThat(delivered.get(delivered.size() - 1)).isEqualTo(flood - 1);
    }
}
