package dev.halab.gui.service;

import dev.halab.gui.common.BatchedSink;
import dev.halab.gui.common.BackgroundExecutor;
import dev.halab.gui.common.UiBatching;
import dev.halab.gui.common.UiContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerCallTest {
    private final List<String> trace = new ArrayList<>();
    private final List<Runnable> worker = new ArrayList<>();
    private final List<Runnable> ui = new ArrayList<>();
    /** Worker and UI as two queues the test drains by hand, so the order of hand-offs is visible. */
    private final UiContext context = new UiContext(worker::add, ui::add, UiBatching.SAME_THREAD, new dev.halab.gui.common.Texts(java.util.Locale.ENGLISH));

    @Test
    void theCallRunsOnTheWorkerAndItsValueIsPostedToTheUi() {
        List<ServiceOutcome<String>> seen = new ArrayList<>();
        WorkerCall.call(context, () -> {
            trace.add("call");
            return "up";
        }, seen::add);
        assertThat(trace).isEmpty();
        worker.remove(0).run();
        assertThat(trace).containsExactly("call");
        assertThat(seen).isEmpty();
        ui.remove(0).run();
        assertThat(seen).singleElement().satisfies(o -> {
            assertThat(o.ok()).isTrue();
            assertThat(o.value()).isEqualTo("up");
        });
    }

    @Test
    void aServiceFailureAndABugBothArriveAsAFailureText() {
        List<ServiceOutcome<Void>> seen = new ArrayList<>();
        WorkerCall.run(context, () -> {
            throw new ServiceException(dev.halab.gui.common.Texts.of("lab.needsRoot"), null);
        }, seen::add);
        WorkerCall.run(context, () -> {
            throw new IllegalStateException("boom");
        }, seen::add);
        worker.forEach(Runnable::run);
        ui.forEach(Runnable::run);
        assertThat(seen).hasSize(2).noneMatch(ServiceOutcome::ok);
        assertThat(seen.get(0).failure().key()).isEqualTo("lab.needsRoot");
        assertThat(seen.get(1).failure().key()).isEqualTo("error.unexpected");
    }

    @Test
    void theEventSinkIsClosedAfterTheCallAndBeforeTheOutcomeIsPosted() {
        BatchedSink<String> events = new BatchedSink<>() {
            @Override
            public void accept(String item) {
                trace.add("event " + item);
            }

            @Override
            public void close() {
                trace.add("closed");
            }
        };
        WorkerCall.run(new UiContext(BackgroundExecutor.SAME_THREAD, r -> {
            trace.add("posted");
            r.run();
        }, UiBatching.SAME_THREAD, new dev.halab.gui.common.Texts(java.util.Locale.ENGLISH)), events, () -> events.accept("a"), o -> trace.add("outcome " + o.ok()));
        assertThat(trace).containsExactly("event a", "closed", "posted", "outcome true");
    }
}
