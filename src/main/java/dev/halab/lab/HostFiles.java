package dev.halab.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Reads and writes files on a host's disk (its overlay, mounted on this machine) as root, without
 * ever following a symlink: a host's root user may have planted one (say {@code /root/.ssh} pointing
 * at this machine's {@code /root/.ssh}), and following it would let the host choose which of this
 * machine's files the lab overwrites. Every folder on the way must be a real folder (a symlink or a
 * file in its place is removed and replaced by a folder); a file is written beside its target and
 * renamed over it, which replaces a symlink itself instead of writing through it.
 *
 * <p>Only used while the host is powered off, so nothing inside it races these checks.
 */
final class HostFiles {

    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path root;

    HostFiles(Path root) {
        this.root = root;
    }

    /** A real folder at {@code relative} (and every folder above it), with {@code permissions} such as {@code rwx------}. */
    Path folder(String relative, String permissions) {
        Path dir = realFolder(relative);
        Files2.chmod(dir, permissions);
        return dir;
    }

    /** Writes {@code content} to {@code relative}, mode {@code permissions}, owner root:root. */
    void write(String relative, String content, String permissions) {
        write(relative, content.getBytes(StandardCharsets.UTF_8), permissions, Optional.empty());
    }

    /**
     * Writes {@code content} to {@code relative} with {@code permissions}; the group id is
     * {@code gid} if given, else root's.
     */
    void write(String relative, byte[] content, String permissions, Optional<Integer> gid) {
        Path target = root.resolve(relative).normalize();
        requireInside(target);
        Path dir = realFolder(root.relativize(target.getParent()).toString());
        Path temporary = dir.resolve("." + target.getFileName() + ".halab-new");
        try {
            Files.deleteIfExists(temporary); // deletes a symlink itself, never its target
            Files.write(temporary, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(permissions));
            if (Prerequisites.isRoot()) {
                Files.setAttribute(temporary, "unix:uid", 0, NOFOLLOW);
                Files.setAttribute(temporary, "unix:gid", gid.orElse(0), NOFOLLOW);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LabException(LabMessages.text("error.io.write", target, e.getMessage()), e);
        }
    }

    /**
     * The content of {@code relative} if it is a regular file (not a symlink) of at most
     * {@code maxBytes}; empty otherwise.
     */
    Optional<String> readRegular(String relative, int maxBytes) {
        Path file = root.resolve(relative).normalize();
        requireInside(file);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, NOFOLLOW);
            if (!attributes.isRegularFile() || attributes.size() > maxBytes || !realFolderChain(file.getParent())) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(new String(in.readNBytes(maxBytes), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The numeric group of {@code relative} if it is a regular file. */
    Optional<Integer> groupOf(String relative) {
        try {
            Path file = root.resolve(relative).normalize();
            if (!Files.isRegularFile(file, NOFOLLOW) || !realFolderChain(file.getParent())) {
                return Optional.empty();
            }
            return Optional.of((Integer) Files.getAttribute(file, "unix:gid", NOFOLLOW));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Path realFolder(String relative) {
        Path dir = root;
        for (Path part : Path.of(relative).normalize()) {
            if (part.toString().isEmpty()) {
                continue;
            }
            dir = dir.resolve(part);
            requireInside(dir);
            try {
                if (Files.exists(dir, NOFOLLOW) && !Files.isDirectory(dir, NOFOLLOW)) {
                    Files.delete(dir); // a symlink or file where a folder belongs: the link itself goes
                }
                if (!Files.exists(dir, NOFOLLOW)) {
                    Files.createDirectory(dir);
                    Files2.chmod(dir, "rwxr-xr-x");
                }
            } catch (IOException e) {
                throw new LabException(LabMessages.text("error.io.create", dir, e.getMessage()), e);
            }
        }
        return dir;
    }

    private boolean realFolderChain(Path dir) {
        for (Path d = dir; d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
            if (!Files.isDirectory(d, NOFOLLOW)) {
                return false;
            }
        }
        return true;
    }

    private void requireInside(Path path) {
        if (!path.normalize().startsWith(root) || path.normalize().equals(root)) {
            throw new LabException(LabMessages.text("error.outsideDisk", path));
        }
    }
}
