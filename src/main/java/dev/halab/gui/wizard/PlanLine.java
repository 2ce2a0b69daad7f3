package dev.halab.gui.wizard;

import dev.halab.core.i18n.LocalizedText;

/**
 * One line of the dry-run plan on the Review page: what the install would do on a host (a command
 * as written, secrets masked, or an action such as an upload), or why planning failed there; both
 * are text as data, rendered in the language shown when the line is drawn.
 */
public record PlanLine(String host, LocalizedText command, LocalizedText failure) {
    public static PlanLine command(String host, LocalizedText command) {
        return new PlanLine(host, command, null);
    }

    public static PlanLine failure(String host, LocalizedText why) {
        return new PlanLine(host, null, why);
    }
}
