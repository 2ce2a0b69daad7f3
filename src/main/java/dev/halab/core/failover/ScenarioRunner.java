package dev.halab.core.failover;

import dev.halab.core.failover.MonitorEvent.ProbeResult;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.template.HostFiles;
import dev.halab.core.topology.CheckScript;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Mode;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Runs a tutorial experiment ({@link ScenarioKind}) on an installed lab and asserts each step
 * against what the {@link FailoverMonitor} sees: which node is MASTER, who holds each VIP, and
 * which nginx answers the probe. Expectations are waited for (event-driven, with the
 * configuration's own timing as the limit), never slept for; a "VIP must stay" expectation
 * watches for a move during a window of one master-down interval plus two seconds.
 *
 * <p>Every scenario starts from the tutorial's Step 1 (everything running, each VIP on its own
 * master) and ends with every node restored.
 */
public final class ScenarioRunner {
    private static final String BUNDLE = "failover";
    /** Requests in a row that must come from the expected nginx before a step counts as served. */
    static final int SERVED_STREAK = 3;

    private final FailoverMonitor monitor;
    private final ChaosRunner chaos;
    private final FailoverSession session;
    private final Topology topology;
    private final String profileName;

    public ScenarioRunner(FailoverMonitor monitor, ChaosRunner chaos, String profileName) {
        this.monitor = monitor;
        this.chaos = chaos;
        this.session = new FailoverSession(monitor, chaos);
        this.topology = monitor.topology();
        this.profileName = profileName;
    }

    /** Checks that the profile fits the scenario; a mismatch is bad input and changes nothing. */
    public static void checkFits(ScenarioKind kind, Topology topology, ChaosAction how, String profileName)
            throws FailoverException {
        boolean fits = switch (kind) {
            case PREEMPT -> topology.mode() == Mode.MASTER_BACKUP && topology.vrrp().preempt();
            case NOPREEMPT -> topology.mode() == Mode.MASTER_BACKUP && !topology.vrrp().preempt();
            case NGINX -> topology.vrrp().preempt() && topology.vrrp().checkScript() != null
                    && topology.vrrp().checkScript().weight() != 0
                    && topology.vrrp().masterPriority() + topology.vrrp().checkScript().weight() < topology.vrrp().backupPriority();
            case DUAL_MASTER -> topology.mode() == Mode.DUAL_MASTER && topology.instances().size() == 2;
        };
        if (!fits) {
            throw new FailoverException(LocalizedText.of(BUNDLE, "scenario.profileMismatch", kind.cliName(), profileName,
                    LocalizedText.of(BUNDLE, "scenario." + kind.cliName() + ".needs")), null);
        }
        if (how == ChaosAction.NGINX && kind != ScenarioKind.NGINX) {
            throw new FailoverException(LocalizedText.of(BUNDLE, "scenario.howNginx", kind.cliName()), null);
        }
    }

    public ScenarioReport run(ScenarioKind kind, ChaosAction how, ScenarioListener listener)
            throws FailoverException, InterruptedException {
        ChaosAction method = kind == ScenarioKind.NGINX ? ChaosAction.NGINX : how;
        checkFits(kind, topology, method, profileName);
        if (method == ChaosAction.POWER && !chaos.canPower()) {
            throw new FailoverException(LocalizedText.of(BUNDLE, "chaos.power.unavailable", "-"), null);
        }
        chaos.requireInstalled(profileName);
        Instant started = Instant.now();
        List<StepResult> steps = new ArrayList<>();
        Steps s = new Steps(listener, steps, method);
        try {
            for (Scenario.Step step : Scenario.of(kind).steps()) {
                switch (step.action()) {
                    case BASELINE -> s.baseline(step);
                    case FAIL -> s.failover(step);
                    case RESTORE -> s.recover(step);
                }
            }
        } finally {
            // Leave the lab as Step 1 found it, whatever failed.
            for (Host host : topology.frontEnds()) {
                try {
                    chaos.restore(host);
                } catch (FailoverException e) {
                    org.slf4j.LoggerFactory.getLogger(ScenarioRunner.class).warn("restore of {} failed: {}", host.name(), e.getMessage());
                }
            }
        }
        return new ScenarioReport(kind, profileName, method, started, steps);
    }

    /** Where each VIP should be and who should serve it. */
    private record Placement(VrrpInstance instance, Host holder) { }

    private final class Steps {
        private final ScenarioListener listener;
        private final List<StepResult> results;
        private final ChaosAction method;

        Steps(ScenarioListener listener, List<StepResult> results, ChaosAction method) {
            this.listener = listener;
            this.results = results;
            this.method = method;
        }

