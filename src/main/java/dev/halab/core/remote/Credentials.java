package dev.halab.core.remote;

import dev.halab.core.command.Secret;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to log in to the hosts: a user, private key files (OpenSSH ed25519 / RSA), an SSH password
 * and a sudo password. Passwords stay {@link Secret}s; they come from options, the environment or
 * a prompt, never from a profile. A null password means "not given".
 *
 * @param sudoPassword used when the user is not root and sudo asks for one; the login password
 *                     is tried when this is null
 */
public record Credentials(String user, List<Path> identityFiles, Secret loginPassword, Secret sudoPassword) {

    public Credentials {
        identityFiles = List.copyOf(identityFiles);
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a login user is required");
        }
    }

    public static Credentials withKey(String user, Path identityFile) {
        return new Credentials(user, List.of(identityFile), null, null);
    }

    public static Credentials withPassword(String user, Secret password) {
        return new Credentials(user, List.of(), password, null);
    }

    /** The password sudo gets: the sudo password, else the login password. */
    public Optional<Secret> passwordForSudo() {
        return Optional.ofNullable(sudoPassword != null ? sudoPassword : loginPassword);
    }

    public boolean isRoot() {
        return "root".equals(user);
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", identityFiles=" + identityFiles
                + ", loginPassword=" + (loginPassword == null ? "none" : Secret.MASK)
                + ", sudoPassword=" + (sudoPassword == null ? "none" : Secret.MASK) + "]";
    }
}
