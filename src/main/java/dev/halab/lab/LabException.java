package dev.halab.lab;

import dev.halab.core.i18n.LocalizedText;

import java.util.Locale;

/**
 * The lab could not do what was asked. {@link #text()} says what and what to do, as data (bundle
 * {@code lab}), rendered by each front end in the language it shows; the exception's message is
 * the English rendering, for logs.
 */
public class LabException extends RuntimeException {
    private final transient LocalizedText text;

    public LabException(LocalizedText text) {
        this(text, null);
    }

    public LabException(LocalizedText text, Throwable cause) {
        super(text.render(Locale.ENGLISH), cause);
        this.text = text;
    }

    public LocalizedText text() {
        return text;
    }
}
