package dev.halab.core.i18n;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Resource bundles live under {@code i18n/} on the classpath, one per area (core, lab, cli, gui),
 * in English (base file) and Simplified Chinese ({@code _zh_CN}).
 */
public final class Bundles {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static volatile Locale uiLocale = initialLocale();

    private Bundles() {
    }

    public static ResourceBundle get(String area, Locale locale) {
        // Without the no-fallback control a zh machine asking for English would get Chinese.
        return ResourceBundle.getBundle("i18n." + area, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String text(String area, String key, Object... args) {
        return LocalizedText.of(area, key, args).render(uiLocale);
    }

    public static Locale uiLocale() {
        return uiLocale;
    }

    public static void setUiLocale(Locale locale) {
        uiLocale = isChinese(locale) ? CHINESE : Locale.ENGLISH;
    }

    public static boolean isChinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }

    private static Locale initialLocale() {
        String configured = System.getProperty("halab.lang", System.getenv("HALAB_LANG"));
        if (configured != null && !configured.isBlank()) {
            return configured.toLowerCase(Locale.ROOT).startsWith("zh") ? CHINESE : Locale.ENGLISH;
        }
        return isChinese(Locale.getDefault()) ? CHINESE : Locale.ENGLISH;
    }
}
