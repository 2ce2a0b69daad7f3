package dev.halab.core.i18n;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A user-facing text kept as data (bundle, key, arguments) so that each front end renders it in
 * the language it currently shows; the GUI can switch language without re-running anything.
 * Arguments that are themselves {@code LocalizedText} are rendered in the same locale.
 */
public record LocalizedText(String bundle, String key, List<Object> args) {

    public LocalizedText {
        // Not List.copyOf: an absent detail (a null argument) must render as text, never throw.
        args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }

    public static LocalizedText of(String bundle, String key, Object... args) {
        return new LocalizedText(bundle, key, Arrays.asList(args));
    }

    /** Text that reads the same in every language (a command, a path), carried where localized text goes. */
    public static LocalizedText asWritten(String text) {
        return of("core", "text.asWritten", text);
    }

    public String render(Locale locale) {
        ResourceBundle resources = Bundles.get(bundle, locale);
        String pattern;
        try {
            pattern = resources.getString(key);
        } catch (MissingResourceException e) {
            // A missing translation must never hide the message itself.
            return key + args;
        }
        Object[] rendered = args.stream().map(a -> renderArgument(a, locale)).toArray();
        return new MessageFormat(pattern, locale).format(rendered);
    }

    /** Numbers are shown as written (no "65,536" grouping: ports, VRIDs and counts read better plain). */
    private static Object renderArgument(Object argument, Locale locale) {
        if (argument instanceof LocalizedText text) {
            return text.render(locale);
        }
        if (argument instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (argument instanceof Number || argument == null) {
            return String.valueOf(argument);
        }
        return argument;
    }

    /**
     * English, for logs and exception messages only: a front end renders the text in the language
     * it shows with {@link #render(Locale)}.
     */
    @Override
    public String toString() {
        return render(Locale.ENGLISH);
    }
}
