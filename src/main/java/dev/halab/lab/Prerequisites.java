package dev.halab.lab;

import dev.halab.core.i18n.LocalizedText;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What this machine must offer before the lab can be built; each missing piece gets its own
 * message naming the fix, all reported at once.
 */
final class Prerequisites {

    /** Tools the lab runs, with the Debian package that provides each. */
    static final Map<String, String> TOOLS = Map.ofEntries(
            Map.entry("systemd-nspawn", "systemd-container"),
            Map.entry("debootstrap", "debootstrap"),
            Map.entry("dpkg-scanpackages", "dpkg-dev"),
            Map.entry("ip", "iproute2"),
            Map.entry("umount", "mount"),
            Map.entry("ssh-keygen", "openssh-client"),
            Map.entry("apt-get", "apt"),
            Map.entry("python3", "python3"),
            Map.entry("unshare", "util-linux"),
            Map.entry("ssh", "openssh-client"),
            Map.entry("openssl", "openssl"),
            Map.entry("nft", "nftables"));
    /** Rootfs (~330 MB while building) + repository (~90 MB) + overlays and headroom. */
    static final long COLD_BYTES = 1_200L * 1024 * 1024;
    /** Overlays after installs (each host grows by its packages) and headroom. */
    static final long WARM_BYTES = 400L * 1024 * 1024;

    private Prerequisites() {
    }

    /** Problems found, as user-facing lines; empty when the lab can be built. */
    static List<LocalizedText> problems(LabConfig config, boolean cachesReady) {
        List<LocalizedText> problems = new ArrayList<>();
        if (!isRoot()) {
            problems.add(LabMessages.text("prereq.notRoot"));
        }
        for (String tool : new java.util.TreeSet<>(TOOLS.keySet())) {
            if (findOnPath(tool) == null) {
                problems.add(LabMessages.text("prereq.missingTool", tool, TOOLS.get(tool)));
            }
        }
        long needed = cachesReady ? WARM_BYTES : COLD_BYTES;
        long free = usableBytes(config.cacheDir());
        if (free >= 0 && free < needed) {
            problems.add(LabMessages.text("prereq.noDiskSpace", config.cacheDir(), free / (1024 * 1024),
                    needed / (1024 * 1024)));
        }
        return problems;
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0"); // effective UID
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    static Path findOnPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        // sbin directories are often missing from a non-login PATH; the tools live there.
        for (String dir : (path + ":/usr/local/sbin:/usr/sbin:/sbin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return Path.of(dir, tool);
            }
        }
        return null;
    }

    /** Free bytes on the file system that holds (or will hold) {@code dir}; -1 if unknown. */
    static long usableBytes(Path dir) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return -1;
        }
        try {
            FileStore store = Files.getFileStore(existing);
            return store.getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
