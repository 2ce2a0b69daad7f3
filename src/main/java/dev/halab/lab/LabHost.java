package dev.halab.lab;

import dev.halab.core.topology.Ipv4;

import java.util.Objects;

/**
 * One host of the local lab: its name (also its hostname and systemd-nspawn machine name),
 * its IPv4 address on the lab bridge, and the names of the kernel objects the lab makes for it.
 *
 * @param name    host name from the profile, e.g. {@code nginx1}
 * @param address IPv4 address without prefix, e.g. {@code 192.168.224.101}
 */
public record LabHost(String name, String address) {

    /** Prefix of every network namespace the lab creates; cleanup only touches names with it. */
    public static final String NETNS_PREFIX = "halab-";
    /** Prefix of the bridge-side veth ends in the root namespace. */
    public static final String VETH_PREFIX = "hl-";
    /** Linux limits interface names to 15 bytes (IFNAMSIZ - 1). */
    static final int MAX_IFNAME = 15;

    public LabHost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("lab host name must be lower-case letters, digits and '-': " + name);
        }
        if ((VETH_PREFIX + name).length() > MAX_IFNAME) {
            throw new IllegalArgumentException("lab host name too long for an interface name (max "
                    + (MAX_IFNAME - VETH_PREFIX.length()) + " characters): " + name);
        }
        Ipv4.of(address);
    }

    /** Network namespace of this host, under /run/netns. */
    public String netns() {
        return NETNS_PREFIX + name;
    }

    /** Root-namespace end of the host's veth pair; it is a port of the lab bridge. */
    public String bridgePort() {
        return VETH_PREFIX + name;
    }
}
