package dev.halab.core.topology;

import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 network in CIDR form, e.g. {@code 192.168.224.0/24}: always normalised to its network
 * address, so {@code of(192.168.224.1, 24)} and {@code parse("192.168.224.0/24")} are equal.
 * Addresses follow {@link Ipv4}'s strict spelling; a missing {@code /N} means a single host (/32).
 */
public record Ipv4Subnet(Ipv4 network, int prefixLength) {

    public Ipv4Subnet {
        Objects.requireNonNull(network, "network");
        int mask = Ipv4.mask(prefixLength);
        if ((network.value() & ~mask) != 0) {
            throw new IllegalArgumentException(network + "/" + prefixLength + " has host bits set; the network is "
                    + network.network(prefixLength) + "/" + prefixLength);
        }
    }

    /** The subnet {@code address} belongs to with this prefix length. */
    public static Ipv4Subnet of(Ipv4 address, int prefixLength) {
        return new Ipv4Subnet(address.network(prefixLength), prefixLength);
    }

    /** Parses {@code A.B.C.D/N} or {@code A.B.C.D} (a /32), normalising host bits away. */
    public static Optional<Ipv4Subnet> parse(String cidr) {
        if (cidr == null) {
            return Optional.empty();
        }
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        String length = slash < 0 ? "32" : cidr.substring(slash + 1);
        if (!length.matches("0|[1-9][0-9]?") || Integer.parseInt(length) > 32) {
            return Optional.empty();
        }
        return Ipv4.parse(address).map(a -> of(a, Integer.parseInt(length)));
    }

    public boolean contains(Ipv4 address) {
        return address.network(prefixLength).equals(network);
    }

    /** True when the two subnets share at least one address (one contains the other). */
    public boolean overlaps(Ipv4Subnet other) {
        int shorter = Math.min(prefixLength, other.prefixLength);
        return network.network(shorter).equals(other.network.network(shorter));
    }

    /** The last address of the subnet (the broadcast address for prefixes up to /30). */
    public Ipv4 broadcast() {
        return new Ipv4(network.value() | ~Ipv4.mask(prefixLength));
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
