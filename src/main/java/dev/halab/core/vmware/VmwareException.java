package dev.halab.core.vmware;

import dev.halab.core.i18n.LocalizedText;

import java.util.Locale;

/** A VMware power action that could not be done, with the reason as localized text. */
public final class VmwareException extends RuntimeException {
    private final transient LocalizedText text;

    public VmwareException(LocalizedText text) {
        super(text.render(Locale.ENGLISH));
        this.text = text;
    }

    public LocalizedText text() {
        return text;
    }
}
