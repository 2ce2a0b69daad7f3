package dev.halab.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks for the paths a command writes to, made before anything is done, so a bad path stops the
 * command with a clear line instead of failing after the work (or a fault) is done. HA Lab never
 * writes through a symbolic link: as root that could overwrite any file the link points to.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /** Why {@code file} cannot be written as a new or replaced regular file, or empty if it can. */
    static Optional<String> problemWithFile(Path file, CliText texts) {
        Path absolute = file.toAbsolutePath();
        if (Files.isSymbolicLink(absolute)) {
            return Optional.of(texts.cli("out.symlink", file));
        }
        if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(texts.cli("out.isFolder", file));
        }
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return Optional.of(texts.cli("out.noParent", parent));
        }
        boolean writable = Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) ? Files.isWritable(absolute) : Files.isWritable(parent);
        return writable ? Optional.empty() : Optional.of(texts.cli("out.notWritable", file));
    }

    /** The first symbolic link on the way from {@code base} (included) down to {@code target}, if any. */
    static Optional<Path> firstLinkBelow(Path base, Path target) {
        Path current = base;
        if (Files.isSymbolicLink(current)) {
            return Optional.of(current);
        }
        for (Path part : base.relativize(target)) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                return Optional.of(current);
            }
        }
        return Optional.empty();
    }
}
