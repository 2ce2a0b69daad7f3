package dev.halab.lab;

/** Minimal IPv4 arithmetic for the lab's subnet checks (no DNS, no java.net lookups). */
final class Ipv4 {

    private Ipv4() {
    }

    /** Parses a dotted quad into an unsigned 32-bit value held in a long. */
    static long parse(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    static String format(long value) {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }

    static long mask(int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
        return prefixLength == 0 ? 0 : (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
    }

    /** Network address of {@code address/prefixLength}, e.g. 192.168.224.0 for .1/24. */
    static String network(String address, int prefixLength) {
        return format(parse(address) & mask(prefixLength));
    }

    /** True when the two prefixes share at least one address. */
    static boolean overlaps(String a, int aLength, String b, int bLength) {
        int shorter = Math.min(aLength, bLength);
        long mask = mask(shorter);
        return (parse(a) & mask) == (parse(b) & mask);
    }
}
