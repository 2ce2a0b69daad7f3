package dev.halab.core.profile;

import dev.halab.core.i18n.LocalizedText;

/** A profile that cannot be read at all (missing file, bad JSON, unknown field, wrong schema version). */
public class ProfileException extends Exception {
    private final transient LocalizedText text;

    public ProfileException(LocalizedText text, Throwable cause) {
        super(text.render(java.util.Locale.ENGLISH), cause);
        this.text = text;
    }

    public LocalizedText text() {
        return text;
    }
}
