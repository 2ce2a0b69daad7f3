package dev.halab.lab;

/**
 * The lab could not do what was asked. The message is user-facing and localized
 * (from the {@code i18n/lab} bundle) whenever the cause is something the user can fix.
 */
public class LabException extends RuntimeException {

    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
