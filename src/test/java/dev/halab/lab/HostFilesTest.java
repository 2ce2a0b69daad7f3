package dev.halab.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Writing into a host's disk never follows a symlink the host planted; the password line is rewritten alone. */
class HostFilesTest {

    @TempDir
    Path tmp;

    @Test
    void aSymlinkedFileIsReplacedNotWrittenThrough() throws Exception {
        Path disk = Files.createDirectories(tmp.resolve("merged"));
        Path machineFile = Files.writeString(tmp.resolve("machine-file"), "precious\n");
        Files.createDirectories(disk.resolve("etc/apt"));
        Files.createSymbolicLink(disk.resolve("etc/apt/sources.list"), machineFile);

        new HostFiles(disk).write("etc/apt/sources.list", "deb lab\n", "rw-r--r--");

        assertThat(machineFile).hasContent("precious");
        assertThat(Files.isSymbolicLink(disk.resolve("etc/apt/sources.list"))).isFalse();
        assertThat(disk.resolve("etc/apt/sources.list")).hasContent("deb lab");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(disk.resolve("etc/apt/sources.list"))))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void aSymlinkedFolderOnTheWayIsReplacedByARealFolder() throws Exception {
        Path disk = Files.createDirectories(tmp.resolve("merged"));
        Path machineDir = Files.createDirectories(tmp.resolve("machine-ssh"));
        Files.createDirectories(disk.resolve("root"));
        Files.createSymbolicLink(disk.resolve("root/.ssh"), machineDir);

        HostFiles files = new HostFiles(disk);
        files.folder("root/.ssh", "rwx------");
        files.write("root/.ssh/authorized_keys", "ssh-ed25519 AAAA lab\n", "rw-------");

        try (var listing = Files.list(machineDir)) {
            assertThat(listing).isEmpty();
        }
        assertThat(Files.isDirectory(disk.resolve("root/.ssh"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(disk.resolve("root/.ssh/authorized_keys")).hasContent("ssh-ed25519 AAAA lab");
    }

    @Test
    void readingRefusesSymlinksAndOversizedFiles() throws Exception {
        Path disk = Files.createDirectories(tmp.resolve("merged/etc")).getParent();
        Files.writeString(tmp.resolve("machine-shadow"), "root:secret-of-the-machine:1::::::\n");
        Files.createSymbolicLink(disk.resolve("etc/shadow"), tmp.resolve("machine-shadow"));
        Files.writeString(disk.resolve("etc/big"), "x".repeat(100));
        HostFiles files = new HostFiles(disk);
        assertThat(files.readRegular("etc/shadow", 1 << 20)).isEmpty();
        assertThat(files.readRegular("etc/big", 10)).isEmpty();
        assertThat(files.readRegular("etc/big", 100)).contains("x".repeat(100));
    }

    @Test
    void onlyRootsPasswordFieldAndLastChangeAreRewritten() {
        String shadow = "root:*:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\nstudent:$6$x$y:19001:0:99999:7:::\n";
        String updated = RootPassword.withRootHash(shadow, "$6$salt$hash", LocalDate.ofEpochDay(20000));
        assertThat(updated).isEqualTo("root:$6$salt$hash:20000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n"
                + "student:$6$x$y:19001:0:99999:7:::\n");
        assertThat(RootPassword.withRootHash("daemon:*:1:0:99999:7:::\n", "$6$s$h", LocalDate.ofEpochDay(5)))
                .startsWith("root:$6$s$h:5:0:99999:7:::\ndaemon:");
    }

    @Test
    void thePasswordIsRandomKeptOwnerOnlyAndStable() throws Exception {
        RootPassword first = new RootPassword(tmp);
        String password = first.ensure();
        assertThat(password).hasSize(20).matches("[A-Za-z0-9]+").isNotEqualTo("halab");
        assertThat(new RootPassword(tmp).ensure()).isEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file()))).isEqualTo("rw-------");
        assertThat(new RootPassword(Files.createDirectories(tmp.resolve("other"))).ensure()).isNotEqualTo(password);
    }
}
