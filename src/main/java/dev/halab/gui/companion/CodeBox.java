package dev.halab.gui.companion;

import javafx.scene.control.TextArea;

/** Read-only monospaced text sized to its lines: quoted configuration and commands. */
final class CodeBox extends TextArea {
    CodeBox(String text) {
        super(text);
        setEditable(false);
        setWrapText(false);
        getStyleClass().addAll("mono", "code-box");
        setPrefRowCount(Math.max(1, (int) text.lines().count()));
        setMinHeight(USE_PREF_SIZE);
        setFocusTraversable(false);
    }
}
