package dev.halab.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lab's root password: random, made once per lab, kept in a 0600 file of the lab's state
 * (readable by root only), and set on every host by writing its {@code /etc/shadow} from here, so
 * no tool of the host's (such as its {@code chpasswd}) ever runs with this machine's privileges.
 */
final class RootPassword {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 20;

    private final Path file;

    RootPassword(Path stateDir) {
        this.file = stateDir.resolve("root-password");
    }

    Path file() {
        return file;
    }

    /** The password, made and stored on first use. */
    String ensure() {
        Optional<String> stored = read();
        if (stored.isPresent()) {
            return stored.get();
        }
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new LabException(LabMessages.text("error.io.write", file, e.getMessage()), e);
        }
        return password.toString();
    }

    /** The stored password, if the lab has one (only root can read it). */
    Optional<String> read() {
        try {
            if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** SHA-512 crypt hash ({@code $6$...}) of the password; the password goes to openssl on stdin only. */
    static String hash(String password) {
        String hash = SystemCommand.of("openssl", "passwd", "-6", "-stdin").stdin(password + "\n").check().strip();
        if (!hash.startsWith("$6$") || hash.contains(":") || hash.contains("\n")) {
            throw new LabException(LabMessages.text("error.noHash"));
        }
        return hash;
    }

    /**
     * {@code /etc/shadow} text with root's password hash replaced (and its last-change day set),
     * every other line as it was; a missing root line is added first.
     */
    static String withRootHash(String shadow, String hash, LocalDate today) {
        String lastChange = Long.toString(today.toEpochDay());
        List<String> lines = new ArrayList<>();
        boolean found = false;
        for (String line : shadow.split("\n", -1)) {
            if (line.startsWith("root:")) {
                String[] fields = line.split(":", -1);
                if (fields.length >= 3) {
                    fields[1] = hash;
                    fields[2] = lastChange;
                    lines.add(String.join(":", fields));
                    found = true;
                    continue;
                }
            }
            lines.add(line);
        }
        if (!found) {
            lines.add(0, "root:" + hash + ":" + lastChange + ":0:99999:7:::");
        }
        String text = String.join("\n", lines);
        return text.endsWith("\n") ? text : text + "\n";
    }
}
