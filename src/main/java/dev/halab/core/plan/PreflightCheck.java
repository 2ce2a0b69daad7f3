package dev.halab.core.plan;

/**
 * Every check made before an install changes anything. Each result carries one of these, so the
 * wizard and the CLI can name it ({@link #id()}, the title key {@code check.<id>} of the
 * {@code preflight} bundle) and group by it.
 */
public enum PreflightCheck {
    /** The engine logged in over SSH. */
    SSH("ssh"),
    /**
     * HA Lab's record of its changes on the host ({@code Manifest}) can be trusted: intact, or
     * absent with no backup of HA Lab's left behind. Otherwise nothing may be changed there.
     */
    MANIFEST("manifest"),
    /** Commands run as root (directly or through sudo). */
    ROOT("root"),
    /** The host runs a release HA Lab knows ({@code Distros}). */
    RELEASE("os"),
    /** Every package the host's role needs can be installed from its package sources. */
    PACKAGES("packages"),
    /** The profile's interface exists on the front end. */
    INTERFACE("nic"),
    DISK("disk"),
    /** No other machine holds or answers for a VIP. */
    VIP_FREE("vip"),
    /** The package manager is not busy (a warning only: the install waits for its lock). */
    APT("apt"),
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

    public String id() {
        return id;
    }

    /** {@code preflight.multicast}: how the CLI and tests name it. */
    public String stepId() {
        return "preflight." + id;
    }
}
