package dev.halab.gui.wizard;

import dev.halab.core.i18n.LocalizedText;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Pre-flight of one host: running / passed / failed, each check with its result in the order the
 * engine reported them, and messages not tied to a check (an SSH error before any check ran).
 */
public final class PreflightHost {
    public enum State { RUNNING, PASSED, FAILED }

    private final String host;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.RUNNING);
    private final ObservableList<PreflightCheck> checks = FXCollections.observableArrayList();
    private final ObservableList<LocalizedText> messages = FXCollections.observableArrayList();

    public PreflightHost(String host) {
        this.host = host;
    }

    public String host() {
        return host;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public ObservableList<PreflightCheck> checks() {
        return checks;
    }

    public ObservableList<LocalizedText> messages() {
        return messages;
    }

    /** Adds a check, or replaces the one with the same id (a check is reported once per run). */
    void report(PreflightCheck check) {
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i).id().equals(check.id())) {
                checks.set(i, check);
                return;
            }
        }
        checks.add(check);
    }

    /** True when a check already says this (the engine reports a failed check as a failed step too). */
    boolean explains(LocalizedText text) {
        return checks.stream().anyMatch(c -> text.equals(c.detail()));
    }
}
