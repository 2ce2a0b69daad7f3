package dev.halab.core.remote;

import dev.halab.core.i18n.LocalizedText;

/**
 * A transport failure (cannot connect, authentication refused, host key unknown or changed,
 * timeout), with a user-facing explanation of what to do.
 */
public class RemoteException extends Exception {
    public enum Kind { UNREACHABLE, AUTH_FAILED, HOST_KEY_UNKNOWN, HOST_KEY_CHANGED, SUDO_FAILED, TIMEOUT, IO }

    private final Kind kind;
    private final transient LocalizedText text;

    public RemoteException(Kind kind, LocalizedText text, Throwable cause) {
        super(text.render(java.util.Locale.ENGLISH), cause);
        this.kind = kind;
        this.text = text;
    }

    public Kind kind() {
        return kind;
    }

    public LocalizedText text() {
        return text;
    }
}
