package dev.halab.core.topology;

import java.util.Optional;

/**
 * A parsed IPv4 address, the one model of IPv4 for the whole program (profiles, pre-flight, the
 * local lab). Parsing is strict: four decimal octets 0-255 separated by dots, nothing else.
 *
 * <p>A leading zero ({@code 192.168.224.010}) is an error, not a spelling of 10: inet_aton, ping
 * and some shells read it as octal (010 is 8), so accepting it would make HA Lab and the tools
 * it drives disagree about which machine is meant. {@link #problem} says which rule was broken.
 */
public record Ipv4(int value) {

    /** Why a text is not an IPv4 address. */
    public enum Problem {
        /** Not four dot-separated decimal numbers (letters, missing parts, spaces, signs...). */
        MALFORMED,
        /** An octet written with a leading zero, e.g. {@code 010}. */
        LEADING_ZERO,
        /** An octet above 255. */
        OCTET_RANGE
    }

    /** The rule {@code text} breaks, or empty if it is an address in the accepted spelling. */
    public static Optional<Problem> problem(String text) {
        if (text == null) {
            return Optional.of(Problem.MALFORMED);
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.of(Problem.MALFORMED);
        }
        Problem found = null;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.of(Problem.MALFORMED);
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                found = Problem.LEADING_ZERO;
            } else if (Integer.parseInt(part) > 255 && found == null) {
                found = Problem.OCTET_RANGE;
            }
        }
        return Optional.ofNullable(found);
    }

    public static Optional<Ipv4> parse(String text) {
        if (problem(text).isPresent()) {
            return Optional.empty();
        }
        int value = 0;
        for (String part : text.split("\\.")) {
            value = (value << 8) | Integer.parseInt(part);
        }
        return Optional.of(new Ipv4(value));
    }

    /** Parses or throws an {@link IllegalArgumentException} that names the broken rule. */
    public static Ipv4 of(String text) {
        Optional<Problem> problem = problem(text);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(switch (problem.get()) {
                case LEADING_ZERO -> "not an IPv4 address: " + text
                        + " (an octet has a leading zero; tools may read it as octal: write it without the zero)";
                case OCTET_RANGE -> "not an IPv4 address: " + text + " (an octet is above 255)";
                case MALFORMED -> "not an IPv4 address: " + text + " (write four numbers 0-255 separated by dots)";
            });
        }
        return parse(text).orElseThrow();
    }

    /** The value as an unsigned number, 0 to 2^32-1. */
    public long unsigned() {
        return value & 0xFFFFFFFFL;
    }

    /** The address {@code offset} places further, e.g. {@code 192.168.224.0 + 101}. */
    public Ipv4 plus(long offset) {
        long sum = unsigned() + offset;
        if (sum < 0 || sum > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(this + " + " + offset + " is outside IPv4");
        }
        return new Ipv4((int) sum);
    }

    public boolean sameSubnet(Ipv4 other, int prefixLength) {
        return network(prefixLength).equals(other.network(prefixLength));
    }

    public Ipv4 network(int prefixLength) {
        return new Ipv4(value & mask(prefixLength));
    }

    /** The netmask of a prefix length as an int, e.g. 24 is 0xFFFFFF00. */
    static int mask(int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length out of range 0-32: " + prefixLength);
        }
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    @Override
    public String toString() {
        return ((value >>> 24) & 255) + "." + ((value >>> 16) & 255) + "." + ((value >>> 8) & 255) + "." + (value & 255);
    }
}
