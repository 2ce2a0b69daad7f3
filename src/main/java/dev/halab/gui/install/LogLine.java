package dev.halab.gui.install;

import dev.halab.core.i18n.LocalizedText;

import java.util.Locale;

/**
 * One line of the live log: which host and step it belongs to, and its kind. A tool's output is
 * kept as it came; HA Lab's own words (step titles, commands and action lines, outcomes) are text
 * as data with a leading mark ({@code ▶}, {@code $}, {@code ✓}), rendered in the language the
 * window shows when the line is drawn or copied.
 */
public record LogLine(String host, String stepId, Kind kind, String mark, LocalizedText message, String output) {
    public enum Kind { OUTPUT, ERROR, COMMAND, INFO }

    /** A line a tool printed (or a path), shown as it is. */
    public static LogLine output(String host, String stepId, Kind kind, String output) {
        return new LogLine(host, stepId, kind, "", null, output);
    }

    /** A line in HA Lab's words, after {@code mark} ("" for none). */
    public static LogLine said(String host, String stepId, Kind kind, String mark, LocalizedText message) {
        return new LogLine(host, stepId, kind, mark, message, null);
    }

    public String text(Locale locale) {
        return output != null ? output : mark + message.render(locale);
    }

    /** How the line is copied to the clipboard. */
    public String toClipboard(Locale locale) {
        return "[" + (host == null ? "-" : host) + "] " + text(locale);
    }
}
