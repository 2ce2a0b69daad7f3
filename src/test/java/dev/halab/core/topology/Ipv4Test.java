package dev.halab.core.topology;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one IPv4 model of the program: strict spelling, leading zeros refused with their reason. */
class Ipv4Test {

    @Test
    void fourDecimalOctetsParse() {
        assertThat(Ipv4.of("192.168.224.101")).hasToString("192.168.224.101");
        assertThat(Ipv4.of("0.0.0.0").unsigned()).isZero();
        assertThat(Ipv4.of("255.255.255.255").unsigned()).isEqualTo(0xFFFFFFFFL);
    }

    @Test
    void aLeadingZeroIsAnErrorThatSaysSo() {
        // inet_aton reads 010 as octal 8: accepting it would aim at another machine than the tools do.
        assertThat(Ipv4.problem("192.168.224.010")).contains(Ipv4.Problem.LEADING_ZERO);
        assertThat(Ipv4.problem("192.168.00.1")).contains(Ipv4.Problem.LEADING_ZERO);
        assertThat(Ipv4.parse("192.168.224.010")).isEmpty();
        assertThatThrownBy(() -> Ipv4.of("192.168.224.010"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leading zero");
        assertThat(Ipv4.problem("192.168.224.0")).isEmpty();
    }

    @Test
    void otherBadSpellingsAreMalformedOrOutOfRange() {
        for (String bad : new String[] {"192.168.224", "192.168.224.1.1", "192.168.224.", " 192.168.224.1",
                "192.168.224.+1", "192.168.224.1/24", "a.b.c.d", "", "1234.1.1.1", "192.168.224.-1"}) {
            assertThat(Ipv4.problem(bad)).as(bad).contains(Ipv4.Problem.MALFORMED);
        }
        assertThat(Ipv4.problem(null)).contains(Ipv4.Problem.MALFORMED);
        assertThat(Ipv4.problem("192.168.224.256")).contains(Ipv4.Problem.OCTET_RANGE);
        assertThatThrownBy(() -> Ipv4.of("192.168.224.256")).hasMessageContaining("above 255");
    }

    @Test
    void subnetsNormaliseContainAndOverlap() {
        Ipv4Subnet lab = Ipv4Subnet.of(Ipv4.of("192.168.224.1"), 24);
        assertThat(lab).hasToString("192.168.224.0/24").isEqualTo(Ipv4Subnet.parse("192.168.224.0/24").orElseThrow());
        assertThat(lab.contains(Ipv4.of("192.168.224.150"))).isTrue();
        assertThat(lab.contains(Ipv4.of("192.168.225.1"))).isFalse();
        assertThat(lab.broadcast()).hasToString("192.168.224.255");
        assertThat(lab.overlaps(Ipv4Subnet.parse("192.168.0.0/16").orElseThrow())).isTrue();
        assertThat(lab.overlaps(Ipv4Subnet.parse("192.168.224.128/25").orElseThrow())).isTrue();
        assertThat(lab.overlaps(Ipv4Subnet.parse("192.168.225.0/24").orElseThrow())).isFalse();
        assertThat(Ipv4Subnet.parse("192.168.224.7")).contains(Ipv4Subnet.of(Ipv4.of("192.168.224.7"), 32));
        assertThat(Ipv4Subnet.parse("192.168.224.1/24")).contains(lab);
    }

    @Test
    void badSubnetsAreRefused() {
        assertThat(Ipv4Subnet.parse("192.168.224.0/33")).isEmpty();
        assertThat(Ipv4Subnet.parse("192.168.224.0/024")).isEmpty();
        assertThat(Ipv4Subnet.parse("192.168.224.010/24")).isEmpty();
        assertThat(Ipv4Subnet.parse("192.168.224.0/")).isEmpty();
        assertThatThrownBy(() -> new Ipv4Subnet(Ipv4.of("192.168.224.1"), 24)).hasMessageContaining("192.168.224.0/24");
        assertThatThrownBy(() -> Ipv4.of("10.0.0.0").network(40)).hasMessageContaining("0-32");
    }

    @Test
    void plusMovesWithinIpv4Only() {
        assertThat(Ipv4.of("192.168.224.0").plus(101)).hasToString("192.168.224.101");
        assertThatThrownBy(() -> Ipv4.of("255.255.255.255").plus(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
