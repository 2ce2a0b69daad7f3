package dev.halab.gui.wizard;

import dev.halab.core.i18n.LocalizedText;

/**
 * One line of the dry-run plan on the Review page: a command the install would run on a host (as
 * shown to people, secrets masked), or why planning failed there (rendered when shown).
 */
public record PlanLine(String host, String command, LocalizedText failure) {
    public static PlanLine command(String host, String command) {
        return new PlanLine(host, command, null);
    }

    public static PlanLine failure(String host, LocalizedText why) {
        return new PlanLine(host, null, why);
    }
}
