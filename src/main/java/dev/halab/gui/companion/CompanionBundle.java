package dev.halab.gui.companion;

import dev.halab.core.i18n.LocalizedText;
import dev.halab.gui.common.Texts;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.Label;

/** Texts of the companion window (bundle "companion") and core texts, following the language of the window shown. */
final class CompanionBundle {
    static final String AREA = "companion";

    private CompanionBundle() {
    }

    static LocalizedText of(String key, Object... args) {
        return LocalizedText.of(AREA, key, args);
    }

    static StringBinding bind(Texts texts, String key, Object... args) {
        return texts.bind(of(key, args));
    }

    static Label label(Texts texts, LocalizedText text, String... styleClasses) {
        Label label = new Label();
        label.textProperty().bind(texts.bind(text));
        label.setWrapText(true);
        label.getStyleClass().addAll(styleClasses);
        return label;
    }
}
