package dev.halab.core.resources;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where HA Lab keeps per-user files, in each system's usual place: its configuration (the SSH
 * trust store) and its log files.
 * <ul>
 *   <li>Windows: {@code %APPDATA%\halab} and {@code %LOCALAPPDATA%\halab\logs}</li>
 *   <li>macOS: {@code ~/Library/Application Support/halab} and {@code ~/Library/Logs/halab}</li>
 *   <li>Linux and other Unix: {@code $XDG_CONFIG_HOME/halab} (else {@code ~/.config/halab}) and
 *       {@code $XDG_STATE_HOME/halab} (else {@code ~/.local/state/halab})</li>
 * </ul>
 * The system, environment and file system are parameters so every variant is testable anywhere.
 */
public record UserDirs(Path config, Path logs) {
    static final String APP = "halab";

    /** The running user's folders. */
    public static UserDirs current() {
        return of(FileSystems.getDefault(), System.getProperty("os.name", ""), System.getenv(),
                System.getProperty("user.home"));
    }

    public static UserDirs of(FileSystem fs, String osName, Map<String, String> env, String userHome) {
        Path home = fs.getPath(userHome);
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = absolute(fs, env.get("APPDATA")).orElse(home.resolve("AppData").resolve("Roaming"));
            Path local = absolute(fs, env.get("LOCALAPPDATA")).orElse(home.resolve("AppData").resolve("Local"));
            return new UserDirs(roaming.resolve(APP), local.resolve(APP).resolve("logs"));
        }
        if (os.startsWith("mac")) {
            Path library = home.resolve("Library");
            return new UserDirs(library.resolve("Application Support").resolve(APP), library.resolve("Logs").resolve(APP));
        }
        // XDG base directories: a relative value is invalid and must be ignored.
        Path config = absolute(fs, env.get("XDG_CONFIG_HOME")).orElse(home.resolve(".config"));
        Path state = absolute(fs, env.get("XDG_STATE_HOME")).orElse(home.resolve(".local").resolve("state"));
        return new UserDirs(config.resolve(APP), state.resolve(APP));
    }

    private static Optional<Path> absolute(FileSystem fs, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = fs.getPath(value);
        return path.isAbsolute() ? Optional.of(path) : Optional.empty();
    }
}
