package dev.halab.gui.service;

/** The ways to make a front end fail, each reversible by restore. */
public enum ChaosMethod {
    /** Graceful stop of keepalived: it sends priority 0, the backup takes over at once. */
    STOP_KEEPALIVED,
    /** kill -9 of keepalived: silent death, the backup waits the full master-down interval. */
    KILL_KEEPALIVED,
    /** nginx only: the check script lowers the priority. */
    STOP_NGINX,
    /** Link down for a while, coming back by itself. */
    CUT_NETWORK,
    /** The whole host off (local lab). */
    POWER_OFF
}
