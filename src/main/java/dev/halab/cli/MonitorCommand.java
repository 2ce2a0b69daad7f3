package dev.halab.cli;

import dev.halab.core.failover.FailoverMonitor;
import dev.halab.core.failover.FailoverMonitor.MonitorSettings;
import dev.halab.core.failover.MonitorEvent;
import dev.halab.core.failover.MonitorListener;
import dev.halab.core.failover.Outage;
import dev.halab.core.failover.PowerSwitch;
import dev.halab.core.failover.TrafficProbe;
import dev.halab.core.failover.VrrpState;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;
import dev.halab.core.vmware.VmrunPowerSwitch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code halab monitor --profile P [--duration S] [--all-probes]}: the live monitor, one line per
 * event, until Ctrl-C or the duration ends. Probe results are shown when the answer changes
 * (another nginx, an error, a recovery) unless {@code --all-probes}.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Watches the lab live: VRRP states, VIP moves, probe requests through each VIP, back-end health "
                + "and alerts (split brain, no master, stale VIP, dead nginx on the master). One line per event; "
                + "Ctrl-C stops.")
public final class MonitorCommand extends EngineCommandSupport {
    static final String BUNDLE = "failover";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop after this many seconds (default: until Ctrl-C).")
    Long durationSeconds;

    @Option(names = "--interval", paramLabel = "MS", defaultValue = "100",
            description = "Probe interval in milliseconds (default: ${DEFAULT-VALUE}).")
    long intervalMillis;

    @Option(names = "--all-probes", description = "Print every probe request, not only changes.")
    boolean allProbes;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation. New host keys are trusted only with --trust-new-host-keys.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        Optional<Topology> topology = topology();
        if (topology.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        if (intervalMillis < 5 || (durationSeconds != null && durationSeconds < 1)) {
            err().println(texts().error(texts().text(BUNDLE, "cli.badOption", "--interval >= 5, --duration >= 1")));
            err().flush();
            return HalabCommand.EXIT_INVALID;
        }
        Optional<ShellFactory> shells = shells(topology.get(), yes);
        if (shells.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        MonitorSettings settings = MonitorSettings.defaults()
                .withProbe(TrafficProbe.Settings.defaults().withInterval(Duration.ofMillis(intervalMillis)));
        CountDownLatch stop = new CountDownLatch(1);
        try (FailoverMonitor monitor = new FailoverMonitor(topology.get(), shells.get(), settings)) {
            Thread hook = new Thread(stop::countDown, "halab-monitor-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            out().println(texts().text(BUNDLE, "cli.monitor.header", topology.get().name(), topology.get().frontEnds().size(),
                    String.join(", ", topology.get().instances().stream().map(VrrpInstance::vip).toList())));
            out().flush();
            monitor.addListener(new EventPrinter(out(), allProbes, texts()));
            monitor.start();
            if (durationSeconds != null) {
                stop.await(durationSeconds, TimeUnit.SECONDS);
            } else {
                stop.await();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the JVM is already exiting; the monitor closes below.
            }
        }
        return 0;
    }

    /** The local lab's power switch when the profile is the lab's (it has a "lab" section), else null. */
    static PowerSwitch powerSwitch(Topology topology) {
        return CredentialsOptions.localLab(topology).<PowerSwitch>map(lab -> lab::power)
                .or(() -> VmrunPowerSwitch.forTopology(topology)).orElse(null);
    }

    /** Prints monitor events as one line each, in the command line's language; thread-safe. */
    static final class EventPrinter implements MonitorListener {
        private final PrintWriter out;
        private final boolean allProbes;
        private final CliText texts;
        private final Map<String, String> lastAnswer = new ConcurrentHashMap<>();

        EventPrinter(PrintWriter out, boolean allProbes, CliText texts) {
            this.out = out;
            this.allProbes = allProbes;
            this.texts = texts;
        }

        @Override
        public void onEvent(MonitorEvent event) {
            String line = format(event);
            if (line != null) {
                synchronized (out) {
                    out.println(CLOCK.format(event.receivedAt()) + "  " + line);
                    out.flush();
                }
            }
        }

        private String format(MonitorEvent event) {
            if (event instanceof MonitorEvent.VrrpStateChanged s) {
                return text("cli.event.state", s.host(), s.instance(), s.state(), lag(event), s.source().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (event instanceof MonitorEvent.VipAdded v) {
                return text("cli.event.vipAdded", v.host(), v.vip(), v.interfaceName()) + lag(event);
            }
            if (event instanceof MonitorEvent.VipRemoved v) {
                return text("cli.event.vipRemoved", v.host(), v.vip(), v.interfaceName()) + lag(event);
            }
            if (event instanceof MonitorEvent.NodeReachability r) {
                return r.reachable() ? text("cli.event.reachable", r.host(), r.detail())
                        : text("cli.event.unreachable", r.host(), r.detail());
            }
            if (event instanceof MonitorEvent.ProbeResult p) {
                String answer = p.ok() ? "ok " + p.servedBy() : "error";
                String previous = lastAnswer.put(p.vip(), answer);
                if (!allProbes && Objects.equals(previous, answer)) {
                    return null;
                }
                return p.ok() ? text("cli.event.probeOk", p.vip(), p.status(), p.servedBy(), p.upstream(), p.latency().toMillis())
                        : text("cli.event.probeFailed", p.vip(), p.latency().toMillis(),
                                p.error() != null ? p.error() : "HTTP " + p.status() + " (" + p.servedBy() + ")");
            }
            if (event instanceof MonitorEvent.ServiceHealth h) {
                return h.up() ? text("cli.event.healthUp", h.host(), h.service())
                        : text("cli.event.healthDown", h.host(), h.service(), h.error() != null ? h.error() : "HTTP " + h.status());
            }
            if (event instanceof MonitorEvent.AlertRaised a) {
                return text("cli.event.alertRaised", a.alert().title(), a.alert().hint());
            }
            if (event instanceof MonitorEvent.AlertCleared c) {
                return text("cli.event.alertCleared", c.alert().title());
            }
            if (event instanceof MonitorEvent.ChaosApplied c) {
                return text("cli.event.chaos", c.host(), c.description());
            }
            if (event instanceof MonitorEvent.OutageMeasured o) {
                return text("cli.event.outage", o.vip(), o.host(), o.outage().text());
            }
            return event.toString();
        }

        private String text(String key, Object... args) {
            return texts.text(BUNDLE, key, args);
        }

        private String lag(MonitorEvent event) {
            Duration lag = Outage.lagOf(event);
            if (event instanceof MonitorEvent.VrrpStateChanged s && s.source() == MonitorEvent.Source.SNAPSHOT) {
                return "";
            }
            return lag == null || lag.isNegative() && lag.toMillis() < -1000 ? "" : text("cli.event.lag", lag.toMillis());
        }
    }

    /** Waits until every front end is visible and its state known; prints why not after the limit. */
    static boolean awaitVisible(FailoverMonitor monitor, Duration limit, PrintWriter err, CliText texts) throws InterruptedException {
        List<String> instances = monitor.topology().instances().stream().map(VrrpInstance::name).toList();
        var seen = monitor.await(s -> instances.stream().allMatch(s::fullyKnown)
                && instances.stream().allMatch(i -> s.frontEnds().stream().noneMatch(h -> s.state(h, i) == VrrpState.UNKNOWN)), limit);
        if (seen.isEmpty()) {
            err.println(texts.error(texts.text(BUNDLE, "cli.waitingForNodes", limit.toSeconds(), monitor.state().summary())));
            err.flush();
            return false;
        }
        return true;
    }
}