        private List<Placement> placements(Scenario.Step step) {
            return Scenario.expectedHolders(topology, step).entrySet().stream().map(e -> new Placement(e.getKey(), e.getValue())).toList();
        }

        /** Step 1: everything running, each VIP on its configured master. */
        void baseline(Scenario.Step step) throws FailoverException, InterruptedException {
            String id = step.id();
            LocalizedText action = Scenario.actionText(topology, step, method);
            listener.stepStarted(id, action);
            long start = System.nanoTime();
            List<Placement> home = placements(step);
            if (topology.vrrp().preempt()) {
                for (Host host : topology.frontEnds()) {
                    chaos.restore(host);
                }
            } else {
                // nopreempt: whoever starts first keeps the VIP, so start the intended master alone first.
                Host master = topology.masterOf(topology.instances().get(0));
                for (Host host : topology.frontEnds()) {
                    if (!host.name().equals(master.name())) {
                        chaos.apply(host, ChaosAction.STOP, null);
                    }
                }
                chaos.restore(master);
                monitor.await(s -> s.masters(topology.instances().get(0).name()).contains(master.name()), limit(ChaosAction.KILL));
                for (Host host : topology.frontEnds()) {
                    chaos.restore(host);
                }
            }
            Optional<LocalizedText> failure = expectPlacement(home, limit(ChaosAction.KILL).plusSeconds(10));
            if (failure.isEmpty()) {
                failure = expectSettled(home);
            }
            finish(id, action, Scenario.expectedText(topology, step), text(step.explanationKey(method)), start, failure, null);
        }

        /**
         * A node that was just started reaches MASTER before its check script has risen: for a moment
         * its priority is lowered by the weight and the peer may take the VIP back. The next step's
         * fault must hit a settled cluster, so the placement has to hold for the check's rise time
         * plus one master-down interval.
         */
        private Optional<LocalizedText> expectSettled(List<Placement> placements) throws InterruptedException {
            Predicate<ClusterState> ok = s -> placements.stream().allMatch(p -> placed(s, p));
            CheckScript check = topology.vrrp().checkScript();
            Duration rise = check == null ? Duration.ZERO : Duration.ofSeconds((long) check.interval() * (HostFiles.CHECK_RISE + 1));
            Duration settle = rise.plus(FailoverTiming.floor(ChaosAction.KILL, topology));
            for (int attempt = 0; attempt < 3; attempt++) {
                if (monitor.await(ok.negate(), settle).isEmpty()) {
                    return Optional.empty();
                }
                Optional<LocalizedText> back = expectPlacement(placements, limit(ChaosAction.KILL).plusSeconds(10));
                if (back.isPresent()) {
                    return back;
                }
            }
            return Optional.of(observed(monitor.state(), placements, settle));
        }

        /** A node fails; every VIP must end where the step expects it, served by that node. */
        void failover(Scenario.Step step) throws FailoverException, InterruptedException {
            String id = step.id();
            Host victim = Scenario.host(topology, step.node());
            ChaosAction how = step.faultWith(method);
            LocalizedText action = Scenario.actionText(topology, step, method);
            listener.stepStarted(id, action);
            long start = System.nanoTime();
            List<Placement> after = placements(step);
            // The VIP the victim served before, to measure its outage.
            VrrpInstance measuredInstance = topology.instances().stream()
                    .filter(i -> i.master().equals(victim.name())).findFirst().orElse(topology.instances().get(0));
            FailoverSession.Fault fault = session.fail(victim, how, Duration.ofSeconds(Math.max(5, limit(how).toSeconds() + 5)));
            Optional<LocalizedText> observedFailure = expectPlacement(after, limit(how));
            Outage outage = fault.vipsHeld().contains(measuredInstance.vip())
                    ? session.awaitOutage(fault, measuredInstance.vip(), limit(how)).orElse(null) : null;
            finish(id, action, Scenario.expectedText(topology, step), text(step.explanationKey(method)),
                    start, observedFailure, outage);
        }

