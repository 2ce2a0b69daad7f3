package dev.halab.gui.install;

import dev.halab.core.i18n.LocalizedText;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One step of one host on the install screen: title, state, and what it did or why it failed. */
public final class StepItem {
    private final String host;
    private final String stepId;
    private final ObjectProperty<LocalizedText> title = new SimpleObjectProperty<>();
    private final ObjectProperty<StepState> state = new SimpleObjectProperty<>(StepState.PENDING);
    private final ObjectProperty<LocalizedText> detail = new SimpleObjectProperty<>();

    public StepItem(String host, String stepId, LocalizedText title) {
        this.host = host;
        this.stepId = stepId;
        this.title.set(title);
    }

    public String host() {
        return host;
    }

    public String stepId() {
        return stepId;
    }

    public ObjectProperty<LocalizedText> titleProperty() {
        return title;
    }

    public ObjectProperty<StepState> stateProperty() {
        return state;
    }

    /** What changed, why there was nothing to do, or why it failed. */
    public ObjectProperty<LocalizedText> detailProperty() {
        return detail;
    }
}
