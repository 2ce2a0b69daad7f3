package dev.halab.core.failover;

import dev.halab.core.i18n.LocalizedText;

import java.time.Instant;

/**
 * What a chaos action (or its undo) did. {@code faultAt} is the host's clock just before the fault
 * (for power, the controller's): outage measurements start there.
 */
public record ChaosResult(String host, ChaosAction action, boolean restore, Instant faultAt, LocalizedText description) {
}