        /**
         * The victim is restored. With preempt each VIP must go home; without, the VIP must stay
         * where it is for a whole window, while the restored node waits as BACKUP.
         */
        void recover(Scenario.Step step) throws FailoverException, InterruptedException {
            String id = step.id();
            Host victim = Scenario.host(topology, step.node());
            boolean goesHome = !step.stays();
            LocalizedText action = Scenario.actionText(topology, step, method);
            listener.stepStarted(id, action);
            long start = System.nanoTime();
            chaos.restore(victim);
            monitor.publish(new MonitorEvent.ChaosApplied(Instant.now(), Instant.now(), victim.name(), null, true,
                    text("chaos.restore.done", victim.name())));
            if (goesHome) {
                List<Placement> home = placements(step);
                finish(id, action, Scenario.expectedText(topology, step), text(step.explanationKey(method)), start,
                        expectPlacement(home, limit(ChaosAction.KILL).plusSeconds(10)), null);
                return;
            }
            VrrpInstance instance = topology.instances().get(0);
            List<Placement> stays = placements(step);
            Host keeper = stays.get(0).holder();
            Optional<LocalizedText> failure = expectPlacement(stays, limit(ChaosAction.KILL));
            if (failure.isEmpty()) {
                // The restored node must come back as BACKUP ...
                Optional<ClusterState> waiting = monitor.await(s -> s.state(victim.name(), instance.name()) == VrrpState.BACKUP,
                        limit(ChaosAction.KILL).plusSeconds(10));
                if (waiting.isEmpty()) {
                    failure = Optional.of(text("observed.notBackup", victim.name(), monitor.state().summary()));
                } else {
                    // ... and must not take the VIP during a whole master-down interval (+2 s).
                    Duration window = limit(ChaosAction.KILL).minusSeconds(1);
                    Optional<ClusterState> moved = monitor.await(s -> !s.holders(instance.vip()).equals(List.of(keeper.name())), window);
                    if (moved.isPresent()) {
                        failure = Optional.of(text("observed.moved", instance.vip(), moved.get().summary()));
                    } else {
                        failure = expectPlacement(stays, Duration.ofSeconds(5));
                    }
                }
            }
            finish(id, action, Scenario.expectedText(topology, step), text(step.explanationKey(method)), start, failure, null);
        }

        private Optional<LocalizedText> expectPlacement(List<Placement> placements, Duration timeout) throws InterruptedException {
            Predicate<ClusterState> ok = s -> placements.stream().allMatch(p -> placed(s, p));
            Optional<ClusterState> reached = monitor.await(ok, timeout);
            if (reached.isPresent()) {
                return Optional.empty();
            }
            return Optional.of(observed(monitor.state(), placements, timeout));
        }

        private void finish(String id, LocalizedText action, LocalizedText expected, LocalizedText explanation, long startNanos,
                            Optional<LocalizedText> failure, Outage outage) {
            ClusterState now = monitor.state();
            LocalizedText observed = failure.map(f -> text("observed.failed", f))
                    .orElseGet(() -> text("observed.ok", describe(now)));
            if (outage != null) {
                observed = text("observed.withOutage", observed, outage.text());
            }
            StepResult result = new StepResult(id, action, expected, observed, explanation, failure.isEmpty(),
                    Duration.ofNanos(System.nanoTime() - startNanos), outage);
            results.add(result);
            listener.stepFinished(result);
        }
    }

    private boolean placed(ClusterState s, Placement p) {
        String vip = p.instance().vip();
        Optional<ProbeResult> last = s.lastProbe(vip);
        return s.holders(vip).equals(List.of(p.holder().name()))
                && s.masters(p.instance().name()).equals(List.of(p.holder().name()))
                && last.isPresent() && last.get().ok() && Objects.equals(last.get().servedBy(), p.holder().nginxHeader())
                && s.servedStreak(vip) >= SERVED_STREAK;
    }

    /** The wait limit for a failover by this method: the configuration's ceiling. */
    private Duration limit(ChaosAction how) {
        return FailoverTiming.ceiling(how, topology.vrrp());
    }

    private LocalizedText observed(ClusterState s, List<Placement> placements, Duration waited) {
        return text("observed.timeout", waited.toSeconds(), vipsSeen(s, placements.stream().map(Placement::instance).toList()), s.summary());
    }

    private LocalizedText describe(ClusterState s) {
        return text("observed.state", vipsSeen(s, topology.instances()));
    }

    /** Per VIP: who holds it, who is MASTER, who answered the last request. */
    private static LocalizedText vipsSeen(ClusterState s, List<VrrpInstance> instances) {
        LocalizedText joined = null;
        for (VrrpInstance i : instances) {
            String served = s.lastProbe(i.vip()).map(r -> r.ok() ? String.valueOf(r.servedBy()) : r.error()).orElse("-");
            LocalizedText part = text("observed.vip", i.vip(), s.holders(i.vip()).isEmpty() ? "-" : String.join(", ", s.holders(i.vip())),
                    s.masters(i.name()).isEmpty() ? "-" : String.join(", ", s.masters(i.name())), served);
            joined = joined == null ? part : text("observed.join", joined, part);
        }
        return joined;
    }

    private static LocalizedText text(String key, Object... args) {
        return LocalizedText.of(BUNDLE, key, args);
    }
}
