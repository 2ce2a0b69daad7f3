package dev.halab.gui.service;

import dev.halab.core.profile.ProfileLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CoreServicesTest {

    @Test
    void findsTheInterfaceHoldingAnAddress() {
        String listing = """
                1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
                2: eth0@if7    inet 192.168.224.101/24 brd 192.168.224.255 scope global eth0\\       valid_lft forever
                2: eth0@if7    inet 192.168.224.150/32 scope global eth0\\       valid_lft forever
                3: ens33    inet 10.0.0.5/24 scope global ens33
                """;
        assertThat(CoreServices.interfaceHolding(listing, "192.168.224.101")).isEqualTo("eth0");
        assertThat(CoreServices.interfaceHolding(listing, "10.0.0.5")).isEqualTo("ens33");
        assertThat(CoreServices.interfaceHolding(listing, "192.168.224.10")).isNull();
    }

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
