package dev.halab.core.plan;

import dev.halab.core.i18n.LocalizedText;

import java.util.List;

/**
 * The outcome of a run, as also told by the last {@code RunFinished} event.
 *
 * @param failures one line per failure: host, step and why
 */
public record RunSummary(boolean success, int changed, int unchanged, int failed, int skipped, List<Failure> failures) {
    public RunSummary {
        failures = List.copyOf(failures);
    }

    public record Failure(String host, String stepId, LocalizedText why) {
    }
}
