package dev.halab.core.topology;

/** What a machine does in the tutorial's topology. */
public enum Role {
    /** nginx reverse proxy + keepalived, shares the VIP(s) with the other front end. */
    FRONTEND,
    /** tomcat web server behind both front ends. */
    BACKEND
}
