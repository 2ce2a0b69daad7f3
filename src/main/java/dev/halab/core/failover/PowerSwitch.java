package dev.halab.core.failover;

/**
 * Turns a machine's power off and on. The local lab implements it (core does not depend on the
 * lab); for real VMs there is none, and the power action is refused with an explanation.
 */
public interface PowerSwitch {
    /** Blocks until the host is off, or until it is booted (not necessarily SSH-ready). */
    void power(String hostName, boolean on) throws Exception;
}
