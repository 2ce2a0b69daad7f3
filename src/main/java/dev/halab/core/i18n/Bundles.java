package dev.halab.core.i18n;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Resource bundles live under {@code i18n/} on the classpath, one per area (core, lab, cli, gui),
 * in English (base file) and Simplified Chinese ({@code _zh_CN}).
 * <p>
 * There is no process-wide "current language": each front end holds the locale it shows (the CLI
 * its {@code --lang}, the GUI the language the user picked) and renders {@link LocalizedText} with it.
 * {@link #startLocale()} is only where they start from; it is read once and never changes.
 */
public final class Bundles {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final Locale START_LOCALE = initialLocale();

    private Bundles() {
    }

    public static ResourceBundle get(String area, Locale locale) {
        // Without the no-fallback control a zh machine asking for English would get Chinese.
        return ResourceBundle.getBundle("i18n." + area, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The language a front end starts in: {@code -Dhalab.lang}, else {@code HALAB_LANG}, else the system's. */
    public static Locale startLocale() {
        return START_LOCALE;
    }

    /** One of the two languages HA Lab speaks: Chinese for any {@code zh} locale, English otherwise. */
    public static Locale supported(Locale locale) {
        return isChinese(locale) ? CHINESE : Locale.ENGLISH;
    }

    public static boolean isChinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }

    private static Locale initialLocale() {
        String configured = System.getProperty("halab.lang", System.getenv("HALAB_LANG"));
        if (configured != null && !configured.isBlank()) {
            return configured.toLowerCase(Locale.ROOT).startsWith("zh") ? CHINESE : Locale.ENGLISH;
        }
        return supported(Locale.getDefault());
    }
}
