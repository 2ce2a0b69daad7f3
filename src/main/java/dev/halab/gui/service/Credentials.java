package dev.halab.gui.service;

import dev.halab.core.command.Secret;

import java.nio.file.Path;

/**
 * How to log in to the hosts, captured on the FX thread from the wizard's fields. Passwords are
 * {@link Secret}s (masked in every string form); nothing here is ever written to disk.
 *
 * @param keyFile      private key file, or null for password login
 * @param password     login password, or null
 * @param sudoPassword sudo password for a non-root user, or null (root, or passwordless sudo)
 */
public record Credentials(String user, Path keyFile, Secret password, Secret sudoPassword) {
    public static Credentials none() {
        return new Credentials("root", null, null, null);
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", keyFile=" + keyFile + ", password=" + (password == null ? "-" : Secret.MASK)
                + ", sudoPassword=" + (sudoPassword == null ? "-" : Secret.MASK) + "]";
    }
}
