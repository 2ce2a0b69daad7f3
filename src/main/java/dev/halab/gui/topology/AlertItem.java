package dev.halab.gui.topology;

import dev.halab.core.i18n.LocalizedText;

import java.time.Instant;

/** A raised alert (split brain, no master, ...) with a hint on what usually causes it. */
public record AlertItem(String code, LocalizedText title, LocalizedText hint, Instant since) {
}
