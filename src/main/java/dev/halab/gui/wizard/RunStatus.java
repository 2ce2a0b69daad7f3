package dev.halab.gui.wizard;

/** Where a wizard run (pre-flight, dry-run plan) stands; any field change makes a finished run stale. */
public enum RunStatus { NOT_RUN, RUNNING, PASSED, FAILED }
