package dev.halab.gui.service;

import dev.halab.core.failover.Outage;
import dev.halab.core.i18n.LocalizedText;

import java.time.Duration;
import java.time.Instant;

/** What the live monitor tells the dashboard; the monitor adapter maps core events to these. */
public sealed interface MonitorUpdate {
    Instant at();

    /** keepalived's own state report for one front end and VRRP instance (MASTER, BACKUP, FAULT, STOPPED). */
    record VrrpState(Instant at, String host, String instance, String state) implements MonitorUpdate { }

    /** The VIP arrived on a host ({@code holder}) or left every host ({@code holder} null). */
    record VipHolder(Instant at, String vip, String holder) implements MonitorUpdate { }

    /** One request through a VIP ({@code vip} null = the first one): which nginx and which tomcat answered, or the error. */
    record Probe(Instant at, boolean ok, String nginx, String tomcat, Duration latency, LocalizedText error, String vip)
            implements MonitorUpdate {
        public Probe(Instant at, boolean ok, String nginx, String tomcat, Duration latency, LocalizedText error) {
            this(at, ok, nginx, tomcat, latency, error, null);
        }
    }

    /** A service on a host is up or down (nginx, tomcat, keepalived) or the host is off. */
    record Health(Instant at, String host, String service, boolean up) implements MonitorUpdate { }

    /** An invariant broken (raised) or holding again (cleared): split brain, no master, ... */
    record Alert(Instant at, String code, LocalizedText title, LocalizedText hint, boolean raised)
            implements MonitorUpdate { }

    /**
     * The core's failover session measured the outage of one VIP after {@code host} was failed
     * (the same rule and text as the CLI).
     */
    record FailoverMeasured(Instant at, String vip, String host, Outage outage) implements MonitorUpdate { }

    /** Which front end "master" and "backup" mean right now (the core's rule: who holds the first VIP). */
    record Roles(Instant at, String master, String backup) implements MonitorUpdate { }
}
