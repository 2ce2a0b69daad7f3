package dev.halab.core.remote;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.halab.core.resources.UserDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trust store: damaged lines, concurrent writers, file modes, symlinks, and other systems' folders. */
class KnownHostsTest {
    static final String HOST = "192.168.224.101";

    /** A syntactically valid ed25519 public key blob, different for each seed. */
    static HostKeyFingerprint key(int seed) {
        byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
        byte[] blob = new byte[4 + type.length + 4 + 32];
        blob[3] = (byte) type.length;
        System.arraycopy(type, 0, blob, 4, type.length);
        blob[4 + type.length + 3] = 32;
        for (int i = 0; i < 32; i++) {
            blob[blob.length - 32 + i] = (byte) (seed * 31 + i);
        }
        return HostKeyFingerprint.fromBase64("ssh-ed25519", Base64.getEncoder().encodeToString(blob));
    }

    @Test
    void aDamagedLineForAHostRefusesItInsteadOfMakingItUnknown(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("known_hosts");
        HostKeyFingerprint good = key(1);
        for (String damaged : List.of(HOST + " ssh-ed25519 AAAA@@not-base64", HOST + " ssh-ed25519",
                "@revoked " + HOST + " ssh-ed25519 " + good.base64())) {
            Files.writeString(file, damaged + "\n192.168.224.102 ssh-ed25519 " + good.base64() + "\n");
            KnownHosts store = new KnownHosts(file);
            assertThatThrownBy(() -> store.keysFor(HOST)).as(damaged)
                    .isInstanceOfSatisfying(KnownHosts.DamagedEntryException.class, e -> assertThat(e.line()).isEqualTo(1));
            assertThat(store.keysFor("192.168.224.102")).containsExactly(good);
            assertThat(store.forget(HOST)).isEqualTo(1);
            assertThat(store.keysFor(HOST)).isEmpty();
        }
    }

    @Test
    void aNewStoreIsPrivateAndARewriteKeepsTheFileMode(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("config/halab/known_hosts");
        new KnownHosts(file).trust(HOST, List.of(key(1)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");

        new KnownHosts(file).trust("192.168.224.102", List.of(key(2)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new KnownHosts(file).keysFor(HOST)).containsExactly(key(1));
    }

    @Test
    void aSymlinkedStoreStaysASymlink(@TempDir Path tmp) throws IOException {
        Path real = Files.createDirectories(tmp.resolve("dotfiles")).resolve("halab_known_hosts");
        Files.writeString(real, HOST + " ssh-ed25519 " + key(1).base64() + "\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createDirectories(tmp.resolve("config")).resolve("known_hosts");
        Files.createSymbolicLink(link, Path.of("../dotfiles/halab_known_hosts"));

        new KnownHosts(link).trust("192.168.224.102", List.of(key(2)));
        new KnownHosts(link).forget(HOST);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("192.168.224.102 ssh-ed25519 " + key(2).base64() + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-------");
    }

    @Test
    void twoProcessesAndTwoThreadsWritingAtOnceLoseNoEntry(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("known_hosts");
        int perWriter = 40;
        List<Process> processes = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (String writer : List.of("10", "11")) {
            logs.add(tmp.resolve("writer-" + writer + ".log"));
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), KnownHostsWriter.class.getName(),
                    file.toString(), writer, String.valueOf(perWriter))
                    .redirectErrorStream(true).redirectOutput(logs.get(logs.size() - 1).toFile()).start());
        }
        List<Thread> threads = new ArrayList<>();
        for (int writer : List.of(12, 13)) {
            threads.add(new Thread(() -> KnownHostsWriter.write(file, writer, perWriter)));
        }
        // every writer starts on the same signal, so their read-change-replace cycles overlap
        for (Process process : processes) {
            try (OutputStream go = process.getOutputStream()) {
                go.write('\n');
            }
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        for (Process process : processes) {
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("writer ended").isTrue();
            assertThat(process.exitValue()).as(Files.readString(logs.get(processes.indexOf(process)))).isZero();
        }
        KnownHosts store = new KnownHosts(file);
        for (int writer = 10; writer <= 13; writer++) {
            for (int i = 0; i < perWriter; i++) {
                assertThat(store.keysFor(KnownHostsWriter.host(writer, i))).as("writer %d entry %d", writer, i)
                        .containsExactly(key(writer * 1000 + i));
            }
        }
        assertThat(Files.readAllLines(file)).hasSize(4 * perWriter);
    }

    @Test
    void theDefaultStoreWorksInTheWindowsAndMacOsConfigFolders() throws IOException {
        try (FileSystem windows = Jimfs.newFileSystem(Configuration.windows())) {
            Path config = UserDirs.of(windows, "Windows 11", Map.of("APPDATA", "C:\\Users\\li\\AppData\\Roaming"), "C:\\Users\\li").config();
            KnownHosts store = new KnownHosts(config.resolve("known_hosts"));
            store.trust(HOST, List.of(key(1)));
            store.trust(HOST, List.of(key(1), key(2)));
            assertThat(windows.getPath("C:\\Users\\li\\AppData\\Roaming\\halab\\known_hosts")).exists();
            assertThat(new KnownHosts(config.resolve("known_hosts")).keysFor(HOST)).containsExactly(key(1), key(2));
            assertThat(store.forget(HOST)).isEqualTo(2);
        }
        Configuration posixMac = Configuration.osX().toBuilder().setAttributeViews("basic", "owner", "posix").build();
        try (FileSystem mac = Jimfs.newFileSystem(posixMac)) {
            Path config = UserDirs.of(mac, "Mac OS X", Map.of(), "/Users/li").config();
            Files.createDirectories(mac.getPath("/Users/li/Library"));
            KnownHosts store = new KnownHosts(config.resolve("known_hosts"));
            store.trust(HOST, List.of(key(3)));
            Path file = mac.getPath("/Users/li/Library/Application Support/halab/known_hosts");
            assertThat(new KnownHosts(file).keysFor(HOST)).containsExactly(key(3));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }
}
