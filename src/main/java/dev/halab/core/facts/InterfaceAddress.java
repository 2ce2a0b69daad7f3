package dev.halab.core.facts;

/** An IPv4 address on an interface, e.g. {@code eth0 192.168.224.101/24}. */
public record InterfaceAddress(String interfaceName, String address, int prefixLength) {
}
