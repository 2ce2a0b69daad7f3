package dev.halab.core.step;

/**
 * When a step runs. Phases run one after the other; inside a phase all hosts work in parallel.
 * The order is the tutorial's dependency order: packages everywhere, then the back ends' tomcat,
 * then the front ends' nginx (which needs the tomcats), keepalived last (it checks nginx).
 */
public enum Phase { PACKAGES, BACKEND, FRONTEND, KEEPALIVED }
