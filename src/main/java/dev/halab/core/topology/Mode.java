package dev.halab.core.topology;

/** The two high-availability layouts of the tutorial. */
public enum Mode {
    /** One VIP; one front end serves, the other waits. */
    MASTER_BACKUP,
    /** Two VIPs, two VRRP instances; each front end is master of one and backup of the other. */
    DUAL_MASTER
}
