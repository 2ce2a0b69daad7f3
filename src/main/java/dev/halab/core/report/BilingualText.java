package dev.halab.core.report;

import dev.halab.core.i18n.Bundles;
import dev.halab.core.i18n.LocalizedText;

import java.util.Locale;

/**
 * A text kept in both of the app's languages, so a session recorded in one language can be reported
 * in the other. (A {@link LocalizedText} with arbitrary arguments does not survive JSON.)
 */
public record BilingualText(String en, String zh) {
    public static BilingualText of(LocalizedText text) {
        return text == null ? null : new BilingualText(text.render(Locale.ENGLISH), text.render(Bundles.CHINESE));
    }

    public String in(Locale locale) {
        return Bundles.isChinese(locale) ? zh : en;
    }
}
