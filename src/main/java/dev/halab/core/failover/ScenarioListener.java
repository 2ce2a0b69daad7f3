package dev.halab.core.failover;

import dev.halab.core.i18n.LocalizedText;

/** Follows a scenario: a step starts (with what it does), a step ends (with its result). */
public interface ScenarioListener {
    ScenarioListener NONE = new ScenarioListener() { };

    default void stepStarted(String id, LocalizedText action) {
    }

    default void stepFinished(StepResult result) {
    }
}
