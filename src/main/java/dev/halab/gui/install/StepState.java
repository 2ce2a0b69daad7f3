package dev.halab.gui.install;

/** A step's state as the install screen shows it, each with its own icon. */
public enum StepState {
    PENDING, RUNNING, CHANGED, UNCHANGED, FAILED, SKIPPED;

    public boolean isDone() {
        return this != PENDING && this != RUNNING;
    }
}
