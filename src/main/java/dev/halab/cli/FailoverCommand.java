package dev.halab.cli;

import dev.halab.core.failover.ChaosAction;
import dev.halab.core.failover.ChaosRunner;
import dev.halab.core.failover.FailoverException;
import dev.halab.core.failover.FailoverMonitor;
import dev.halab.core.failover.FailoverSession;
import dev.halab.core.failover.PowerSwitch;
import dev.halab.core.failover.FailoverMonitor.MonitorSettings;
import dev.halab.core.failover.FailoverTiming;
import dev.halab.core.failover.Outage;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code halab failover --profile P --node master|backup|HOST --how stop|kill|nginx|net|power [--seconds N]}:
 * fails one front end, watches the VIP move, and prints the measured outage beside the theoretical
 * floor of the method. The node stays failed until {@code halab restore} (a cut network comes back
 * by itself after N seconds).
 */
@Command(name = "failover", mixinStandardHelpOptions = true,
        description = "Fails a front end (stop: graceful keepalived stop; kill: kill -9 of keepalived; nginx: nginx only; "
                + "net: link down for N seconds; power: power off, local lab only), watches the VIP move and prints "
                + "the measured outage beside the theoretical one. Undo with halab restore.")
public final class FailoverCommand extends EngineCommandSupport {

    @Option(names = "--node", required = true, paramLabel = "master|backup|HOST", description = "Which front end to fail.")
    String node;

    @Option(names = "--how", required = true, paramLabel = "stop|kill|nginx|net|power", description = "How to fail it.")
    String how;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "10", description = "net: how long the link stays down (default: ${DEFAULT-VALUE}).")
    long seconds;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation. New host keys are trusted only with --trust-new-host-keys.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        Optional<Topology> loaded = topology();
        if (loaded.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        Topology topology = loaded.get();
        Optional<ChaosAction> action = ChaosAction.parse(how);
        if (action.isEmpty()) {
            err().println(texts().error(texts().text(MonitorCommand.BUNDLE, "cli.badOption", "--how stop|kill|nginx|net|power, not \"" + how + "\"")));
            err().flush();
            return HalabCommand.EXIT_INVALID;
        }
        PowerSwitch power = MonitorCommand.powerSwitch(topology);
        try {
            // A bad node name or an impossible method is refused before connecting.
            FailoverSession.check(topology, node, action.get(), power != null);
        } catch (FailoverException e) {
            err().println(texts().error(e.text()));
            err().flush();
            return HalabCommand.EXIT_INVALID;
        }
        Optional<ShellFactory> shells = shells(topology, yes);
        if (shells.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        ChaosRunner chaos = new ChaosRunner(topology, shells.get(), power);
        try (FailoverMonitor monitor = new FailoverMonitor(topology, shells.get(), MonitorSettings.defaults())) {
            FailoverSession session = new FailoverSession(monitor, chaos);
            monitor.addListener(new MonitorCommand.EventPrinter(out(), false, texts()));
            session.estimateClocks(shells.get());
            monitor.start();
            if (!MonitorCommand.awaitVisible(monitor, Duration.ofSeconds(20), err(), texts())) {
                return HalabCommand.EXIT_FAILED;
            }
            // Let the probe see who serves before the fault.
            monitor.await(s -> topology.instances().stream().allMatch(i -> s.lastProbe(i.vip()).isPresent()), Duration.ofSeconds(3));
            FailoverSession.Fault fault = session.fail(node, action.get(), Duration.ofSeconds(seconds));
            if (fault.vipsHeld().isEmpty()) {
                // The node held no VIP: nothing moves, there is no outage to measure; show that nothing moved.
                monitor.await(s -> false, FailoverTiming.masterDownInterval(topology.vrrp().version(),
                        topology.vrrp().advertInterval(), topology.vrrp().backupPriority()).plusSeconds(1));
                return 0;
            }
            return report(session, fault, FailoverTiming.ceiling(action.get(), topology.vrrp()), out(), err(), texts().locale()) ? 0 : HalabCommand.EXIT_FAILED;
        } catch (FailoverException e) {
            err().println(texts().error(e.text()));
            err().flush();
            return HalabCommand.EXIT_FAILED;
        }
    }

    /**
     * Waits for the monitor's outage measurement of every VIP the failed node held and prints it;
     * false when one did not move within {@code limit}.
     */
    public static boolean report(FailoverSession session, FailoverSession.Fault fault, Duration limit, PrintWriter out, PrintWriter err,
            Locale locale) throws InterruptedException {
        CliText texts = new CliText(locale);
        boolean allMoved = true;
        for (String vip : fault.vipsHeld()) {
            Optional<Outage> outage = session.awaitOutage(fault, vip, limit);
            if (outage.isEmpty()) {
                allMoved = false;
                err.println(texts.error(texts.text(MonitorCommand.BUNDLE, "cli.failover.noMove", limit.toSeconds(), session.monitor().state().summary())));
                continue;
            }
            out.println(summary(fault.host().name(), vip, outage.get(), locale));
        }
        out.flush();
        err.flush();
        return allMoved;
    }

    /** The line the CLI prints for one measured outage, in {@code locale}. */
    public static String summary(String host, String vip, Outage outage, Locale locale) {
        return new CliText(locale).text(MonitorCommand.BUNDLE, "cli.failover.done", host, LocalizedText.of(MonitorCommand.BUNDLE, "how." + outage.method().cliName()),
                vip, outage.text());
    }
}
