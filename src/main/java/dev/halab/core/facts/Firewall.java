package dev.halab.core.facts;

/**
 * The active firewall of a host, if any, and whether it already lets VRRP (IP protocol 112) in.
 * Only these three are recognised; anything else counts as no firewall.
 */
public record Firewall(Kind kind, boolean vrrpOpen) {
    public enum Kind { NONE, UFW, FIREWALLD, NFTABLES }

    public static final Firewall NONE = new Firewall(Kind.NONE, false);

    public boolean active() {
        return kind != Kind.NONE;
    }
}
