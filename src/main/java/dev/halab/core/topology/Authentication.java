package dev.halab.core.topology;

/**
 * VRRPv2 authentication block. The password is the VRRP shared key that keepalived.conf carries
 * in clear text on both nodes; it is configuration, not a login credential.
 */
public record Authentication(String type, String password) {
}
