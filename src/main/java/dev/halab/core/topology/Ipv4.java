package dev.halab.core.topology;

import java.util.Optional;
import java.util.regex.Pattern;

/** A parsed IPv4 address; parsing is strict (four decimal octets, no leading zeros). */
public record Ipv4(int value) {
    private static final Pattern DOTTED = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    public static Optional<Ipv4> parse(String text) {
        if (text == null || !DOTTED.matcher(text).matches()) {
            return Optional.empty();
        }
        int value = 0;
        for (String part : text.split("\\.")) {
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            value = (value << 8) | octet;
        }
        return Optional.of(new Ipv4(value));
    }

    public static Ipv4 of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 address: " + text));
    }

    public boolean sameSubnet(Ipv4 other, int prefixLength) {
        int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        return (value & mask) == (other.value & mask);
    }

    public Ipv4 network(int prefixLength) {
        int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        return new Ipv4(value & mask);
    }

    @Override
    public String toString() {
        return ((value >>> 24) & 255) + "." + ((value >>> 16) & 255) + "." + ((value >>> 8) & 255) + "." + (value & 255);
    }
}
