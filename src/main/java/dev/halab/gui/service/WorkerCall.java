package dev.halab.gui.service;

import dev.halab.gui.common.BatchedSink;
import dev.halab.gui.common.UiContext;

import java.util.function.Consumer;

/**
 * "Run on a worker, post the outcome back": one blocking service call goes to the context's
 * executor, and its {@link ServiceOutcome} (value or failure text, never a thrown exception)
 * reaches {@code onUi} on the UI thread. With an event sink, the sink is closed after the call and
 * before the outcome is posted, so the run's last events are on screen before its result.
 * <pre>{@code
 * WorkerCall.call(context, () -> services.lab().up(progress), outcome -> {
 *     if (outcome.ok()) { ... outcome.value() ... } else { error.set(outcome.failure()); }
 * });
 * }</pre>
 */
public final class WorkerCall {
    private WorkerCall() {
    }

    public static <T> void call(UiContext context, ServiceOutcome.Call<T> call, Consumer<ServiceOutcome<T>> onUi) {
        call(context, null, call, onUi);
    }

    public static <T> void call(UiContext context, BatchedSink<?> events, ServiceOutcome.Call<T> call,
            Consumer<ServiceOutcome<T>> onUi) {
        context.background().execute(() -> {
            ServiceOutcome<T> outcome = ServiceOutcome.attempt(call);
            if (events != null) {
                events.close();
            }
            context.ui().post(() -> onUi.accept(outcome));
        });
    }

    public static void run(UiContext context, ServiceOutcome.Action action, Consumer<ServiceOutcome<Void>> onUi) {
        run(context, null, action, onUi);
    }

    public static void run(UiContext context, BatchedSink<?> events, ServiceOutcome.Action action,
            Consumer<ServiceOutcome<Void>> onUi) {
        call(context, events, () -> {
            action.run();
            return null;
        }, onUi);
    }
}
