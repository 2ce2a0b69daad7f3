package dev.halab.core.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * HA Lab's own trust store of SSH host keys, in OpenSSH known_hosts syntax ({@code ADDRESS TYPE
 * BASE64}, plain host names, no hashing) so people can read and edit it. It lives under the
 * user's config folder, not in {@code ~/.ssh}: the tool never changes what plain ssh trusts.
 * Every key type a host offers is recorded on first trust, because sshj may negotiate any of them.
 */
public final class KnownHosts {
    private final Path file;

    public KnownHosts(Path file) {
        this.file = file;
    }

    /** {@code $XDG_CONFIG_HOME/halab/known_hosts}, else {@code ~/.config/halab/known_hosts}. */
    public static KnownHosts userDefault() {
        return new KnownHosts(defaultFile());
    }

    public static Path defaultFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("halab").resolve("known_hosts");
    }

    public Path file() {
        return file;
    }

    /** The keys recorded for a host ({@link SshTarget#knownHostsKey()}); empty when it is unknown. */
    public synchronized List<HostKeyFingerprint> keysFor(String hostKey) {
        List<HostKeyFingerprint> keys = new ArrayList<>();
        for (String line : lines()) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 3 || fields[0].startsWith("#")) {
                continue;
            }
            for (String name : fields[0].split(",")) {
                if (name.equals(hostKey)) {
                    try {
                        keys.add(HostKeyFingerprint.fromBase64(fields[1], fields[2]));
                    } catch (IllegalArgumentException malformed) {
                        // A damaged line must not make a host look trusted; it is skipped.
                    }
                }
            }
        }
        return keys;
    }

    /** Records keys for a host, keeping its other recorded keys. */
    public synchronized void trust(String hostKey, List<HostKeyFingerprint> keys) {
        List<String> lines = new ArrayList<>(lines());
        List<HostKeyFingerprint> known = keysFor(hostKey);
        for (HostKeyFingerprint key : keys) {
            if (!known.contains(key)) {
                lines.add(hostKey + " " + key.type() + " " + key.base64());
            }
        }
        write(lines);
    }

    /** Forgets every key of a host; returns how many were removed. */
    public synchronized int forget(String hostKey) {
        List<String> kept = new ArrayList<>();
        int removed = 0;
        for (String line : lines()) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 3 && !fields[0].startsWith("#") && List.of(fields[0].split(",")).contains(hostKey)) {
                removed++;
            } else {
                kept.add(line);
            }
        }
        if (removed > 0) {
            write(kept);
        }
        return removed;
    }

    private List<String> lines() {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(List<String> lines) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
