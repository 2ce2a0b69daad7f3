package dev.halab.core.step;

import dev.halab.core.i18n.LocalizedText;

/** Texts of the install area ({@code resources/i18n/install*.properties}). */
public final class StepTexts {
    public static final String BUNDLE = "install";

    private StepTexts() {
    }

    public static LocalizedText text(String key, Object... args) {
        return LocalizedText.of(BUNDLE, key, args);
    }
}
