package dev.halab.lab;

import dev.halab.core.i18n.Bundles;
import dev.halab.core.i18n.LocalizedText;

/** User-facing texts of the lab, from {@code resources/i18n/lab*.properties}: errors as data, progress in the UI language. */
final class LabMessages {

    static final String BUNDLE = "lab";

    private LabMessages() {
    }

    /** A progress line, rendered now in the UI language (progress is shown as it happens). */
    static String get(String key, Object... args) {
        return Bundles.text(BUNDLE, key, args);
    }

    /** An error or its part, kept as data until a front end shows it. */
    static LocalizedText text(String key, Object... args) {
        return LocalizedText.of(BUNDLE, key, args);
    }
}
