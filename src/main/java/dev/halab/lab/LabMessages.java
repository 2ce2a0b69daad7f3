package dev.halab.lab;

import dev.halab.core.i18n.Bundles;

/** User-facing texts of the lab, from {@code resources/i18n/lab*.properties}, in the UI language. */
final class LabMessages {

    static final String BUNDLE = "lab";

    private LabMessages() {
    }

    static String get(String key, Object... args) {
        return Bundles.text(BUNDLE, key, args);
    }
}
