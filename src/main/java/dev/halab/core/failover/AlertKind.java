package dev.halab.core.failover;

/** The invariants the monitor watches; each names a pitfall and has a hint (bundle "failover"). */
public enum AlertKind {
    /** Two MASTERs for one VRID: VRRP adverts do not reach the other node. */
    SPLIT_BRAIN,
    /** No node is MASTER for an instance although all front ends are visible. */
    NO_MASTER,
    /** A node holds the VIP without being MASTER (e.g. left behind by a killed keepalived). */
    VIP_ON_NON_MASTER,
    /** nginx is dead on the MASTER and the VIP did not move (check script weight too small). */
    NGINX_DEAD_ON_MASTER,
    /** One of the monitor's own scheduled checks threw; it keeps running, but its findings may be missing. */
    MONITOR_TASK_FAILED,
    // keepalived's own complaints (journal), named by KeepalivedComplaints:
    /** Adverts with another auth_pass or auth_type than this node's: keepalived drops them. */
    AUTH_MISMATCH,
    /** The MASTER advertises another set of VIPs (virtual_ipaddress) than this node has. */
    VIP_SET_MISMATCH,
    /** Adverts for a virtual_router_id this node does not have. */
    VRID_MISMATCH,
    /** keepalived refuses or disables the check script: unsafe permissions, owner, not executable, not found. */
    CHECK_SCRIPT_UNSAFE,
    /** The instance's interface is down or missing: the node is in FAULT and cannot hold the VIP. */
    INTERFACE_FAULT,
    /** A MASTER hears adverts with a higher priority than the configured owner's, from a stranger or a misconfigured node. */
    HIGHER_PRIORITY_ADVERT,
    /** keepalived reported errors in its configuration when it (re)loaded it. */
    CONFIG_ERROR;

    /** Bundle key prefix, e.g. {@code alert.splitBrain}. */
    public String key() {
        return switch (this) {
            case SPLIT_BRAIN -> "alert.splitBrain";
            case NO_MASTER -> "alert.noMaster";
            case VIP_ON_NON_MASTER -> "alert.vipOnNonMaster";
            case NGINX_DEAD_ON_MASTER -> "alert.nginxDeadOnMaster";
            case MONITOR_TASK_FAILED -> "alert.monitorTask";
            case AUTH_MISMATCH -> "alert.authMismatch";
            case VIP_SET_MISMATCH -> "alert.vipSetMismatch";
            case VRID_MISMATCH -> "alert.vridMismatch";
            case CHECK_SCRIPT_UNSAFE -> "alert.checkScriptUnsafe";
            case INTERFACE_FAULT -> "alert.interfaceFault";
            case HIGHER_PRIORITY_ADVERT -> "alert.higherPriority";
            case CONFIG_ERROR -> "alert.configError";
        };
    }
}
