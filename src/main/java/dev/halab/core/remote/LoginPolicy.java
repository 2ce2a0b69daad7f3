package dev.halab.core.remote;

import dev.halab.core.command.Secret;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which login and which trust store of host keys a run uses: one rule for the CLI and the GUI.
 * <ol>
 *   <li>Key files or a password the user gave are used as given (user {@code root} unless named).</li>
 *   <li>A local-lab profile with nothing given logs in with the lab's own key. The lab must be up
 *       (its key readable); otherwise the run stops with an error saying so. It never falls back
 *       to the user's own keys, which the lab's hosts do not know.</li>
 *   <li>Any other profile with nothing given uses the user's default keys
 *       ({@code ~/.ssh/id_ed25519}, {@code ~/.ssh/id_rsa}), as ssh does; with none there is
 *       nothing to log in with, and the error says what to give ({@link Kind#NOTHING_TO_LOG_IN_WITH},
 *       on which the CLI asks for a password).</li>
 * </ol>
 * Host keys: a file named by the user, else the lab's known_hosts for a local-lab profile (written
 * by each {@code lab up}), else the user's store.
 */
public final class LoginPolicy {
    static final String BUNDLE = "login";

    private LoginPolicy() {
    }

    public enum Kind { LAB_NOT_UP, LAB_UNKNOWN, NOTHING_TO_LOG_IN_WITH, UNREADABLE_KEY }

    /** Why no login could be decided; nothing was tried on any host. */
    public static final class LoginException extends Exception {
        private final Kind kind;
        private final transient LocalizedText text;

        public LoginException(Kind kind, LocalizedText text) {
            super(kind.name());
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

    /**
     * What the user gave: a login name (null or blank = root), key files, passwords (null = not given).
     */
    public record Given(String user, List<Path> keys, Secret password, Secret sudoPassword) {
        public Given {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }

        boolean nothing() {
            return keys.isEmpty() && password == null;
        }

        String userOrRoot() {
            return user == null || user.isBlank() ? "root" : user.trim();
        }
    }

    /** The local lab's login files, as the lab reports them. */
    public record LabLogin(Path privateKey, Path knownHosts) {
    }

    /** Finds the local lab's login files; says why when the lab's own profile cannot be read. */
    @FunctionalInterface
    public interface LabLocator {
        LabLogin locate() throws LoginException;
    }

    /** The local-lab profiles are the ones with a {@code lab} section. */
    public static boolean isLocalLab(Topology topology) {
        return topology != null && topology.lab() != null;
    }

    /**
     * The credentials for a run.
     *
     * @param sshDir the user's {@code ~/.ssh} (for the default keys)
     */
    public static Credentials credentials(Topology topology, Given given, LabLocator lab, Path sshDir)
            throws LoginException {
        for (Path key : given.keys()) {
            if (!Files.isReadable(key)) {
                throw new LoginException(Kind.UNREADABLE_KEY, text("login.keyUnreadable", key));
            }
        }
        if (!given.nothing()) {
            return new Credentials(given.userOrRoot(), given.keys(), given.password(), given.sudoPassword());
        }
        if (isLocalLab(topology)) {
            Path key = lab.locate().privateKey();
            if (!Files.isReadable(key)) {
                throw new LoginException(Kind.LAB_NOT_UP, text("login.labNotUp", key));
            }
            return new Credentials(given.userOrRoot(), List.of(key), null, given.sudoPassword());
        }
        List<Path> defaults = defaultKeys(sshDir);
        if (defaults.isEmpty()) {
            throw new LoginException(Kind.NOTHING_TO_LOG_IN_WITH, text("login.nothing", sshDir.resolve("id_ed25519"),
                    sshDir.resolve("id_rsa")));
        }
        return new Credentials(given.userOrRoot(), defaults, null, given.sudoPassword());
    }

    /** The user's default keys that exist, in the order ssh tries them. */
    public static List<Path> defaultKeys(Path sshDir) {
        return List.of(sshDir.resolve("id_ed25519"), sshDir.resolve("id_rsa")).stream().filter(Files::isReadable).toList();
    }

    /** The user's {@code ~/.ssh}. */
    public static Path userSshDir() {
        return Path.of(System.getProperty("user.home"), ".ssh");
    }

    /**
     * The trust store for a run.
     *
     * @param explicit a file the user named, or null
     */
    public static KnownHosts knownHosts(Topology topology, Path explicit, LabLocator lab) throws LoginException {
        if (explicit != null) {
            return new KnownHosts(explicit);
        }
        if (isLocalLab(topology)) {
            return new KnownHosts(lab.locate().knownHosts());
        }
        return KnownHosts.userDefault();
    }

    static LocalizedText text(String key, Object... args) {
        return LocalizedText.of(BUNDLE, key, args);
    }
}
