package dev.halab.cli;

import dev.halab.core.remote.HostKeyFingerprint;
import dev.halab.core.remote.SshTarget;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --yes} skips confirmations only; a new host key is trusted only with {@code --trust-new-host-keys}. */
class HostKeyTrustOptionTest {
    private static final SshTarget TARGET = SshTarget.of("nginx1", "192.168.224.101");
    private static final List<HostKeyFingerprint> KEYS = List.of(HostKeyFingerprint.fromBase64("ssh-ed25519",
            Base64.getEncoder().encodeToString(new byte[] {0, 0, 0, 11, 's', 's', 'h', '-', 'e', 'd', '2', '5', '5', '1', '9',
                    0, 0, 0, 32, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
                    26, 27, 28, 29, 30, 31, 32})));

    private static boolean trustsNewKey(String... args) {
        InstallCommand install = new InstallCommand();
        new CommandLine(install).parseArgs(args);
        // no console under the test runner: nobody can answer, so only the option may trust
        return install.login.hostKeyPrompt(new PrintWriter(new StringWriter())).trustNewHost(TARGET, KEYS);
    }

    @Test
    void yesAloneDoesNotTrustANewHostKey() {
        assertThat(trustsNewKey("--profile", "tutorial", "--yes")).isFalse();
    }

    @Test
    void trustNewHostKeysDoes() {
        assertThat(trustsNewKey("--profile", "tutorial", "--yes", "--trust-new-host-keys")).isTrue();
        assertThat(trustsNewKey("--profile", "tutorial", "--trust-new-host-keys")).isTrue();
    }
}
