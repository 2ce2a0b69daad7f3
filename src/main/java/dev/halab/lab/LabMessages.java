package dev.halab.lab;

import dev.halab.core.i18n.LocalizedText;

import java.util.List;

/** User-facing texts of the lab, from {@code resources/i18n/lab*.properties}: errors and progress, as data. */
final class LabMessages {

    static final String BUNDLE = "lab";

    private LabMessages() {
    }

    /** An error, a progress line or a part of one, kept as data until a front end shows it. */
    static LocalizedText text(String key, Object... args) {
        return LocalizedText.of(BUNDLE, key, args);
    }

    /** Texts one per line (at least one). */
    static LocalizedText lines(List<LocalizedText> texts) {
        LocalizedText joined = texts.get(0);
        for (LocalizedText next : texts.subList(1, texts.size())) {
            joined = text("lines", joined, next);
        }
        return joined;
    }
}
