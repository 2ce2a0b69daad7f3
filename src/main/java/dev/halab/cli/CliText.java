package dev.halab.cli;

import dev.halab.core.i18n.Bundles;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Problem;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Locale;

/**
 * The CLI's words in the one language this command line speaks (chosen once: {@code --lang}, else
 * {@code HALAB_LANG}, else the system; see {@link HalabCommand}), and the labels that start an
 * error or warning line ({@code ERROR ...} / {@code 错误 ...}). Every command prints its errors
 * through {@link #error(Object)}.
 */
final class CliText {
    static final String BUNDLE = "cli";

    private final Locale locale;

    CliText(Locale locale) {
        this.locale = Bundles.supported(locale);
    }

    /** The texts of the command line {@code spec} belongs to (the start language outside {@code halab}). */
    static CliText of(CommandSpec spec) {
        return spec.root().userObject() instanceof HalabCommand halab ? halab.texts() : new CliText(Bundles.startLocale());
    }

    Locale locale() {
        return locale;
    }

    /** A text of the {@code cli} bundle. */
    String cli(String key, Object... args) {
        return text(BUNDLE, key, args);
    }

    String text(String bundle, String key, Object... args) {
        return render(LocalizedText.of(bundle, key, args));
    }

    String render(LocalizedText text) {
        return text.render(locale);
    }

    /** {@code ERROR message}, the label translated. */
    String error(Object message) {
        return cli("label.error") + " " + shown(message);
    }

    /** {@code WARNING message}, the label translated. */
    String warning(Object message) {
        return cli("label.warning") + " " + shown(message);
    }

    String label(Problem.Severity severity) {
        return cli(severity == Problem.Severity.ERROR ? "label.error" : "label.warning");
    }

    private String shown(Object message) {
        return message instanceof LocalizedText text ? render(text) : String.valueOf(message);
    }
}
