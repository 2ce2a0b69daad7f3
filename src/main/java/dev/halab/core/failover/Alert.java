package dev.halab.core.failover;

import dev.halab.core.i18n.LocalizedText;

import java.util.List;

/**
 * A broken invariant. {@code subject} is the instance or host it is about; together with
 * {@code kind} it identifies the alert, so a later {@link MonitorEvent.AlertCleared} matches it.
 *
 * @param title what is wrong, with the pitfall's name (e.g. "Split brain: VI_1 has two MASTERs")
 * @param hint  the likely causes and what to check
 * @param hosts the front ends involved
 */
public record Alert(AlertKind kind, String subject, LocalizedText title, LocalizedText hint, List<String> hosts) {
    public Alert {
        hosts = List.copyOf(hosts);
    }

    public String id() {
        return kind + "/" + subject;
    }
}
