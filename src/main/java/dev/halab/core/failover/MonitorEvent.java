package dev.halab.core.failover;

import dev.halab.core.i18n.LocalizedText;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything the live monitor reports, as typed events. Every event has {@link #receivedAt()}:
 * when the monitor (on the controller) saw it. Events that happen on a host also carry
 * {@code hostTime}: when the host says it happened (notify script / journal / {@code ip monitor}
 * timestamps), so {@code receivedAt - hostTime} is the monitor's lag.
 *
 * <p>Nothing here is guessed: VRRP states come from keepalived's own reports, VIP events from the
 * kernel's address notifications, probe results from real HTTP requests.
 */
public sealed interface MonitorEvent {

    /** Controller time at which the monitor received or produced the event. */
    Instant receivedAt();

    /** Where a state fact came from. */
    enum Source {
        /** The initial look at the host when the channel opened (systemctl, ip addr, last log lines). */
        SNAPSHOT,
        /** A line of the notify script's log, {@code /var/log/halab/vrrp-state.log}. */
        NOTIFY,
        /** keepalived's or systemd's journal line about keepalived. */
        JOURNAL,
        /** The kernel's address notification ({@code ip monitor address}). */
        KERNEL
    }

    /**
     * A VRRP instance on a front end changed state (only sent when it differs from the last known
     * state). {@code priority} is -1 when the source does not say.
     */
    record VrrpStateChanged(Instant hostTime, Instant receivedAt, String host, String instance,
                            VrrpState state, int priority, Source source) implements MonitorEvent {
    }

    /** A VIP was added to a front end's interface. */
    record VipAdded(Instant hostTime, Instant receivedAt, String host, String vip, String interfaceName,
                    Source source) implements MonitorEvent {
    }

    /** A VIP was removed from a front end's interface. */
    record VipRemoved(Instant hostTime, Instant receivedAt, String host, String vip, String interfaceName,
                      Source source) implements MonitorEvent {
    }

    /**
     * The monitor's channel to a front end opened ({@code reachable}) or was lost (no output for
     * a few seconds, connection refused, host off). While unreachable, the node's states are
     * {@link VrrpState#UNKNOWN} and its VIPs are not known.
     */
    record NodeReachability(Instant receivedAt, String host, boolean reachable, LocalizedText detail)
            implements MonitorEvent {
    }

    /**
     * One request of the traffic probe to {@code http://vip:port/}. On success {@code status} is the
     * HTTP status, {@code servedBy} the {@code X-Served-By} header (which nginx), {@code upstream}
     * {@code X-Upstream} (which tomcat); on failure {@code error} says what happened and status is 0.
     */
    record ProbeResult(Instant sentAt, Instant receivedAt, String vip, Duration latency, int status,
                       String servedBy, String upstream, String error) implements MonitorEvent {
        public boolean ok() {
            return error == null && status >= 200 && status < 400;
        }

        /** Why the request failed, for the request stream ("timed out", "refused", "HTTP 502"), or null when it did not. */
        public LocalizedText failure() {
            return ok() ? null : ProbeFailures.explain(vip, status, error);
        }
    }

    /** A service checked over HTTP from the controller changed health (also sent once at start). */
    record ServiceHealth(Instant receivedAt, String host, Service service, boolean up, int status, String error)
            implements MonitorEvent {
    }

    /** Which service a health report is about; keepalived's comes from its own reports, not from a poll. */
    enum Service { NGINX, TOMCAT, KEEPALIVED }

    record AlertRaised(Instant receivedAt, Alert alert) implements MonitorEvent {
    }

    record AlertCleared(Instant receivedAt, Alert alert) implements MonitorEvent {
    }

    /**
     * A chaos action or its undo was applied. {@code hostTime} is the host's clock just before the
     * fault (for power actions, the controller's), the start of any outage measurement.
     */
    record ChaosApplied(Instant hostTime, Instant receivedAt, String host, ChaosAction action, boolean restore,
                        LocalizedText description) implements MonitorEvent {
    }

    /**
     * A failover of one VIP measured by the {@link OutageMeter}: {@code host} is the node that was
     * failed. Every front end shows this, so they never disagree about an outage.
     */
    record OutageMeasured(Instant receivedAt, String vip, String host, Outage outage) implements MonitorEvent {
    }
}
