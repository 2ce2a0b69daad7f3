package dev.halab.core.plan;

import dev.halab.core.event.RunEvent;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.step.StepTexts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The counters of one run (steps changed, unchanged, failed, skipped) and its failures; thread-safe. */
final class RunStats {
    private final AtomicInteger changed = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final List<RunSummary.Failure> failures = Collections.synchronizedList(new ArrayList<>());

    void changed() {
        changed.incrementAndGet();
    }

    void unchanged() {
        unchanged.incrementAndGet();
    }

    void skipped() {
        skipped.incrementAndGet();
    }

    void failed(RunSummary.Failure failure) {
        failed.incrementAndGet();
        failures.add(failure);
    }

    /** The last event of a run and the summary returned to the caller. */
    RunFinish finish(String kind) {
        boolean success = failed.get() == 0;
        LocalizedText summary = StepTexts.text(success ? "run.summary.ok" : "run.summary.failed", kind,
                changed.get(), unchanged.get(), failed.get(), skipped.get());
        RunEvent.RunFinished event = new RunEvent.RunFinished(Instant.now(), success, changed.get(), unchanged.get(),
                failed.get(), summary);
        return new RunFinish(event, new RunSummary(success, changed.get(), unchanged.get(), failed.get(), skipped.get(), failures));
    }

    record RunFinish(RunEvent.RunFinished event, RunSummary summary) {
    }
}
