package dev.halab.lab;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteConflictsTest {

    private static final String SUBNET = "192.168.224.0/24";

    @Test
    void aMachineWithOnlyADefaultRouteAndItsLanHasNoConflict() {
        String table = """
                default via 192.0.2.1 dev eth0
                192.0.2.0/24 dev eth0 proto kernel scope link src 192.0.2.2
                local 192.0.2.2 dev eth0 table local proto kernel scope host src 192.0.2.2
                broadcast 192.0.2.255 dev eth0 table local proto kernel scope link src 192.0.2.2
                """;
        assertThat(RouteConflicts.find(table, SUBNET, "halab0")).isEmpty();
    }

    @Test
    void theLabsOwnBlackholeAndBridgeRoutesAreNotConflicts() {
        String table = """
                default via 192.0.2.1 dev eth0
                192.168.224.0/24 dev halab0 proto kernel scope link src 192.168.224.1
                blackhole 192.168.224.0/24 metric 4000
                local 192.168.224.1 dev halab0 table local proto kernel scope host src 192.168.224.1
                broadcast 192.168.224.255 dev halab0 table local proto kernel scope link src 192.168.224.1
                """;
        assertThat(RouteConflicts.find(table, SUBNET, "halab0")).isEmpty();
    }

    @Test
    void anotherInterfaceOnTheSubnetIsAConflict() {
        String table = "192.168.224.0/24 dev ens33 proto kernel scope link src 192.168.224.5\n";
        assertThat(RouteConflicts.find(table, SUBNET, "halab0"))
                .containsExactly("192.168.224.0/24 dev ens33 proto kernel scope link src 192.168.224.5");
    }

    @Test
    void aWiderOrNarrowerOverlappingRouteIsAConflict() {
        String table = """
                192.168.0.0/16 via 10.0.0.1 dev tun0
                192.168.224.128/25 dev docker0
                192.168.225.0/24 dev br1
                """;
        assertThat(RouteConflicts.find(table, SUBNET, "halab0"))
                .containsExactly("192.168.0.0/16 via 10.0.0.1 dev tun0", "192.168.224.128/25 dev docker0");
    }

    @Test
    void aBlackholeWithAnotherMetricIsSomeoneElses() {
        String table = "blackhole 192.168.224.0/24 metric 100\n";
        assertThat(RouteConflicts.find(table, SUBNET, "halab0")).hasSize(1);
    }

    @Test
    void aSingleHostRouteInsideTheSubnetIsAConflict() {
        assertThat(RouteConflicts.find("192.168.224.7 via 192.0.2.1 dev eth0\n", SUBNET, "halab0")).hasSize(1);
    }
}
