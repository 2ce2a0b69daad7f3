package dev.halab.core.remote;

import dev.halab.core.resources.UserDirs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * HA Lab's own trust store of SSH host keys, in OpenSSH known_hosts syntax ({@code ADDRESS TYPE
 * BASE64}, plain host names, no hashing) so people can read and edit it. It lives in the user's
 * config folder ({@link UserDirs}), not in {@code ~/.ssh}: the tool never changes what plain ssh
 * trusts. Every key type a host offers is recorded on first trust, because sshj may negotiate
 * any of them.
 *
 * <p>The GUI and the command line may write at the same time: every change takes a lock file
 * next to the store (and a lock inside this JVM), re-reads the store, and replaces it atomically.
 * A new store is private to the user (0600 where the system has POSIX modes); a rewrite keeps
 * the file's mode, and a symlinked store is written through to its target.
 */
public final class KnownHosts {
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PRIVATE_FOLDER = PosixFilePermissions.fromString("rwx------");
    /** FileChannel locks belong to the whole JVM: two instances on one file would overlap without this. */
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path file;

    public KnownHosts(Path file) {
        this.file = file;
    }

    /** {@code known_hosts} in the user's HA Lab config folder. */
    public static KnownHosts userDefault() {
        return new KnownHosts(defaultFile());
    }

    public static Path defaultFile() {
        return UserDirs.current().config().resolve("known_hosts");
    }

    public Path file() {
        return file;
    }

    /**
     * The keys recorded for a host ({@link SshTarget#knownHostsKey()}); empty when it is unknown.
     *
     * @throws DamagedEntryException when a line names the host but cannot be read as a trusted
     *                               key: such a host must be refused, never treated as new
     */
    public List<HostKeyFingerprint> keysFor(String hostKey) {
        return keysFor(hostKey, lines());
    }

    private List<HostKeyFingerprint> keysFor(String hostKey, List<String> lines) {
        List<HostKeyFingerprint> keys = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            // "@revoked host ..." and "@cert-authority host ...": markers HA Lab never writes
            boolean marker = fields[0].startsWith("@");
            String hosts = marker ? (fields.length > 1 ? fields[1] : "") : fields[0];
            if (!List.of(hosts.split(",")).contains(hostKey)) {
                continue;
            }
            if (marker || fields.length < 3) {
                throw new DamagedEntryException(file, index + 1, hostKey);
            }
            try {
                keys.add(HostKeyFingerprint.fromBase64(fields[1], fields[2]));
            } catch (IllegalArgumentException malformed) {
                throw new DamagedEntryException(file, index + 1, hostKey);
            }
        }
        return keys;
    }

    /** Records keys for a host, keeping its other recorded keys and every other host's. */
    public void trust(String hostKey, List<HostKeyFingerprint> keys) {
        update(lines -> {
            List<String> changed = new ArrayList<>(lines);
            List<HostKeyFingerprint> known = keysFor(hostKey, lines);
            for (HostKeyFingerprint key : keys) {
                if (!known.contains(key)) {
                    changed.add(hostKey + " " + key.type() + " " + key.base64());
                    known = new ArrayList<>(known);
                    known.add(key);
                }
            }
            return changed;
        });
    }

    /** Forgets every key of a host, damaged lines included; returns how many lines were removed. */
    public int forget(String hostKey) {
        int[] removed = {0};
        update(lines -> {
            List<String> kept = new ArrayList<>();
            for (String line : lines) {
                String[] fields = line.trim().split("\\s+");
                String hosts = fields[0].startsWith("@") && fields.length > 1 ? fields[1] : fields[0];
                if (!line.trim().startsWith("#") && List.of(hosts.split(",")).contains(hostKey)) {
                    removed[0]++;
                } else {
                    kept.add(line);
                }
            }
            return kept;
        });
        return removed[0];
    }

    /** Read, change and replace the store under both locks; nothing is written when nothing changed. */
    private void update(UnaryOperator<List<String>> change) {
        try {
            Path target = writeTarget();
            Path folder = target.getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                setMode(folder, PRIVATE_FOLDER);
            }
            Path lockFile = target.resolveSibling(target.getFileName() + ".lock");
            ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
            jvmLock.lock();
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                List<String> before = readLines(target);
                List<String> after = change.apply(before);
                if (!after.equals(before)) {
                    replace(target, after);
                }
            } finally {
                jvmLock.unlock();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file to replace: the store itself, or what its symlink points at, so the link stays a link. */
    private Path writeTarget() throws IOException {
        Path absolute = file.toAbsolutePath();
        if (Files.isSymbolicLink(absolute)) {
            Path link = Files.readSymbolicLink(absolute);
            Path target = absolute.getParent().resolve(link).normalize();
            return Files.exists(target) ? target.toRealPath() : target;
        }
        return absolute;
    }

    private void replace(Path target, List<String> lines) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp);
        setMode(temp, Files.exists(target) && isPosix(target) ? Files.getPosixFilePermissions(target) : PRIVATE_FILE);
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(text.toString());
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Before anything is written to it; on Windows the per-user profile folder already keeps others out. */
    private static void setMode(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (isPosix(path)) {
            Files.setPosixFilePermissions(path, mode);
        }
    }

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    private List<String> lines() {
        try {
            return readLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path path) throws IOException {
        return Files.isRegularFile(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
    }

    /** A line for the host that cannot be read; the host is refused until the line is fixed or forgotten. */
    public static final class DamagedEntryException extends RuntimeException {
        private final transient Path file;
        private final int line;

        DamagedEntryException(Path file, int line, String hostKey) {
            super(file + " line " + line + " names " + hostKey + " but cannot be read as a trusted key");
            this.file = file;
            this.line = line;
        }

        public Path file() {
            return file;
        }

        public int line() {
            return line;
        }
    }
}
