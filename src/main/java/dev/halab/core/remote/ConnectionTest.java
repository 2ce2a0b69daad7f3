package dev.halab.core.remote;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.i18n.LocalizedText;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * "Test connection" for one host, as the wizard offers it before any run: log in (trusting a new
 * host key through the connector's prompt), report the recorded host-key fingerprint, and find the
 * interface that holds the host's own address so the wizard can offer it. Read-only.
 */
public final class ConnectionTest {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    /**
     * @param hostKeys          the keys recorded for the host after the attempt (empty if none was seen)
     * @param interfaceName     the interface holding the host's address, if it could be read
     * @param failure           why the login failed; empty when connected
     */
    public record Outcome(boolean connected, List<HostKeyFingerprint> hostKeys, Optional<String> interfaceName,
                          Optional<LocalizedText> failure) {

        /** The fingerprint to show: ed25519 if the host has one (what sshj negotiates first). */
        public Optional<HostKeyFingerprint> preferredFingerprint() {
            return hostKeys.stream().filter(k -> k.type().contains("ed25519")).findFirst()
                    .or(() -> hostKeys.stream().findFirst());
        }
    }

    private ConnectionTest() {
    }

    public static Outcome run(SshConnector connector, KnownHosts knownHosts, SshTarget target, Credentials credentials,
                              String ownAddress) {
        try (SshjShell shell = connector.connect(target, credentials)) {
            CommandResult listing = shell.run(RemoteCommand.of("ip", "-o", "-4", "addr", "show"), PROBE_TIMEOUT);
            Optional<String> detected = listing.ok()
                    ? Optional.ofNullable(interfaceHolding(listing.stdout(), ownAddress)) : Optional.empty();
            return new Outcome(true, knownHosts.keysFor(target.knownHostsKey()), detected, Optional.empty());
        } catch (RemoteException e) {
            return new Outcome(false, recordedKeys(knownHosts, target), Optional.empty(), Optional.of(e.text()));
        }
    }

    /** A damaged entry has already refused the connection (the error says so); no keys to show. */
    private static List<HostKeyFingerprint> recordedKeys(KnownHosts knownHosts, SshTarget target) {
        try {
            return knownHosts.keysFor(target.knownHostsKey());
        } catch (KnownHosts.DamagedEntryException e) {
            return List.of();
        }
    }

    /** The interface of an {@code ip -o -4 addr show} listing that holds the address, or null. */
    static String interfaceHolding(String ipAddrOutput, String address) {
        for (String line : ipAddrOutput.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            for (int i = 2; i + 1 < fields.length; i++) {
                if ("inet".equals(fields[i]) && fields[i + 1].startsWith(address + "/")) {
                    String name = fields[1];
                    int at = name.indexOf('@');
                    return at > 0 ? name.substring(0, at) : name;
                }
            }
        }
        return null;
    }
}
