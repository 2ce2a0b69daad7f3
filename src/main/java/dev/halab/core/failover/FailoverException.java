package dev.halab.core.failover;

import dev.halab.core.i18n.LocalizedText;

/** A failover action or scenario could not be carried out; the text says why and what to do. */
public class FailoverException extends Exception {
    private final transient LocalizedText text;

    public FailoverException(LocalizedText text, Throwable cause) {
        super(text.render(java.util.Locale.ENGLISH), cause);
        this.text = text;
    }

    public LocalizedText text() {
        return text;
    }
}
