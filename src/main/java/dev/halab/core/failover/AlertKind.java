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
    MONITOR_TASK_FAILED;

    /** Bundle key prefix, e.g. {@code alert.splitBrain}. */
    public String key() {
        return switch (this) {
            case SPLIT_BRAIN -> "alert.splitBrain";
            case NO_MASTER -> "alert.noMaster";
            case VIP_ON_NON_MASTER -> "alert.vipOnNonMaster";
            case NGINX_DEAD_ON_MASTER -> "alert.nginxDeadOnMaster";
            case MONITOR_TASK_FAILED -> "alert.monitorTask";
        };
    }
}
