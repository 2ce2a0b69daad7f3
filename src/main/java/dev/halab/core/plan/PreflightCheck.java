package dev.halab.core.plan;

/**
 * Every check made before an install changes anything. Each result carries one of these, so the
 * wizard and the CLI can name it ({@link #stepId()}) and group by it.
 */
public enum PreflightCheck {
    /** Commands run as root (directly or through sudo). */
    ROOT("root"),
    /** The host runs a release HA Lab knows ({@code Distros}). */
    RELEASE("release"),
    /** Every package the host's role needs can be installed from its package sources. */
    PACKAGES("packages"),
    /** The profile's interface exists on the front end. */
    INTERFACE("interface"),
    DISK("disk"),
    /** No other machine holds or answers for a VIP. */
    VIP_FREE("vipFree"),
    /** No two hosts share a machine-id, a MAC address or an SSH host key (cloned VMs). */
    CLONES("clones"),
    /** This computer reaches the hosts' subnet, and each VIP lies in it. */
    CONTROLLER("controller"),
    /** VRRP adverts from each front end reach the other (multicast to 224.0.0.18, or unicast). */
    MULTICAST("multicast"),
    /** No other router on the segment speaks VRRP with one of the profile's VRIDs. */
    VRID("vrid");

    private final String id;

    PreflightCheck(String id) {
        this.id = id;
    }

    /** {@code preflight.multicast}: the step id of its events. */
    public String stepId() {
        return "preflight." + id;
    }
}
