package dev.halab.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** File helpers that turn IOExceptions into LabExceptions with the path in the message. */
final class Files2 {

    private Files2() {
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            // Replace, never write through: a symlink in a rootfs may point at the machine's own file.
            Files.deleteIfExists(file);
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new LabException(LabMessages.text("error.io.write", file, e.getMessage()), e);
        }
    }

    /** Writes a /proc/sys value in place (such files cannot be replaced). */
    static void writeSysctl(Path file, String value) {
        try {
            Files.writeString(file, value + "\n");
        } catch (IOException e) {
            throw new LabException(LabMessages.text("error.io.set", file, e.getMessage()), e);
        }
    }

    static void writePrivate(Path file, String content) {
        write(file, content);
        chmod(file, "rw-------");
    }

    static void chmod(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (IOException e) {
            throw new LabException(LabMessages.text("error.io.chmod", path, e.getMessage()), e);
        }
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LabException(LabMessages.text("error.io.create", dir, e.getMessage()), e);
        }
    }

    /** Creates {@code dir} and missing parents; {@code dir} itself ends up 0700 (root only). */
    static void createPrivateDirectories(Path dir) {
        createDirectories(dir);
        chmod(dir, "rwx------");
    }

    static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new LabException(LabMessages.text("error.io.delete", file, e.getMessage()), e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new LabException(LabMessages.text("error.io.read", file, e.getMessage()), e);
        }
    }

    /**
     * Deletes a directory tree without crossing into other file systems: if a lab overlay were
     * still mounted somewhere below, rm stays out of it instead of deleting through the mount.
     */
    static void deleteTree(Path dir) {
        if (!dir.isAbsolute() || dir.normalize().getNameCount() < 2) {
            // Guard against a misconfigured cache or state dir such as "/" or "/var".
            throw new LabException(LabMessages.text("error.refuseDelete", dir));
        }
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        SystemCommand.of("rm", "-rf", "--one-file-system", "--", dir.toString()).check();
    }
}
