package dev.halab.gui.common;

import dev.halab.core.i18n.Bundles;
import dev.halab.core.i18n.LocalizedText;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

import java.util.Locale;

/**
 * The GUI's texts: every label is a binding on {@link #localeProperty()}, so switching language
 * re-renders the whole window (and every core {@link LocalizedText} shown) without rebuilding it.
 * Keys live in {@code i18n/gui.properties} and {@code i18n/gui_zh_CN.properties}.
 */
public final class Texts {
    public static final String AREA = "gui";
    private static final ObjectProperty<Locale> LOCALE = new SimpleObjectProperty<>(Bundles.startLocale());

    private Texts() {
    }

    public static ObjectProperty<Locale> localeProperty() {
        return LOCALE;
    }

    /** FX thread: switches the language of the whole app (and of core messages rendered later). */
    public static void setLocale(Locale locale) {
        LOCALE.set(Bundles.supported(locale));
    }

    public static Locale locale() {
        return LOCALE.get();
    }

    public static LocalizedText of(String key, Object... args) {
        return LocalizedText.of(AREA, key, args);
    }

    /** The text now, in the current language. */
    public static String get(String key, Object... args) {
        return of(key, args).render(LOCALE.get());
    }

    public static String render(LocalizedText text) {
        return text == null ? "" : text.render(LOCALE.get());
    }

    /** A label text that follows the language. */
    public static StringBinding bind(String key, Object... args) {
        LocalizedText text = of(key, args);
        return Bindings.createStringBinding(() -> text.render(LOCALE.get()), LOCALE);
    }

    /** A core or gui message held in a property, rendered in the current language; empty for null. */
    public static StringBinding bind(ObservableValue<LocalizedText> text) {
        return Bindings.createStringBinding(() -> render(text.getValue()), text, LOCALE);
    }
}
