package dev.halab.core.remote;

import com.hierynomus.sshj.key.KeyAlgorithms;
import dev.halab.core.command.RemoteCommand;
import dev.halab.core.command.Secret;
import dev.halab.core.i18n.LocalizedText;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Opens an authenticated {@link SshjShell} to a host: host key checked against {@link KnownHosts}
 * (trust on first use through a {@link HostKeyPrompt}; a changed key is always refused), then key
 * and/or password authentication, then the sudo check for non-root users. Every failure is a
 * {@link RemoteException} that says what is wrong and what to do.
 *
 * <pre>{@code
 * SshConnector connector = new SshConnector(KnownHosts.userDefault(), HostKeyPrompt.REFUSE, Duration.ofSeconds(10));
 * try (SshjShell shell = connector.connect(SshTarget.of("nginx1", "192.168.224.101"), credentials)) {
 *     shell.run(RemoteCommand.of("systemctl", "is-active", "nginx"), Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class SshConnector {
    private static final String BUNDLE = "install";
    private static final Duration SUDO_CHECK_TIMEOUT = Duration.ofSeconds(15);

    private final KnownHosts knownHosts;
    private final HostKeyPrompt prompt;
    private final Duration connectTimeout;

    public SshConnector(KnownHosts knownHosts, HostKeyPrompt prompt, Duration connectTimeout) {
        this.knownHosts = knownHosts;
        this.prompt = prompt;
        this.connectTimeout = connectTimeout;
    }

    public KnownHosts knownHosts() {
        return knownHosts;
    }

    public SshjShell connect(SshTarget target, Credentials credentials) throws RemoteException {
        List<HostKeyFingerprint> known;
        try {
            known = knownHosts.keysFor(target.knownHostsKey());
        } catch (KnownHosts.DamagedEntryException e) {
            // Never "unknown" (that would offer trust on first use): refused until fixed or forgotten.
            throw new RemoteException(RemoteException.Kind.HOST_KEY_CHANGED, LocalizedText.of(BUNDLE, "remote.hostKeyDamaged",
                    target.name(), target.address(), e.file(), e.line(), target.knownHostsKey()), e);
        }
        RecordingVerifier verifier = new RecordingVerifier(known);
        SSHClient client = new SSHClient(configFor(known));
        client.addHostKeyVerifier(verifier);
        client.setConnectTimeout((int) connectTimeout.toMillis());
        client.getTransport().setTimeoutMs((int) connectTimeout.toMillis());
        try {
            client.connect(target.address(), target.port());
        } catch (TransportException e) {
            closeQuietly(client);
            if (verifier.offered != null && known.isEmpty()) {
                trustOnFirstUse(target, verifier.offered);
                return connect(target, credentials);
            }
            if (verifier.offered != null) {
                throw changedKey(target, known, verifier.offered);
            }
            throw unreachable(target, e);
        } catch (IOException e) {
            closeQuietly(client);
            throw unreachable(target, e);
        }
        try {
            client.auth(credentials.user(), authMethods(client, credentials));
        } catch (UserAuthException e) {
            closeQuietly(client);
            throw new RemoteException(RemoteException.Kind.AUTH_FAILED, LocalizedText.of(BUNDLE, "remote.authFailed",
                    target.name(), target.address(), credentials.user(), describeMethods(credentials)), e);
        } catch (IOException e) {
            closeQuietly(client);
            throw unreachable(target, e);
        }
        Secret sudoPassword = credentials.passwordForSudo().orElse(null);
        Privilege privilege = findPrivilege(target, client, credentials, sudoPassword);
        return new SshjShell(target, client, privilege, sudoPassword);
    }

    /**
     * Offers the key algorithms of key types on record first: sshj would otherwise negotiate, say,
     * ed25519 although only the host's RSA key is trusted, and fail (see stack.md pitfalls).
     */
    static DefaultConfig configFor(List<HostKeyFingerprint> known) {
        DefaultConfig config = new DefaultConfig();
        if (!known.isEmpty()) {
            Set<String> types = known.stream().map(HostKeyFingerprint::type).collect(Collectors.toSet());
            // Reordered, not filtered: the same list also signs the client's own key at login.
            List<Factory.Named<com.hierynomus.sshj.key.KeyAlgorithm>> ordered = new ArrayList<>();
            config.getKeyAlgorithms().stream().filter(a -> types.contains(keyTypeOf(a.getName()))).forEach(ordered::add);
            config.getKeyAlgorithms().stream().filter(a -> !types.contains(keyTypeOf(a.getName()))).forEach(ordered::add);
            config.setKeyAlgorithms(ordered);
        }
        return config;
    }

    /** The key type an algorithm signs with: {@code rsa-sha2-512} uses an {@code ssh-rsa} key. */
    static String keyTypeOf(String algorithm) {
        return algorithm.startsWith("rsa-sha2-") ? "ssh-rsa" : algorithm;
    }

    private Privilege findPrivilege(SshTarget target, SSHClient client, Credentials credentials, Secret sudoPassword)
            throws RemoteException {
        SshjShell probe = new SshjShell(target, client, Privilege.ROOT, null);
        CommandResult uid = probe.run(RemoteCommand.of("id", "-u"), SUDO_CHECK_TIMEOUT);
        if (uid.ok() && "0".equals(uid.stdout().strip())) {
            return Privilege.ROOT;
        }
        if (probe.run(RemoteCommand.of("sudo", "-n", "true"), SUDO_CHECK_TIMEOUT).ok()) {
            return Privilege.SUDO_NO_PASSWORD;
        }
        if (sudoPassword == null) {
            probe.close();
            throw new RemoteException(RemoteException.Kind.SUDO_FAILED, LocalizedText.of(BUNDLE, "remote.sudoNeedsPassword",
                    credentials.user(), target.name()), null);
        }
        CommandResult check = probe.run(Privilege.SUDO_PASSWORD.wrap(RemoteCommand.of("true").asRoot(), sudoPassword),
                SUDO_CHECK_TIMEOUT);
        if (!check.ok()) {
            probe.close();
            String reason = check.stderr().lines().filter(l -> !l.isBlank()).findFirst().orElse("exit " + check.exitCode());
            throw new RemoteException(RemoteException.Kind.SUDO_FAILED, LocalizedText.of(BUNDLE, "remote.sudoFailed",
                    credentials.user(), target.name(), reason), null);
        }
        return Privilege.SUDO_PASSWORD;
    }

    private List<AuthMethod> authMethods(SSHClient client, Credentials credentials) throws RemoteException {
        List<AuthMethod> methods = new ArrayList<>();
        List<Path> keys = new ArrayList<>(credentials.identityFiles());
        if (keys.isEmpty() && credentials.loginPassword() == null) {
            keys.addAll(defaultIdentityFiles());
        }
        for (Path key : keys) {
            try {
                KeyProvider provider = client.loadKeys(key.toString(), credentials.loginPassword() == null ? null
                        : passwordFinder(credentials.loginPassword()));
                provider.getPublic(); // reads the file now, so a bad one is reported by name
                methods.add(new AuthPublickey(provider));
            } catch (IOException e) {
                throw new RemoteException(RemoteException.Kind.AUTH_FAILED,
                        LocalizedText.of(BUNDLE, "remote.keyFile", key, String.valueOf(e.getMessage())), e);
            }
        }
        if (credentials.loginPassword() != null) {
            methods.add(new AuthPassword(passwordFinder(credentials.loginPassword())));
        }
        return methods;
    }

    private static List<Path> defaultIdentityFiles() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        return List.of(ssh.resolve("id_ed25519"), ssh.resolve("id_rsa")).stream().filter(Files::isReadable).toList();
    }

    private static PasswordFinder passwordFinder(Secret password) {
        return new PasswordFinder() {
            @Override
            public char[] reqPassword(Resource<?> resource) {
                return password.reveal().toCharArray();
            }

            @Override
            public boolean shouldRetry(Resource<?> resource) {
                return false;
            }
        };
    }

    private static String describeMethods(Credentials credentials) {
        List<String> parts = new ArrayList<>();
        credentials.identityFiles().forEach(p -> parts.add(p.toString()));
        if (credentials.loginPassword() != null) {
            parts.add("password");
        }
        return parts.isEmpty() ? "~/.ssh/id_ed25519, ~/.ssh/id_rsa" : String.join(", ", parts);
    }

    private void trustOnFirstUse(SshTarget target, HostKeyFingerprint firstSeen) throws RemoteException {
        Set<HostKeyFingerprint> all = new LinkedHashSet<>();
        all.add(firstSeen);
        all.addAll(scanHostKeys(target));
        List<HostKeyFingerprint> keys = List.copyOf(all);
        if (!prompt.trustNewHost(target, keys)) {
            throw new RemoteException(RemoteException.Kind.HOST_KEY_UNKNOWN, LocalizedText.of(BUNDLE, "remote.hostKeyUnknown",
                    target.name(), target.address(), describe(keys), knownHosts.file()), null);
        }
        knownHosts.trust(target.knownHostsKey(), keys);
    }

    /**
     * Every host key the host offers: one handshake per key family, each allowing only that
     * family, cut off at the key check. sshj may later negotiate any of them, so all are recorded.
     */
    List<HostKeyFingerprint> scanHostKeys(SshTarget target) {
        List<List<Factory.Named<com.hierynomus.sshj.key.KeyAlgorithm>>> families = List.of(
                List.of(KeyAlgorithms.EdDSA25519()),
                List.of(KeyAlgorithms.ECDSASHANistp256(), KeyAlgorithms.ECDSASHANistp384(), KeyAlgorithms.ECDSASHANistp521()),
                List.of(KeyAlgorithms.RSASHA512(), KeyAlgorithms.RSASHA256(), KeyAlgorithms.SSHRSA()));
        List<HostKeyFingerprint> keys = new ArrayList<>();
        for (var family : families) {
            DefaultConfig config = new DefaultConfig();
            config.setKeyAlgorithms(family);
            SSHClient client = new SSHClient(config);
            RecordingVerifier recorder = new RecordingVerifier(List.of());
            client.addHostKeyVerifier(recorder);
            client.setConnectTimeout((int) connectTimeout.toMillis());
            try {
                client.connect(target.address(), target.port());
            } catch (IOException expected) {
                // The recorder refuses every key on purpose: the handshake stops right after it.
            } finally {
                closeQuietly(client);
            }
            if (recorder.offered != null) {
                keys.add(recorder.offered);
            }
        }
        return keys;
    }

    private RemoteException changedKey(SshTarget target, List<HostKeyFingerprint> known, HostKeyFingerprint offered) {
        return new RemoteException(RemoteException.Kind.HOST_KEY_CHANGED, LocalizedText.of(BUNDLE, "remote.hostKeyChanged",
                target.name(), target.address(), describe(known), offered.toString(), target.knownHostsKey(),
                knownHosts.file()), null);
    }

    private RemoteException unreachable(SshTarget target, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root instanceof SocketTimeoutException ? "timed out after " + connectTimeout.toSeconds() + " s"
                : root instanceof ConnectException || root instanceof NoRouteToHostException || root instanceof UnknownHostException
                ? root.getMessage() : String.valueOf(root.getMessage());
        RemoteException.Kind kind = root instanceof SocketTimeoutException ? RemoteException.Kind.TIMEOUT : RemoteException.Kind.UNREACHABLE;
        return new RemoteException(kind, LocalizedText.of(BUNDLE, "remote.unreachable", target.name(), target.address(),
                target.port(), reason), e);
    }

    private static String describe(List<HostKeyFingerprint> keys) {
        return keys.stream().map(HostKeyFingerprint::toString).collect(Collectors.joining(", "));
    }

    private static void closeQuietly(SSHClient client) {
        try {
            client.disconnect();
        } catch (IOException ignored) {
            // Nothing left to close.
        }
    }

    static HostKeyFingerprint fingerprintOf(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        return new HostKeyFingerprint(KeyType.fromKey(key).toString(), blob);
    }

    /**
     * Accepts only a key recorded for the host; remembers what the host offered so the caller can
     * tell "unknown" from "changed". Never accepts an unknown key by itself.
     */
    private static final class RecordingVerifier implements HostKeyVerifier {
        private final List<HostKeyFingerprint> known;
        volatile HostKeyFingerprint offered;

        RecordingVerifier(List<HostKeyFingerprint> known) {
            this.known = known;
        }

        @Override
        public boolean verify(String hostname, int port, PublicKey key) {
            HostKeyFingerprint seen = fingerprintOf(key);
            if (known.contains(seen)) {
                return true;
            }
            offered = seen;
            return false;
        }

        /** Makes sshj negotiate a key type that is on record, so a host with several keys matches. */
        @Override
        public List<String> findExistingAlgorithms(String hostname, int port) {
            return known.stream().map(HostKeyFingerprint::type).distinct().toList();
        }
    }
}
