package dev.halab.core.resources;

import dev.halab.core.i18n.LocalizedText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whether the local lab (systemd-nspawn containers on this machine) can run here, and if not,
 * why, for the wizard to show instead of an option that can only fail: it needs Linux, root and
 * systemd-nspawn. On Windows and macOS students use their VMware VMs instead.
 */
public final class LocalLabAvailability {
    static final String BUNDLE = "platform";
    private static final List<String> TOOL_FOLDERS = List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin");

    private LocalLabAvailability() {
    }

    /** Empty when the local lab can run on this machine, else the reason. */
    public static Optional<LocalizedText> reasonUnavailable() {
        return reasonUnavailable(System.getProperty("os.name", ""), isRoot(),
                tool -> TOOL_FOLDERS.stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, tool))));
    }

    static Optional<LocalizedText> reasonUnavailable(String osName, boolean root, Predicate<String> toolPresent) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (!os.startsWith("linux")) {
            return Optional.of(LocalizedText.of(BUNDLE, "localLab.notLinux", osName));
        }
        if (!root) {
            return Optional.of(LocalizedText.of(BUNDLE, "localLab.notRoot"));
        }
        if (!toolPresent.test("systemd-nspawn")) {
            return Optional.of(LocalizedText.of(BUNDLE, "localLab.noNspawn"));
        }
        return Optional.empty();
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return "0".equals(line.split("\\s+")[2]); // effective UID
                }
            }
        } catch (IOException | RuntimeException e) {
            return false; // not Linux, or no /proc: not root in the sense the lab needs
        }
        return false;
    }
}
