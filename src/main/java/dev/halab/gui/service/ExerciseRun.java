package dev.halab.gui.service;

import dev.halab.core.exercise.Diagnosis;

import java.time.Duration;

/**
 * One break-it-yourself exercise on the installed lab, run with a monitor session (the GUI's side
 * of the core's {@code ExerciseRunner}). Every call blocks; callers are worker threads.
 */
public interface ExerciseRun {
    /** Plants the mistake and provokes its symptom. */
    void plant() throws ServiceException;

    /** Waits (up to {@code timeout}) for HA Lab's own diagnosis and returns what was seen. */
    Diagnosis diagnose(Duration timeout) throws ServiceException;

    /** Puts HA Lab's files back and waits until the lab is healthy; false when it did not become healthy in time. */
    boolean repair(Duration timeout) throws ServiceException;
}
