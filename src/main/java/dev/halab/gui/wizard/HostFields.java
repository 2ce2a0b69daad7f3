package dev.halab.gui.wizard;

import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Role;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One machine row of the wizard: its fixed name and role, the address typed, the optional VMware
 * {@code .vmx} file (the power switch), the connection test's outcome.
 */
public final class HostFields {
    public enum TestState { NOT_TESTED, TESTING, OK, FAILED }

    private final String name;
    private final Role role;
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty vmx = new SimpleStringProperty("");
    private final ObjectProperty<TestState> testState = new SimpleObjectProperty<>(TestState.NOT_TESTED);
    private final ObjectProperty<LocalizedText> testMessage = new SimpleObjectProperty<>();
    private final StringProperty fingerprint = new SimpleStringProperty();
    private final BooleanProperty selected = new SimpleBooleanProperty();

    public HostFields(String name, Role role) {
        this.name = name;
        this.role = role;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public StringProperty addressProperty() {
        return address;
    }

    /** The VMware {@code .vmx} file of this machine on this computer; blank when there is no power switch. */
    public StringProperty vmxProperty() {
        return vmx;
    }

    public ObjectProperty<TestState> testStateProperty() {
        return testState;
    }

    public ObjectProperty<LocalizedText> testMessageProperty() {
        return testMessage;
    }

    public StringProperty fingerprintProperty() {
        return fingerprint;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }
}
