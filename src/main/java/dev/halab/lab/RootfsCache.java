package dev.halab.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The hosts' shared, read-only root filesystem: a minimal Debian made once with debootstrap and
 * cached outside the repository. Hosts never write into it; each gets an overlay on top.
 *
 * <p>Built into {@code NAME.partial} and renamed only when complete, so an interrupted build is
 * never mistaken for a good one. A marker file records what was asked of debootstrap; a different
 * package set triggers a rebuild.
 */
final class RootfsCache {

    /** Packages every host has from the start: what an Ubuntu server VM has that the lab needs. */
    static final List<String> INCLUDE = List.of("systemd", "systemd-sysv", "dbus", "openssh-server", "iproute2",
            "procps", "psmisc", "curl", "ca-certificates", "python3", "iputils-ping", "sudo");
    private static final String MARKER = ".halab-rootfs";

    private final Path dir;
    private final String codename;
    private final String mirror;

    RootfsCache(Path cacheDir, String codename, String mirror) {
        this.dir = cacheDir.resolve("rootfs-" + codename);
        this.codename = codename;
        this.mirror = mirror;
    }

    /**
     * The rootfs of a Debian release ({@code bullseye}, {@code bookworm}, {@code trixie}) from the
     * Debian mirror this machine's apt uses (or {@code HALAB_DEBIAN_MIRROR}); that mirror serves
     * every release. This machine must be Debian-based: its debootstrap and apt build the caches.
     */
    static RootfsCache of(Path cacheDir, String suite) {
        String codename = AptSources.codename(Files2.read(Path.of("/etc/os-release")))
                .orElseThrow(() -> new LabException(LabMessages.text("prereq.notDebian")));
        String mirror = Optional.ofNullable(System.getenv("HALAB_DEBIAN_MIRROR"))
                .or(() -> AptSources.mirrorFor(codename, AptSources.machineSources()))
                .orElseThrow(() -> new LabException(LabMessages.text("prereq.noMirror", codename)));
        return new RootfsCache(cacheDir, suite, mirror);
    }

    String suite() {
        return codename;
    }

    String mirror() {
        return mirror;
    }

    Path dir() {
        return dir;
    }

    String markerContent() {
        return "debootstrap --variant=minbase --include=" + String.join(",", INCLUDE) + " " + codename + "\n";
    }

    boolean isReady() {
        try {
            return Files.readString(dir.resolve(MARKER)).equals(markerContent());
        } catch (IOException e) {
            return false;
        }
    }

    /** Builds the rootfs unless a complete one with the same package set is cached. */
    void ensure(LabProgress progress) {
        if (isReady()) {
            return;
        }
        progress.step(LabMessages.text("progress.rootfs", dir));
        // The cache holds other releases' setuid programs: only root may reach them.
        Files2.createPrivateDirectories(dir.getParent());
        Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
        Files2.deleteTree(partial);
        SystemCommand.of("debootstrap", "--variant=minbase", "--include=" + String.join(",", INCLUDE),
                        codename, partial.toString(), mirror)
                .timeout(Duration.ofMinutes(30))
                .onLine(progress::detail)
                .check();
        prepareForHosts(partial);
        Files2.write(partial.resolve(MARKER), markerContent());
        Files2.deleteTree(dir);
        try {
            Files.move(partial, dir);
        } catch (IOException e) {
            throw new LabException(LabMessages.text("error.io.move", partial, dir, e.getMessage()), e);
        }
    }

    /**
     * Removes what must differ per host or must not be there at all: the build machine's
     * resolver, the host keys made by openssh-server's postinst (each host makes its own), the
     * machine id, the internet apt source and the downloaded package files and lists.
     */
    private static void prepareForHosts(Path root) {
        try {
            try (var debs = Files.newDirectoryStream(root.resolve("var/cache/apt/archives"), "*.deb")) {
                for (Path deb : debs) {
                    Files.delete(deb);
                }
            }
            try (var keys = Files.newDirectoryStream(root.resolve("etc/ssh"), "ssh_host_*")) {
                for (Path key : keys) {
                    Files.delete(key);
                }
            }
        } catch (IOException e) {
            throw new LabException(LabMessages.text("error.io.rootfs", root, e.getMessage()), e);
        }
        Files2.deleteTree(root.resolve("var/lib/apt/lists"));
        Files2.createDirectories(root.resolve("var/lib/apt/lists/partial"));
        Files2.write(root.resolve("etc/machine-id"), "");
        Files2.write(root.resolve("etc/resolv.conf"), "nameserver 127.0.0.1\n");
        Files2.write(root.resolve("etc/apt/sources.list"), "");
        // Like the tutorial's Ubuntu VMs: root may log in with a password as well as a key.
        Files2.write(root.resolve("etc/ssh/sshd_config.d/halab-lab.conf"),
                "# Written by HA Lab: root logs in with the lab key or the lab password.\n"
                        + "PermitRootLogin yes\nPasswordAuthentication yes\nUseDNS no\n");
    }
}
