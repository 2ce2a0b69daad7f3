package dev.halab.core.command;

import dev.halab.core.remote.Privilege;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivilegeTest {
    private final Secret password = Secret.of("s3cr'et pass");

    @Test
    void rootRunsCommandsAsTheyAre() {
        RemoteCommand command = RemoteCommand.of("systemctl", "start", "nginx").asRoot();
        assertThat(Privilege.ROOT.wrap(command, password)).isSameAs(command);
    }

    @Test
    void sudoGetsThePasswordThroughStdinNeverInArgv() {
        RemoteCommand wrapped = Privilege.SUDO_PASSWORD.wrap(RemoteCommand.of("cat", "/etc/shadow").asRoot(), password);
        assertThat(wrapped.renderForExecution()).isEqualTo("sudo -k -S -p '' -- cat /etc/shadow").doesNotContain("s3cr");
        assertThat(wrapped.stdin().reveal()).isEqualTo("s3cr'et pass\n");
        assertThat(wrapped.display()).isEqualTo("sudo -k -S -p '' -- cat /etc/shadow");
        assertThat(wrapped.stdin().toString()).isEqualTo(Secret.MASK);
    }

    @Test
    void passwordlessSudoNeverFeedsAPassword() {
        RemoteCommand wrapped = Privilege.SUDO_NO_PASSWORD.wrap(RemoteCommand.of("id").asRoot(), password);
        assertThat(wrapped.renderForExecution()).isEqualTo("sudo -n -- id");
        assertThat(wrapped.stdin()).isNull();
    }

    @Test
    void unprivilegedCommandsAreNotWrapped() {
        RemoteCommand command = RemoteCommand.of("uname", "-a");
        assertThat(Privilege.SUDO_PASSWORD.wrap(command, password)).isSameAs(command);
    }

    @Test
    void aSudoCommandCannotCarryItsOwnStdinBecauseThePasswordUsesIt() {
        RemoteCommand withInput = RemoteCommand.of("tee", "/x").withStdin(Secret.of("data")).asRoot();
        assertThatThrownBy(() -> Privilege.SUDO_PASSWORD.wrap(withInput, password)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretsAreMaskedInDisplayAndQuotedForTheShell() {
        RemoteCommand command = RemoteCommand.of("chpasswd-like", "--user", "it's me", Secret.of("p@ss word"));
        assertThat(command.display()).isEqualTo("chpasswd-like --user 'it'\"'\"'s me' ******");
        assertThat(command.renderForExecution()).isEqualTo("chpasswd-like --user 'it'\"'\"'s me' 'p@ss word'");
        assertThat(command.toString()).doesNotContain("p@ss");
    }

    @Test
    void aSecretAsLineEndsWithNewlineAndStaysMasked() {
        Secret line = Secret.of("abc").asLine();
        assertThat(line.reveal()).isEqualTo("abc\n");
        assertThat(line.toString()).isEqualTo(Secret.MASK);
    }
}
