package dev.halab.lab;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** User-facing texts of the lab, from {@code resources/i18n/lab*.properties}. */
final class LabMessages {

    private static final String BUNDLE = "i18n.lab";

    private LabMessages() {
    }

    static String get(String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
        String pattern = bundle.getString(key);
        return new MessageFormat(pattern, Locale.getDefault()).format(args);
    }
}
