package dev.halab.gui.common;

import dev.halab.core.i18n.Bundles;
import dev.halab.core.i18n.LocalizedText;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

import java.util.Locale;

/**
 * The language one window shows, and its texts: every label is a binding on {@link #localeProperty()},
 * so switching language re-renders the whole window (and every core {@link LocalizedText} shown)
 * without rebuilding it. There is one per window, reached through the {@link UiContext}; nothing
 * else in the JVM changes when it does. Keys live in {@code i18n/gui.properties} and
 * {@code i18n/gui_zh_CN.properties}.
 */
public final class Texts {
    public static final String AREA = "gui";
    private final ObjectProperty<Locale> locale;

    public Texts(Locale locale) {
        this.locale = new SimpleObjectProperty<>(Bundles.supported(locale));
    }

    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return locale;
    }

    /** FX thread: the user picked another language for this window. */
    public void setLocale(Locale chosen) {
        locale.set(Bundles.supported(chosen));
    }

    public Locale locale() {
        return locale.get();
    }

    public static LocalizedText of(String key, Object... args) {
        return LocalizedText.of(AREA, key, args);
    }

    /** The text now, in this window's language. */
    public String get(String key, Object... args) {
        return of(key, args).render(locale.get());
    }

    public String render(LocalizedText text) {
        return text == null ? "" : text.render(locale.get());
    }

    /** A label text that follows the language. */
    public StringBinding bind(String key, Object... args) {
        return bind(of(key, args));
    }

    /** Any text (gui, core, companion...) that follows the language. */
    public StringBinding bind(LocalizedText text) {
        return Bindings.createStringBinding(() -> render(text), locale);
    }

    /** A core or gui message held in a property, rendered in the current language; empty for null. */
    public StringBinding bind(ObservableValue<LocalizedText> text) {
        return Bindings.createStringBinding(() -> render(text.getValue()), text, locale);
    }
}
