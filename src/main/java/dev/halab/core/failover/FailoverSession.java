package dev.halab.core.failover;

import dev.halab.core.failover.MonitorEvent.OutageMeasured;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.remote.RemoteShell;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One failover session, the same for the CLI and the GUI: it says which front end "master" and
 * "backup" are right now, applies a fault ({@link ChaosRunner}) and publishes it on the monitor,
 * whose {@link OutageMeter} then measures the outage of every VIP the node served by the one rule
 * ({@link Outage#measure}); {@link #awaitOutage} waits for that measurement.
 */
public final class FailoverSession {
    private static final String BUNDLE = "failover";

    private final FailoverMonitor monitor;
    private final ChaosRunner chaos;
    private final Topology topology;

    /**
     * A fault applied by this session.
     *
     * @param host     the front end that was failed
     * @param result   what the chaos action reported (the host's fault time)
     * @param mark     the monitor's event mark before the action was sent ({@link FailoverMonitor#mark()})
     * @param vipsHeld the VIPs the node held at that moment: the ones whose outage is measured
     */
    public record Fault(Host host, ChaosResult result, long mark, List<String> vipsHeld) {
        public Fault {
            vipsHeld = List.copyOf(vipsHeld);
        }
    }

    public FailoverSession(FailoverMonitor monitor, ChaosRunner chaos) {
        this.monitor = monitor;
        this.chaos = chaos;
        this.topology = monitor.topology();
    }

    public FailoverMonitor monitor() {
        return monitor;
    }

    /**
     * Checks a request before anything connects: the node must be master, backup or a front end,
     * and power needs a power switch. Bad input changes nothing.
     */
    public static void check(Topology topology, String node, ChaosAction how, boolean canPower) throws FailoverException {
        resolve(topology, node, null);
        if (how == ChaosAction.POWER && !canPower) {
            throw new FailoverException(LocalizedText.of(BUNDLE, "chaos.power.unavailable", node), null);
        }
    }

    /**
     * The front end meant by {@code master}, {@code backup} or a host name. "master" is the node
     * holding the first instance's VIP right now (if exactly one does), else the only node in
     * MASTER state for it, else the profile's master; "backup" is the other front end. With no
     * state (nothing watched yet) the profile's roles are used.
     */
    public static Host resolve(Topology topology, String node, ClusterState state) throws FailoverException {
        String word = node == null ? "" : node.strip().toLowerCase(Locale.ROOT);
        if (word.equals("master") || word.equals("backup")) {
            Host master = topology.host(currentMaster(topology, state));
            if (word.equals("master")) {
                return master;
            }
            return topology.frontEnds().stream().filter(h -> !h.name().equals(master.name())).findFirst().orElse(master);
        }
        return topology.findHost(node == null ? "" : node.strip()).filter(Host::isFrontEnd)
                .orElseThrow(() -> new FailoverException(LocalizedText.of(BUNDLE, "chaos.unknownNode", node,
                        String.join(", ", topology.frontEnds().stream().map(Host::name).toList())), null));
    }

    private static String currentMaster(Topology topology, ClusterState state) {
        VrrpInstance primary = topology.primaryInstance();
        if (state != null) {
            List<String> holders = state.holders(primary.vip());
            if (holders.size() == 1) {
                return holders.get(0);
            }
            List<String> masters = state.masters(primary.name());
            if (masters.size() == 1) {
                return masters.get(0);
            }
        }
        return primary.master();
    }

    /** The front end {@code node} means now, from the monitor's state. */
    public Host resolve(String node) throws FailoverException {
        return resolve(topology, node, monitor.state());
    }

    /** Fails the front end {@code node} means now and publishes the fault; the outage is measured from here. */
    public Fault fail(String node, ChaosAction how, Duration netCut) throws FailoverException {
        ClusterState before = monitor.state();
        Host victim = resolve(topology, node, before);
        return fail(victim, how, netCut, before);
    }

    /** Fails a given front end (scenarios name their node by its configured role). */
    public Fault fail(Host victim, ChaosAction how, Duration netCut) throws FailoverException {
        return fail(victim, how, netCut, monitor.state());
    }

    private Fault fail(Host victim, ChaosAction how, Duration netCut, ClusterState before) throws FailoverException {
        List<String> held = topology.instances().stream().map(VrrpInstance::vip)
                .filter(vip -> before.holders(vip).contains(victim.name())).toList();
        long mark = monitor.mark();
        ChaosResult result = chaos.apply(victim, how, netCut);
        monitor.publish(new MonitorEvent.ChaosApplied(result.faultAt(), Instant.now(), victim.name(), how, false,
                result.description()));
        return new Fault(victim, result, mark, held);
    }

    /** Undoes every fault on the front end {@code node} means and publishes it. */
    public ChaosResult restore(Host host) throws FailoverException {
        ChaosResult result = chaos.restore(host);
        monitor.publish(new MonitorEvent.ChaosApplied(result.faultAt(), Instant.now(), host.name(), result.action(), true,
                result.description()));
        return result;
    }

    /** Waits for the outage of one VIP after a fault, as the monitor measured it. */
    public Optional<Outage> awaitOutage(Fault fault, String vip, Duration timeout) throws InterruptedException {
        return monitor.awaitEvent(fault.mark(), e -> e instanceof OutageMeasured o && o.vip().equals(vip)
                        && o.host().equals(fault.host().name()), timeout)
                .map(e -> ((OutageMeasured) e).outage());
    }

    /**
     * Estimates each front end's clock offset ({@link ClockOffset}) so outages are measured on one
     * clock. A host that cannot be read keeps offset zero (and its outage shows no uncertainty).
     */
    public void estimateClocks(ShellFactory shells) {
        for (Host host : topology.frontEnds()) {
            try (RemoteShell shell = shells.open(host)) {
                monitor.clockOffset(host.name(), ClockOffset.estimate(shell, Instant::now));
            } catch (RemoteException | RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(FailoverSession.class).warn("clock of {} not estimated", host.name(), e);
            }
        }
    }
}
