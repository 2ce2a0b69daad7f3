package dev.halab.core.remote;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionTestParsingTest {

    @Test
    void findsTheInterfaceHoldingAnAddress() {
        String listing = """
                1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
                2: eth0@if7    inet 192.168.224.101/24 brd 192.168.224.255 scope global eth0\\       valid_lft forever
                2: eth0@if7    inet 192.168.224.150/32 scope global eth0\\       valid_lft forever
                3: ens33    inet 10.0.0.5/24 scope global ens33
                """;
        assertThat(ConnectionTest.interfaceHolding(listing, "192.168.224.101")).isEqualTo("eth0");
        assertThat(ConnectionTest.interfaceHolding(listing, "10.0.0.5")).isEqualTo("ens33");
        assertThat(ConnectionTest.interfaceHolding(listing, "192.168.224.10")).isNull();
        assertThat(ConnectionTest.interfaceHolding(listing, "192.168.224.1")).as("a prefix of another address").isNull();
    }
}
