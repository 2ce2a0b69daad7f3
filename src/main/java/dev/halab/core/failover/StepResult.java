package dev.halab.core.failover;

import dev.halab.core.i18n.LocalizedText;

import java.time.Duration;

/**
 * One scenario step: what was done, what was expected, what was observed, why it behaves so.
 *
 * @param outage the failover measured in this step, or null for steps without a fault
 */
public record StepResult(String id, LocalizedText action, LocalizedText expected, LocalizedText observed,
                         LocalizedText explanation, boolean passed, Duration took, Outage outage) {
}
