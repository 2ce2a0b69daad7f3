package dev.halab.gui.install;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One host's column on the install screen: its steps in order and its progress. */
public final class HostProgress {
    private final String host;
    private final ObservableList<StepItem> steps = FXCollections.observableArrayList();
    private final ObjectProperty<StepState> state = new SimpleObjectProperty<>(StepState.PENDING);
    private final DoubleProperty progress = new SimpleDoubleProperty();
    /** How many steps the install plans for this host; steps are listed only as they start. */
    private int expectedSteps;

    public HostProgress(String host) {
        this.host = host;
    }

    public String host() {
        return host;
    }

    public ObservableList<StepItem> steps() {
        return steps;
    }

    public ObjectProperty<StepState> stateProperty() {
        return state;
    }

    void expectSteps(int count) {
        expectedSteps = count;
    }

    /**
     * Finished steps / the host's planned steps (or the steps seen, if more); -1 (indeterminate)
     * while no step is known yet. A host whose first step is done is not shown as complete.
     */
    public DoubleProperty progressProperty() {
        return progress;
    }

    void updateProgress() {
        if (steps.isEmpty()) {
            progress.set(state.get() == StepState.RUNNING ? -1 : 0);
            return;
        }
        long done = steps.stream().filter(s -> s.stateProperty().get().isDone()).count();
        progress.set(state.get().isDone() ? 1 : (double) done / Math.max(expectedSteps, steps.size()));
    }
}
