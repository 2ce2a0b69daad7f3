package dev.halab.gui.common;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The app's executor around the moment its window closes. */
class AppExecutorTest {

    @Test
    void workHandedInAfterTheWindowClosedIsDroppedNotThrownOnTheFxThread() {
        // Seen in CI: the start page's "load descriptions after the first frame" timer fired after its
        // window had closed, and the rejected task surfaced as an exception on the FX thread.
        AppExecutor executor = new AppExecutor();
        executor.close();
        AtomicBoolean ran = new AtomicBoolean();
        assertThatCode(() -> executor.execute(() -> ran.set(true))).doesNotThrowAnyException();
        assertThat(ran).isFalse();
    }

    @Test
    void workHandedInWhileOpenRunsOnANamedDaemonWorker() throws Exception {
        try (AppExecutor executor = new AppExecutor()) {
            CountDownLatch done = new CountDownLatch(1);
            AtomicBoolean daemon = new AtomicBoolean();
            StringBuilder name = new StringBuilder();
            executor.execute(() -> {
                daemon.set(Thread.currentThread().isDaemon());
                name.append(Thread.currentThread().getName());
                done.countDown();
            });
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(daemon).isTrue();
            assertThat(name.toString()).startsWith("halab-worker-");
        }
    }
}
