package dev.halab.cli;

import dev.halab.core.failover.ChaosAction;
import dev.halab.core.failover.ChaosResult;
import dev.halab.core.failover.ChaosRunner;
import dev.halab.core.failover.ClusterState;
import dev.halab.core.failover.FailoverException;
import dev.halab.core.failover.FailoverMonitor;
import dev.halab.core.failover.FailoverMonitor.MonitorSettings;
import dev.halab.core.failover.FailoverTiming;
import dev.halab.core.failover.MonitorEvent;
import dev.halab.core.failover.Outage;
import dev.halab.core.i18n.Bundles;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
            err().println(CliText.error(MonitorCommand.text("cli.badOption", "--how stop|kill|nginx|net|power, not \"" + how + "\"")));
            err().flush();
            return HalabCommand.EXIT_INVALID;
        }
        ChaosRunner probeRunner = new ChaosRunner(topology, h -> { throw new IllegalStateException(); },
                MonitorCommand.powerSwitch(topology));
        if (action.get() == ChaosAction.POWER && !probeRunner.canPower()) {
            err().println(CliText.error(LocalizedText.of(MonitorCommand.BUNDLE, "chaos.power.unavailable", node).render(Bundles.uiLocale())));
            err().flush();
            return HalabCommand.EXIT_INVALID;
        }
        try {
            probeRunner.resolveNode(node, null); // a bad node name is refused before connecting
        } catch (FailoverException e) {
            err().println(CliText.error(e.text().render(Bundles.uiLocale())));
            err().flush();
            return HalabCommand.EXIT_INVALID;
        }
        Optional<ShellFactory> shells = shells(topology, yes);
        if (shells.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        ChaosRunner chaos = new ChaosRunner(topology, shells.get(), MonitorCommand.powerSwitch(topology));
        try (FailoverMonitor monitor = new FailoverMonitor(topology, shells.get(), MonitorSettings.defaults())) {
            monitor.addListener(new MonitorCommand.EventPrinter(out(), false));
            monitor.start();
            if (!MonitorCommand.awaitVisible(monitor, Duration.ofSeconds(20), err())) {
                return HalabCommand.EXIT_FAILED;
            }
            // Let the probe see who serves before the fault.
            monitor.await(s -> topology.instances().stream().allMatch(i -> s.lastProbe(i.vip()).isPresent()), Duration.ofSeconds(3));
            Host victim = chaos.resolveNode(node, monitor.state());
            List<VrrpInstance> held = topology.instances().stream()
                    .filter(i -> monitor.state().holders(i.vip()).contains(victim.name())).toList();
            Instant before = Instant.now();
            ChaosResult result = chaos.apply(victim, action.get(), Duration.ofSeconds(seconds));
            monitor.publish(new MonitorEvent.ChaosApplied(result.faultAt(), Instant.now(), victim.name(), action.get(), false,
                    result.description()));
            if (held.isEmpty()) {
                // The node held no VIP: nothing moves, there is no outage to measure.
                Thread.sleep(FailoverTiming.masterDownInterval(topology.vrrp().version(), topology.vrrp().advertInterval(),
                        topology.vrrp().backupPriority()).toMillis() + 1000);
                return 0;
            }
            Duration limit = FailoverTiming.ceiling(action.get(), topology.vrrp());
            boolean allMoved = true;
            for (VrrpInstance instance : held) {
                Optional<ClusterState> moved = monitor.await(s -> {
                    List<String> holders = s.holders(instance.vip());
                    var last = s.lastProbe(instance.vip());
                    return holders.size() == 1 && !holders.contains(victim.name()) && last.isPresent() && last.get().ok()
                            && !victim.nginxHeader().equals(last.get().servedBy());
                }, limit);
                if (moved.isEmpty()) {
                    allMoved = false;
                    err().println(CliText.error(MonitorCommand.text("cli.failover.noMove", limit.toSeconds(), monitor.state().summary())));
                    continue;
                }
                Duration lag = monitor.eventsSince(before).stream()
                        .filter(e -> e instanceof MonitorEvent.VipAdded v && v.vip().equals(instance.vip())
                                && v.source() == MonitorEvent.Source.KERNEL)
                        .findFirst().map(Outage::lagOf).orElse(null);
                Outage outage = Outage.measure(action.get(), result.faultAt(), victim.nginxHeader(),
                        monitor.probesSince(before.minusSeconds(1)).stream().filter(p -> p.vip().equals(instance.vip())).toList(),
                        FailoverTiming.floor(action.get(), topology), lag);
                out().println(MonitorCommand.text("cli.failover.done", victim.name(),
                        LocalizedText.of(MonitorCommand.BUNDLE, "how." + action.get().cliName()), summary(outage)));
            }
            out().flush();
            err().flush();
            return allMoved ? 0 : HalabCommand.EXIT_FAILED;
        } catch (FailoverException e) {
            err().println(CliText.error(e.text().render(Bundles.uiLocale())));
            err().flush();
            return HalabCommand.EXIT_FAILED;
        }
    }

    static String summary(Outage o) {
        String measured = o.measured() == null ? "-" : String.format(Locale.ROOT, "%.3f", o.measured().toNanos() / 1e9);
        String floor = String.format(Locale.ROOT, "%.3f", o.floor().toNanos() / 1e9);
        String lag = o.monitorLag() == null ? "-" : Long.toString(o.monitorLag().toMillis());
        return LocalizedText.of(MonitorCommand.BUNDLE, "outage.summary", measured, floor,
                LocalizedText.of(MonitorCommand.BUNDLE, "how." + o.method().cliName()), o.failedRequests(), lag)
                .render(Bundles.uiLocale());
    }
}
