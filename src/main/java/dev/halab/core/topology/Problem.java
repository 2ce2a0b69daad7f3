package dev.halab.core.topology;

import dev.halab.core.i18n.LocalizedText;

import java.util.Locale;

/**
 * One thing wrong with a topology: where (a profile field path such as {@code hosts[2].address}),
 * how bad, and a message that says what is wrong and what to do.
 */
public record Problem(Severity severity, String field, String code, LocalizedText message) {

    public enum Severity { ERROR, WARNING }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public String render(Locale locale) {
        return field + ": " + message.render(locale);
    }
}
