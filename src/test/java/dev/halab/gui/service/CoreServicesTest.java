package dev.halab.gui.service;

import dev.halab.core.profile.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CoreServicesTest {

    @Test
    void theGuiLoginBecomesCoreCredentialsWithoutLosingTheSecret(@TempDir Path dir) throws Exception {
        var topology = ProfileLoader.load("tutorial");
        Path key = Files.writeString(dir.resolve("k"), "key");
        var core = CoreServices.coreCredentials(topology, new Credentials("deploy", key, null,
                dev.halab.core.command.Secret.of("sudo-pw")));
        assertThat(core.user()).isEqualTo("deploy");
        assertThat(core.identityFiles()).containsExactly(key);
        assertThat(core.passwordForSudo().orElseThrow().reveal()).isEqualTo("sudo-pw");
        assertThat(core.toString()).doesNotContain("sudo-pw");
    }
}
