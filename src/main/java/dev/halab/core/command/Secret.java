package dev.halab.core.command;

import java.util.Arrays;

/**
 * A secret value inside a command (a sudo password, a VRRP key typed by the user). It renders as
 * {@value #MASK} everywhere except in {@link RemoteCommand#renderForExecution()}, so masking is a
 * property of the data, not a filter over log text. {@link #toString()} is masked too.
 */
public final class Secret {
    public static final String MASK = "******";
    private final char[] value;

    private Secret(char[] value) {
        this.value = value.clone();
    }

    public static Secret of(char[] value) {
        return new Secret(value);
    }

    public static Secret of(String value) {
        return new Secret(value.toCharArray());
    }

    /** Only the transport calls this, at the moment bytes go on the wire. */
    public String reveal() {
        return new String(value);
    }

    /** This secret followed by a newline: what {@code sudo -S} reads from stdin. */
    public Secret asLine() {
        char[] line = Arrays.copyOf(value, value.length + 1);
        line[value.length] = '\n';
        Secret secret = new Secret(line);
        Arrays.fill(line, '\0');
        return secret;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    public void wipe() {
        Arrays.fill(value, '\0');
    }

    @Override
    public String toString() {
        return MASK;
    }
}
