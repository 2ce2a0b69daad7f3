package dev.halab.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hosts' disks: per host an overlay (the shared read-only rootfs below, the host's own upper
 * folder on top) mounted {@code nosuid,nodev} under the lab's state folder, and what makes each
 * host itself (hostname, host keys, root's key and password, apt source).
 *
 * <p>Everything written into a host's disk is made here, on the controller side (keys by this
 * machine's ssh-keygen into the lab's own folder, the password hash by this machine's openssl),
 * and written with {@link HostFiles}, which never follows a symlink the host planted. No program
 * from a host's disk is run to prepare it.
 */
final class HostDisks {

    private static final String[][] HOST_KEY_TYPES = {{"ed25519"}, {"ecdsa", "-b", "256"}, {"rsa", "-b", "3072"}};
    private static final int MAX_SHADOW_BYTES = 1 << 20;

    private final LabConfig config;
    private final Path hostsDir;

    HostDisks(LabConfig config) {
        this.config = config;
        this.hostsDir = config.stateDir().resolve("hosts");
    }

    Path hostDir(LabHost host) {
        return hostsDir.resolve(host.name());
    }

    Path merged(LabHost host) {
        return hostDir(host).resolve("merged");
    }

    Path consoleLog(LabHost host) {
        return hostDir(host).resolve("console.log");
    }

    /** The lab's own copies of the host's SSH host keys (the host's disk is not trusted for them). */
    private Path keysDir(LabHost host) {
        return hostDir(host).resolve("host-keys");
    }

    /** Private ed25519 key (0600) authorized for root on every host. */
    Path sshPrivateKey() {
        return config.stateDir().resolve("id_ed25519");
    }

    Path knownHostsFile() {
        return config.stateDir().resolve("known_hosts");
    }

    /**
     * Mounts the host's overlay and writes what makes this host itself. Identity (hostname, host
     * keys) is written once per disk; access (authorized key, password, apt source) on every up,
     * so a changed key or password takes effect.
     */
    void prepare(LabHost host, RootfsCache rootfs, boolean fresh, String rootPassword) {
        Path rootfsDir = rootfs.dir();
        Path dir = hostDir(host);
        Path upper = dir.resolve("upper");
        Path work = dir.resolve("work");
        Path identityMarker = identityMarker(host);
        // A disk made on another release's rootfs is not this host any more: start afresh.
        if (fresh || !suiteOnDisk(host).equals(Optional.of(rootfs.suite())) || !Files.isDirectory(keysDir(host))) {
            Files2.deleteTree(upper);
            Files2.deleteTree(work);
            Files2.deleteTree(keysDir(host));
            Files2.deleteIfExists(identityMarker);
        }
        Files2.createPrivateDirectories(dir);
        Files2.createDirectories(upper);
        Files2.createDirectories(work);
        Files2.createDirectories(merged(host));
        SystemCommand.of(LabCommands.mountOverlay(rootfsDir, upper, work, merged(host))).check();

        HostFiles disk = new HostFiles(merged(host));
        if (!Files.exists(identityMarker)) {
            writeIdentity(host, disk);
            // Journals kept on the host's disk: readable after a failed test, even with the lab down.
            disk.folder("var/log/journal", "rwxr-xr-x");
            Files2.write(identityMarker, rootfs.suite() + "\n");
        }
        disk.write("etc/apt/sources.list", LabCommands.aptSource(config, rootfs.suite()), "rw-r--r--");
        disk.folder("root", "rwx------");
        disk.folder("root/.ssh", "rwx------");
        disk.write("root/.ssh/authorized_keys", Files2.read(sshPrivateKey().resolveSibling("id_ed25519.pub")), "rw-------");
        writeRootPassword(rootfsDir, disk, rootPassword);
    }

    private Path identityMarker(LabHost host) {
        return hostDir(host).resolve("identity-written");
    }

    /** The release the host's disk was made from, if it has one. */
    Optional<String> suiteOnDisk(LabHost host) {
        try {
            String suite = Files.readString(identityMarker(host)).strip();
            return suite.isEmpty() ? Optional.empty() : Optional.of(suite);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void writeIdentity(LabHost host, HostFiles disk) {
        disk.write("etc/hostname", host.name() + "\n", "rw-r--r--");
        StringBuilder hostsFile = new StringBuilder("127.0.0.1\tlocalhost\n127.0.1.1\t" + host.name() + "\n");
        for (LabHost other : config.hosts()) {
            hostsFile.append(other.address()).append('\t').append(other.name()).append('\n');
        }
        disk.write("etc/hosts", hostsFile.toString(), "rw-r--r--");
        // A machine-id of its own: with an empty one, systemd-nspawn boots every host with the same id
        // (pre-flight's cloned-VM check found it).
        disk.write("etc/machine-id", java.util.UUID.randomUUID().toString().replace("-", "") + "\n", "r--r--r--");
        Path keys = keysDir(host);
        Files2.deleteTree(keys);
        Files2.createPrivateDirectories(keys);
        for (String[] type : HOST_KEY_TYPES) {
            String name = "ssh_host_" + type[0] + "_key";
            List<String> keygen = new ArrayList<>(List.of("ssh-keygen", "-q", "-N", "", "-C", "root@" + host.name(),
                    "-t", type[0]));
            keygen.addAll(List.of(type).subList(1, type.length));
            keygen.addAll(List.of("-f", keys.resolve(name).toString()));
            SystemCommand.of(keygen).check();
            disk.write("etc/ssh/" + name, Files2.read(keys.resolve(name)), "rw-------");
            disk.write("etc/ssh/" + name + ".pub", Files2.read(keys.resolve(name + ".pub")), "rw-r--r--");
        }
    }

    /**
     * Root's password hash goes into the host's /etc/shadow; the file is the host's own if it is
     * a plain file, else the rootfs's. Group and mode as Debian has them (root:shadow 0640).
     */
    private static void writeRootPassword(Path rootfsDir, HostFiles disk, String password) {
        HostFiles rootfs = new HostFiles(rootfsDir);
        String shadow = disk.readRegular("etc/shadow", MAX_SHADOW_BYTES)
                .or(() -> rootfs.readRegular("etc/shadow", MAX_SHADOW_BYTES))
                .orElseThrow(() -> new LabException(LabMessages.text("error.noShadow", rootfsDir)));
        Optional<Integer> group = rootfs.groupOf("etc/shadow");
        String updated = RootPassword.withRootHash(shadow, RootPassword.hash(password), LocalDate.now());
        disk.write("etc/shadow", updated.getBytes(java.nio.charset.StandardCharsets.UTF_8), "rw-r-----", group);
    }

    /** Public host keys of a host, from the lab's own copies made when its disk was made. */
    List<String> hostPublicKeys(LabHost host) {
        List<String> keys = new ArrayList<>();
        try (var files = Files.newDirectoryStream(keysDir(host), "ssh_host_*_key.pub")) {
            for (Path file : files) {
                keys.add(Files.readString(file).strip());
            }
        } catch (IOException e) {
            throw new LabException(LabMessages.text("error.io.hostKeys", host.name(), e.getMessage()), e);
        }
        keys.sort(null);
        return keys;
    }

    void writeKnownHosts() {
        StringBuilder lines = new StringBuilder();
        for (LabHost host : config.hosts()) {
            for (String key : hostPublicKeys(host)) {
                String[] parts = key.split("\\s+");
                lines.append(host.address()).append(' ').append(parts[0]).append(' ').append(parts[1]).append('\n');
            }
        }
        Files2.write(knownHostsFile(), lines.toString());
    }

    void ensureSshKey() {
        Path key = sshPrivateKey();
        if (Files.isRegularFile(key) && Files.isRegularFile(key.resolveSibling("id_ed25519.pub"))) {
            return;
        }
        Files2.createPrivateDirectories(config.stateDir());
        Files2.deleteIfExists(key);
        Files2.deleteIfExists(key.resolveSibling("id_ed25519.pub"));
        SystemCommand.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "halab-lab", "-f", key.toString()).check();
        Files2.chmod(key, "rw-------");
    }

    boolean isMounted(LabHost host) {
        return isMounted(Files2.read(Path.of("/proc/self/mountinfo")), merged(host));
    }

    /** Unmounts the host's overlay; a mount still busy (a shell cd'ed into it) is detached. */
    void unmount(LabHost host) {
        Path mountPoint = merged(host);
        boolean gone = LabWait.UNMOUNT.until(() -> !isMounted(host)
                || SystemCommand.of("umount", mountPoint.toString()).run().succeeded() && !isMounted(host));
        if (!gone) {
            SystemCommand.of("umount", "--lazy", mountPoint.toString()).check();
        }
    }

    /** True if {@code mountPoint} is a mount point in a /proc/PID/mountinfo text (field 5). */
    static boolean isMounted(String mountinfo, Path mountPoint) {
        return mountOptions(mountinfo, mountPoint).isPresent();
    }

    /** The per-mount options (field 6, e.g. {@code rw,nosuid,nodev,relatime}) of a mount point. */
    static Optional<String> mountOptions(String mountinfo, Path mountPoint) {
        String wanted = mountPoint.toAbsolutePath().normalize().toString();
        for (String line : mountinfo.split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length > 5 && fields[4].replace("\\040", " ").equals(wanted)) {
                return Optional.of(fields[5]);
            }
        }
        return Optional.empty();
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(" + file + " unreadable)";
        }
    }
}
