package dev.halab.gui.wizard;

import dev.halab.core.i18n.LocalizedText;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Pre-flight outcome of one host: running / passed / failed, and the checks' messages. */
public final class PreflightRow {
    public enum State { RUNNING, PASSED, FAILED }

    private final String host;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.RUNNING);
    private final ObservableList<LocalizedText> messages = FXCollections.observableArrayList();

    public PreflightRow(String host) {
        this.host = host;
    }

    public String host() {
        return host;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public ObservableList<LocalizedText> messages() {
        return messages;
    }
}
