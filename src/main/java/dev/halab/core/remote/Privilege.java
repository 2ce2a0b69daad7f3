package dev.halab.core.remote;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.command.Secret;

import java.util.List;

/**
 * How commands marked {@link RemoteCommand#asRoot()} reach root on a host, found once per
 * connection. The sudo password goes through stdin as a {@link Secret} ({@code sudo -S -p ''}),
 * never into argv, so it is neither visible in {@code ps} nor in any log line.
 */
public enum Privilege {
    /** Logged in as root: commands run as they are. */
    ROOT,
    /** sudo without a password ({@code NOPASSWD}): {@code sudo -n --}. */
    SUDO_NO_PASSWORD,
    /**
     * sudo with a password; {@code -k} makes sudo always read it, so the password line can never
     * end up as input of the command itself because sudo had cached credentials.
     */
    SUDO_PASSWORD;

    static final List<Object> SUDO_NO_PASSWORD_PREFIX = List.of("sudo", "-n", "--");
    static final List<Object> SUDO_PASSWORD_PREFIX = List.of("sudo", "-k", "-S", "-p", "", "--");

    /** The command as it must be sent: unchanged, or behind sudo with the password as its stdin. */
    public RemoteCommand wrap(RemoteCommand command, Secret sudoPassword) {
        if (!command.privileged() || this == ROOT) {
            return command;
        }
        if (command.stdin() != null) {
            throw new IllegalArgumentException("a command run through sudo cannot have its own stdin: " + command);
        }
        if (this == SUDO_NO_PASSWORD) {
            return command.prefixedWith(SUDO_NO_PASSWORD_PREFIX, null);
        }
        if (sudoPassword == null) {
            throw new IllegalStateException("sudo needs a password but none was given");
        }
        return command.prefixedWith(SUDO_PASSWORD_PREFIX, sudoPassword.asLine());
    }
}
