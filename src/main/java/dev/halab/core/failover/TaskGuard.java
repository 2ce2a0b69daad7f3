package dev.halab.core.failover;

import dev.halab.core.i18n.LocalizedText;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Keeps the monitor's scheduled work alive: a scheduled executor silently stops a task for good
 * when it throws once. A guarded task logs the exception with its trace, raises a
 * {@link AlertKind#MONITOR_TASK_FAILED} alert, and runs again at its next turn; the alert is
 * cleared when the task completes again.
 */
final class TaskGuard {
    private static final String BUNDLE = "failover";
    private final Consumer<MonitorEvent> publish;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    TaskGuard(Consumer<MonitorEvent> publish) {
        this.publish = publish;
    }

    Runnable guarded(String task, Runnable body) {
        return () -> {
            try {
                body.run();
                if (failing.remove(task)) {
                    publish.accept(new MonitorEvent.AlertCleared(Instant.now(), alert(task, "-")));
                }
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(TaskGuard.class).error("monitor task {} failed", task, e);
                if (failing.add(task)) {
                    publish.accept(new MonitorEvent.AlertRaised(Instant.now(), alert(task, String.valueOf(e))));
                }
            }
        };
    }

    private static Alert alert(String task, String error) {
        return new Alert(AlertKind.MONITOR_TASK_FAILED, task,
                LocalizedText.of(BUNDLE, "alert.monitorTask.title", task),
                LocalizedText.of(BUNDLE, "alert.monitorTask.hint", error), List.of());
    }
}
