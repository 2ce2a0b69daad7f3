package dev.halab.gui.service;

import dev.halab.core.i18n.LocalizedText;

import java.util.Locale;

/** A service call that could not be done, with a message that says what to do. */
public class ServiceException extends Exception {
    private final transient LocalizedText text;

    public ServiceException(LocalizedText text, Throwable cause) {
        super(text.render(Locale.ENGLISH), cause);
        this.text = text;
    }

    public LocalizedText text() {
        return text;
    }
}
