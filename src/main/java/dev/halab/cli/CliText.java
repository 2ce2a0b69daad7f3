package dev.halab.cli;

import dev.halab.core.i18n.Bundles;
import dev.halab.core.topology.Problem;

/**
 * The labels that start a CLI error or warning line ({@code ERROR ...} / {@code 错误 ...}), in the
 * UI language. Every command prints its errors through {@link #error(Object)}.
 */
final class CliText {
    static final String BUNDLE = "cli";

    private CliText() {
    }

    static String text(String key, Object... args) {
        return Bundles.text(BUNDLE, key, args);
    }

    /** {@code ERROR message}, the label translated. */
    static String error(Object message) {
        return text("label.error") + " " + message;
    }

    /** {@code WARNING message}, the label translated. */
    static String warning(Object message) {
        return text("label.warning") + " " + message;
    }

    static String label(Problem.Severity severity) {
        return text(severity == Problem.Severity.ERROR ? "label.error" : "label.warning");
    }
}
