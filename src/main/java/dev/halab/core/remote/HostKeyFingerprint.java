package dev.halab.core.remote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A host public key as stored in known_hosts: its type ({@code ssh-ed25519}) and its SSH wire
 * blob. {@link #fingerprint()} is OpenSSH's {@code SHA256:...} form, what {@code ssh-keygen -lf}
 * and sshd's first-connection message show, so people can compare.
 */
public record HostKeyFingerprint(String type, byte[] blob) {

    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(blob);
    }

    public static HostKeyFingerprint fromBase64(String type, String base64) {
        return new HostKeyFingerprint(type, Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII)));
    }

    public boolean sameKey(HostKeyFingerprint other) {
        return type.equals(other.type) && java.util.Arrays.equals(blob, other.blob);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostKeyFingerprint other && sameKey(other);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + java.util.Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return type + " " + fingerprint();
    }
}
