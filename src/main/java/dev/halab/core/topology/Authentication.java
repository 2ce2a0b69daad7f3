package dev.halab.core.topology;

/**
 * VRRPv2 authentication block. The password is the VRRP shared key that keepalived.conf carries
 * in clear text on both nodes; it is configuration, not a login credential.
 */
public record Authentication(String type, String password) {
    /** What a report or a shared copy shows in place of the key. */
    public static final String MASK = "******";

    /** The same block with the key replaced: for anything that leaves the hosts (reports, their zip). */
    public Authentication masked() {
        return new Authentication(type, password == null ? null : MASK);
    }
}
