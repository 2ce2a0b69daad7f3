package dev.halab.core.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A command to run on a host, kept as data: argv parts, each either plain text or a {@link Secret}.
 * Rendering quotes every part for a POSIX shell; {@link #display()} masks secrets and is what every
 * event and log line shows. {@code stdin} (optional) is fed to the process and is masked the same way.
 *
 * <p>Shell syntax (pipes, redirections) is expressed with {@link #shell(String)}, which wraps a
 * script as {@code sh -c SCRIPT}; secrets never go into such scripts, only into argv or stdin.
 */
public final class RemoteCommand {
    private final List<Object> parts;
    private final Secret stdin;
    private final boolean privileged;

    private RemoteCommand(List<Object> parts, Secret stdin, boolean privileged) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least a program");
        }
        this.parts = List.copyOf(parts);
        this.stdin = stdin;
        this.privileged = privileged;
    }

    /** A program and its arguments; each argument is quoted when rendered. */
    public static RemoteCommand of(Object... parts) {
        for (Object part : parts) {
            if (!(part instanceof String) && !(part instanceof Secret)) {
                throw new IllegalArgumentException("command parts are String or Secret, got " + part);
            }
        }
        return new RemoteCommand(List.of(parts), null, false);
    }

    public static RemoteCommand of(List<String> parts) {
        return new RemoteCommand(new ArrayList<>(parts), null, false);
    }

    /** A POSIX shell script run as {@code sh -c SCRIPT}: for pipes and redirections. */
    public static RemoteCommand shell(String script) {
        return of("sh", "-c", script);
    }

    /** The same command, marked as needing root (the transport adds sudo when not root). */
    public RemoteCommand asRoot() {
        return new RemoteCommand(parts, stdin, true);
    }

    public RemoteCommand withStdin(Secret input) {
        return new RemoteCommand(parts, input, privileged);
    }

    public boolean privileged() {
        return privileged;
    }

    public Secret stdin() {
        return stdin;
    }

    public List<Object> parts() {
        return parts;
    }

    /** Prefixes other parts (e.g. {@code sudo -S -p '' --}) in front of this command. */
    public RemoteCommand prefixedWith(List<Object> prefix, Secret newStdin) {
        List<Object> all = new ArrayList<>(prefix);
        all.addAll(parts);
        return new RemoteCommand(all, newStdin, false);
    }

    /** The exact command line sent to the host. Only the transport may call this. */
    public String renderForExecution() {
        return parts.stream().map(p -> quote(p instanceof Secret s ? s.reveal() : (String) p))
                .collect(Collectors.joining(" "));
    }

    /** The command line as shown to people and logs: secrets masked. */
    public String display() {
        String line = parts.stream().map(p -> p instanceof Secret ? Secret.MASK : quote((String) p))
                .collect(Collectors.joining(" "));
        return privileged ? "sudo " + line : line;
    }

    /** POSIX shell single-quoting; plain words stay readable. */
    public static String quote(String value) {
        if (!value.isEmpty() && value.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:,+@%".indexOf(c) >= 0)) {
            return value;
        }
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }

    @Override
    public String toString() {
        return display();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RemoteCommand other && display().equals(other.display()) && privileged == other.privileged;
    }

    @Override
    public int hashCode() {
        return Objects.hash(display(), privileged);
    }
}
