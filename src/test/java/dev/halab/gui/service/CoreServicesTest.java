package dev.halab.gui.service;

import dev.halab.core.profile.ProfileLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CoreServicesTest {

    @Test
    void theGuiLoginBecomesCoreCredentialsWithoutLosingTheSecret() throws Exception {
        var topology = ProfileLoader.load("tutorial");
        var core = CoreServices.coreCredentials(topology, new Credentials("deploy", Path.of("/k"), null,
                dev.halab.core.command.Secret.of("sudo-pw")));
        assertThat(core.user()).isEqualTo("deploy");
        assertThat(core.identityFiles()).containsExactly(Path.of("/k"));
        assertThat(core.passwordForSudo().orElseThrow().reveal()).isEqualTo("sudo-pw");
        assertThat(core.toString()).doesNotContain("sudo-pw");
    }
}
