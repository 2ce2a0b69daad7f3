package dev.halab.core.remote;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.command.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** sshj transport and host-key trust against a real sshd on 127.0.0.1 (see {@link LoopbackSshd}). */
class SshTransportTest {
    /** Generous: a loaded shared build machine can take seconds to fork sshd's session; these tests check behaviour, not speed. */
    private static final Duration BUDGET = Duration.ofSeconds(60);
    private static LoopbackSshd sshd;
    private static Path serverDir;

    @BeforeAll
    static void startSshd() throws Exception {
        assumeTrue(LoopbackSshd.available(), "needs root and /usr/sbin/sshd (openssh-server, see .ci/apt-packages.txt)");
        serverDir = Files.createTempDirectory("halab-sshd");
        sshd = LoopbackSshd.start(serverDir);
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private SshConnector connector(Path store, HostKeyPrompt prompt) {
        return new SshConnector(new KnownHosts(store), prompt, BUDGET);
    }

    private Credentials key() {
        return Credentials.withKey("root", sshd.clientKey);
    }

    @Test
    void aDamagedTrustStoreEntryRefusesTheHostWithoutOfferingToTrustIt(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("known_hosts");
        String damaged = sshd.target().knownHostsKey() + " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5@@cut-off\n";
        Files.writeString(store, damaged);
        List<SshTarget> asked = Collections.synchronizedList(new ArrayList<>());
        HostKeyPrompt wouldTrust = (target, keys) -> asked.add(target);
        assertThatThrownBy(() -> connector(store, wouldTrust).connect(sshd.target(), key()))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteException.Kind.HOST_KEY_CHANGED);
                    assertThat(e.getMessage()).contains("line 1").contains("forget-host");
                });
        assertThat(asked).isEmpty();
        assertThat(Files.readString(store)).isEqualTo(damaged);
    }

    @Test
    void unknownHostKeyIsRefusedUntilTrustedAndEveryKeyTypeIsRecorded(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("known_hosts");
        AtomicReference<List<HostKeyFingerprint>> shown = new AtomicReference<>();
        HostKeyPrompt refuse = (target, keys) -> {
            shown.set(keys);
            return false;
        };
        assertThatThrownBy(() -> connector(store, refuse).connect(sshd.target(), key()))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteException.Kind.HOST_KEY_UNKNOWN);
                    assertThat(e.getMessage()).contains("--trust-new-host-keys").contains("SHA256:");
                });
        assertThat(Files.exists(store)).isFalse();
        List<String> expected = new ArrayList<>();
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            expected.add(LoopbackSshd.fingerprintByOpenSsh(serverDir.resolve("host_" + type + ".pub")));
        }
        assertThat(shown.get()).extracting(HostKeyFingerprint::fingerprint).containsExactlyInAnyOrderElementsOf(expected);

        try (SshjShell shell = connector(store, HostKeyPrompt.TRUST_NEW).connect(sshd.target(), key())) {
            assertThat(shell.privilege()).isEqualTo(Privilege.ROOT);
        }
        assertThat(new KnownHosts(store).keysFor(sshd.target().knownHostsKey())).hasSize(3);
        // Trusted now: a refusing prompt is not asked again.
        try (SshjShell shell = connector(store, HostKeyPrompt.REFUSE).connect(sshd.target(), key())) {
            assertThat(shell.run(RemoteCommand.of("true"), BUDGET).ok()).isTrue();
        }
    }

    @Test
    void changedHostKeyIsRefusedWithHowToForgetIt(@TempDir Path tmp) throws Exception {
        Path other = tmp.resolve("other");
        LoopbackSshd.keygen(other, "ed25519");
        Path store = tmp.resolve("known_hosts");
        String[] fields = Files.readString(tmp.resolve("other.pub")).trim().split("\\s+");
        new KnownHosts(store).trust(sshd.target().knownHostsKey(), List.of(HostKeyFingerprint.fromBase64(fields[0], fields[1])));
        String before = Files.readString(store);

        assertThatThrownBy(() -> connector(store, HostKeyPrompt.TRUST_NEW).connect(sshd.target(), key()))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteException.Kind.HOST_KEY_CHANGED);
                    assertThat(e.getMessage()).contains("CHANGED").contains("halab forget-host " + sshd.target().knownHostsKey());
                    assertThat(e.text().render(Locale.SIMPLIFIED_CHINESE)).contains("已经改变");
                });
        assertThat(Files.readString(store)).isEqualTo(before);
        assertThat(new KnownHosts(store).forget(sshd.target().knownHostsKey())).isEqualTo(1);
    }

    /** stack.md pitfall: with only the RSA key on record, the handshake must still use RSA and pass. */
    @Test
    void aStoreHoldingOnlyTheRsaKeyStillConnects(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("known_hosts");
        String[] rsa = sshd.hostPublicKeys().get(2).split("\\s+");
        new KnownHosts(store).trust(sshd.target().knownHostsKey(), List.of(HostKeyFingerprint.fromBase64(rsa[0], rsa[1])));
        try (SshjShell shell = connector(store, HostKeyPrompt.REFUSE).connect(sshd.target(), key())) {
            assertThat(shell.run(RemoteCommand.of("id", "-u"), BUDGET).stdout().trim()).isEqualTo("0");
        }
    }

    @Test
    void commandsStreamLinesAndUploadsWriteFilesWithTheirMode(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("known_hosts");
        try (SshjShell shell = connector(store, HostKeyPrompt.TRUST_NEW).connect(sshd.target(), key())) {
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            CommandResult result = shell.run(RemoteCommand.shell("echo one; echo two >&2; echo 'it''s three'; exit 3"),
                    BUDGET, (stream, line) -> lines.add(stream + " " + line));
            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.stdout()).isEqualTo("one\nits three\n");
            assertThat(lines).containsExactlyInAnyOrder("STDOUT one", "STDERR two", "STDOUT its three");

            Path target = tmp.resolve("sub dir/file's.conf");
            shell.upload("hello ünïcode\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), target.toString(), 0640);
            assertThat(Files.readString(target)).isEqualTo("hello ünïcode\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");

            // One connection, many commands: no new handshake per command.
            for (int i = 0; i < 3; i++) {
                assertThat(shell.run(RemoteCommand.of("echo", "x" + i), BUDGET).stdout()).isEqualTo("x" + i + "\n");
            }
        }
    }

    @Test
    void aCommandThatOutlivesItsTimeoutFailsWithATimeout(@TempDir Path tmp) throws Exception {
        try (SshjShell shell = connector(tmp.resolve("kh"), HostKeyPrompt.TRUST_NEW).connect(sshd.target(), key())) {
            assertThatThrownBy(() -> shell.run(RemoteCommand.of("sleep", "5"), Duration.ofMillis(500)))
                    .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.TIMEOUT));
        }
    }

    @Test
    void aWrongPasswordIsOneClearError(@TempDir Path tmp) {
        Credentials wrong = Credentials.withPassword("root", Secret.of("not-the-password-" + System.nanoTime()));
        assertThatThrownBy(() -> connector(tmp.resolve("kh"), HostKeyPrompt.TRUST_NEW).connect(sshd.target(), wrong))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteException.Kind.AUTH_FAILED);
                    assertThat(e.getMessage()).contains("refused the SSH login of user root").contains("password")
                            .doesNotContain("not-the-password");
                });
    }

    @Test
    void aPortWithoutSshdIsUnreachable(@TempDir Path tmp) throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> connector(tmp.resolve("kh"), HostKeyPrompt.TRUST_NEW)
                .connect(new SshTarget("nowhere", "127.0.0.1", closed), key()))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteException.Kind.UNREACHABLE);
                    assertThat(e.getMessage()).contains("Cannot reach nowhere at 127.0.0.1:" + closed);
                });
        assertThat(Files.exists(tmp.resolve("kh"))).isFalse();
    }

    /** Issue 11.2: a command that overruns its budget is ended on the host, not only its channel. */
    @Test
    void aCommandThatOverrunsItsBudgetIsEndedOnTheHostToo(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("known_hosts");
        Path pidFile = tmp.resolve("pid");
        try (SshjShell shell = connector(store, HostKeyPrompt.TRUST_NEW).connect(sshd.target(), key())) {
            assertThatThrownBy(() -> shell.run(RemoteCommand.shell("echo $$ > " + pidFile + "; exec sleep 600"), Duration.ofSeconds(3)))
                    .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.TIMEOUT));
        }
        // On a very loaded machine the command may not even have started within its budget: nothing to check then.
        assumeTrue(Files.exists(pidFile) && !Files.readString(pidFile).isBlank(), "the command did not start within its budget");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        var process = ProcessHandle.of(pid);
        try {
            // Waits for the event (the process exits), with a generous bound so that a failure does not hang the build.
            boolean ended = process.isEmpty() || process.get().onExit().handle((h, e) -> true)
                    .completeOnTimeout(false, 60, java.util.concurrent.TimeUnit.SECONDS).get();
            assertThat(ended).as("the remote sleep (pid " + pid + ") was still running 60 s after the timeout").isTrue();
        } finally {
            process.ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * Issue 11.5: a command that floods its output (50 MB in lines, then 50 MB without a line end)
     * is streamed to the listener line by line, but its collected result stays within the bound and
     * says how much was left out.
     */
    @Test
    void aCommandFloodingItsOutputIsCollectedWithinABound(@TempDir Path tmp) throws Exception {
        long bound = BoundedOutput.HEAD_CHARS + BoundedOutput.TAIL_CHARS + 200;
        try (SshjShell shell = connector(tmp.resolve("kh"), HostKeyPrompt.TRUST_NEW).connect(sshd.target(), key())) {
            long[] streamed = new long[1];
            // 5,000,000 lines of "NNNNNNN" + 3 characters = 50 MB.
            CommandResult lines = shell.run(RemoteCommand.shell("seq -f '%07.0f ab' 1 5000000; echo done >&2"), Duration.ofMinutes(5),
                    (stream, line) -> {
                        if (stream == OutputListener.Stream.STDOUT) {
                            streamed[0]++;
                        }
                    });
            assertThat(lines.ok()).isTrue();
            assertThat(streamed[0]).isEqualTo(5_000_000L);
            assertThat((long) lines.stdout().length()).isLessThan(bound);
            assertThat(lines.stdout()).startsWith("0000001 ab\n").endsWith("5000000 ab\n").contains(" lines (").contains(") left out …");
            assertThat(lines.stderr()).isEqualTo("done\n");

            CommandResult endless = shell.run(RemoteCommand.shell("head -c 50000000 /dev/zero | tr '\\0' x"), Duration.ofMinutes(5));
            assertThat(endless.ok()).isTrue();
            assertThat((long) endless.stdout().length()).isLessThan(bound);
            assertThat(endless.stdout()).endsWith("x … " + (50_000_000L - BoundedLineReader.MAX_LINE_CHARS) + " characters left out …\n");
        }
    }

    /**
     * Seen in CI: sshj gives stdout and stderr one receive window, but each stream re-opens it from
     * its own free space. A stderr line read while stdout's buffer was nearly full (a reader slower
     * than the host) let the host send more stdout than that buffer holds: "Attempted overflow", and
     * the connection died. Here the stdout listener is slow on purpose, so stdout backs up while the
     * command writes a stderr line between two floods.
     */
    @Test
    void aStderrLineWhileStdoutIsBackedUpDoesNotOverrunTheConnection(@TempDir Path tmp) throws Exception {
        try (SshjShell shell = connector(tmp.resolve("kh"), HostKeyPrompt.TRUST_NEW).connect(sshd.target(), key())) {
            long[] streamed = new long[2];
            CommandResult result = shell.run(RemoteCommand.shell(
                    "seq -f '%07.0f ab' 1 2000000; echo mark >&2; seq -f '%07.0f cd' 1 2000000"), Duration.ofMinutes(5),
                    (stream, line) -> {
                        if (stream == OutputListener.Stream.STDOUT && ++streamed[0] % 500 == 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // slower than the host sends
                        } else if (stream == OutputListener.Stream.STDERR) {
                            streamed[1]++;
                        }
                    });
            assertThat(result.ok()).as(result.stderr()).isTrue();
            assertThat(streamed[0]).isEqualTo(4_000_000L);
            assertThat(streamed[1]).isEqualTo(1L);
            assertThat(result.stderr()).isEqualTo("mark\n");
            assertThat(result.stdout()).startsWith("0000001 ab\n").endsWith("2000000 cd\n");
        }
    }

    /** Issue 11 fault injection: a command or upload on a connection that is gone is one clear error, not sshj's state error. */
    @Test
    void aConnectionThatIsGoneIsAClearErrorForCommandsAndUploads(@TempDir Path tmp) throws Exception {
        SshjShell shell = connector(tmp.resolve("kh"), HostKeyPrompt.TRUST_NEW).connect(sshd.target(), key());
        assertThat(shell.run(RemoteCommand.of("true"), BUDGET).ok()).isTrue();
        shell.close();
        assertThatThrownBy(() -> shell.run(RemoteCommand.of("true"), BUDGET))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteException.Kind.IO);
                    assertThat(e.getMessage()).isEqualTo("The SSH connection to loopback (127.0.0.1) is gone (cut, closed or the machine "
                            + "went down); nothing more was sent there. Run again: completed steps will be \"nothing to do\".");
                });
        assertThatThrownBy(() -> shell.upload(new byte[] {1}, tmp.resolve("never").toString(), 0600))
                .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.IO));
        assertThat(Files.exists(tmp.resolve("never"))).isFalse();
    }
}
