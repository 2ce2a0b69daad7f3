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
        Steps s = new Steps(listener, steps);
        VrrpInstance first = topology.instances().get(0);
        Host master = topology.masterOf(first);
        Host backup = topology.backupOf(first);
        try {
            switch (kind) {
                case PREEMPT -> {
                    s.baseline("step1");
                    s.failover("step2", master, method, backup);
                    s.recover("step3", master, true);
                }
                case NOPREEMPT -> {
                    s.baseline("step1");
                    s.failover("step2", master, method, backup);
                    s.recover("step3", master, false);
                    s.failover("step4", backup, method, master);
                }
                case NGINX -> {
                    s.baseline("step1");
                    s.failover("step2", master, ChaosAction.NGINX, backup);
                    s.recover("step3", master, true);
                }
                case DUAL_MASTER -> {
                    s.baseline("step1");
                    s.failover("step2", master, method, backup);
                    s.recover("step3", master, true);
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

        Steps(ScenarioListener listener, List<StepResult> results) {
            this.listener = listener;
            this.results = results;
        }

        /** Step 1: everything running, each VIP on its configured master. */
        void baseline(String id) throws FailoverException, InterruptedException {
            LocalizedText action = text(topology.vrrp().preempt() ? "step.baseline.action" : "step.baseline.actionOrdered",
                    names(topology.frontEnds()));
            listener.stepStarted(id, action);
            long start = System.nanoTime();
            List<Placement> home = topology.instances().stream().map(i -> new Placement(i, topology.masterOf(i))).toList();
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
            Optional<String> failure = expectPlacement(home, limit(ChaosAction.KILL).plusSeconds(10));
            if (failure.isEmpty()) {
                failure = expectSettled(home);
            }
            finish(id, action, expectedText(home), explanation("baseline"), start, failure, null);
        }

        /**
         * A node that was just started reaches MASTER before its check script has risen: for a moment
         * its priority is lowered by the weight and the peer may take the VIP back. The next step's
         * fault must hit a settled cluster, so the placement has to hold for the check's rise time
         * plus one master-down interval.
         */
        private Optional<String> expectSettled(List<Placement> placements) throws InterruptedException {
            Predicate<ClusterState> ok = s -> placements.stream().allMatch(p -> placed(s, p));
            CheckScript check = topology.vrrp().checkScript();
            Duration rise = check == null ? Duration.ZERO : Duration.ofSeconds((long) check.interval() * (HostFiles.CHECK_RISE + 1));
            Duration settle = rise.plus(FailoverTiming.floor(ChaosAction.KILL, topology));
            for (int attempt = 0; attempt < 3; attempt++) {
                if (monitor.await(ok.negate(), settle).isEmpty()) {
                    return Optional.empty();
                }
                Optional<String> back = expectPlacement(placements, limit(ChaosAction.KILL).plusSeconds(10));
                if (back.isPresent()) {
                    return back;
                }
            }
            return Optional.of(observed(monitor.state(), placements, settle).toString());
        }

        /** A node fails by {@code how}; every VIP must end on {@code survivor}, served by it. */
        void failover(String id, Host victim, ChaosAction how, Host survivor) throws FailoverException, InterruptedException {
            LocalizedText action = text("step.fail.action", victim.name(), text("how." + how.cliName()));
            listener.stepStarted(id, action);
            long start = System.nanoTime();
            List<Placement> after = topology.instances().stream().map(i -> new Placement(i, survivor)).toList();
            // The VIP the victim served before, to measure its outage.
            VrrpInstance measuredInstance = topology.instances().stream()
                    .filter(i -> i.master().equals(victim.name())).findFirst().orElse(topology.instances().get(0));
            FailoverSession.Fault fault = session.fail(victim, how, Duration.ofSeconds(Math.max(5, limit(how).toSeconds() + 5)));
            Optional<String> observedFailure = expectPlacement(after, limit(how));
            Outage outage = fault.vipsHeld().contains(measuredInstance.vip())
                    ? session.awaitOutage(fault, measuredInstance.vip(), limit(how)).orElse(null) : null;
            finish(id, action, expectedText(after), explanation(how == ChaosAction.NGINX ? "nginx" : "fail." + how.cliName()),
                    start, observedFailure, outage);
        }

        /**
         * The victim is restored. With preempt each VIP must go home; without, the VIP must stay
         * where it is for a whole window, while the restored node waits as BACKUP.
         */
        void recover(String id, Host victim, boolean goesHome) throws FailoverException, InterruptedException {
            LocalizedText action = text("step.recover.action", victim.name());
            listener.stepStarted(id, action);
            long start = System.nanoTime();
            ClusterState before = monitor.state();
            chaos.restore(victim);
            monitor.publish(new MonitorEvent.ChaosApplied(Instant.now(), Instant.now(), victim.name(), null, true,
                    text("chaos.restore.done", victim.name())));
            if (goesHome) {
                List<Placement> home = topology.instances().stream().map(i -> new Placement(i, topology.masterOf(i))).toList();
                finish(id, action, expectedText(home), explanation("recover.preempt"), start,
                        expectPlacement(home, limit(ChaosAction.KILL).plusSeconds(10)), null);
                return;
            }
            VrrpInstance instance = topology.instances().get(0);
            List<String> holders = before.holders(instance.vip());
            Host keeper = holders.size() == 1 ? topology.host(holders.get(0)) : topology.backupOf(instance);
            List<Placement> stays = List.of(new Placement(instance, keeper));
            Optional<String> failure = expectPlacement(stays, limit(ChaosAction.KILL));
            if (failure.isEmpty()) {
                // The restored node must come back as BACKUP ...
                Optional<ClusterState> waiting = monitor.await(s -> s.state(victim.name(), instance.name()) == VrrpState.BACKUP,
                        limit(ChaosAction.KILL).plusSeconds(10));
                if (waiting.isEmpty()) {
                    failure = Optional.of(text("observed.notBackup", victim.name(), monitor.state().summary()).toString());
                } else {
                    // ... and must not take the VIP during a whole master-down interval (+2 s).
                    Duration window = limit(ChaosAction.KILL).minusSeconds(1);
                    Optional<ClusterState> moved = monitor.await(s -> !s.holders(instance.vip()).equals(List.of(keeper.name())), window);
                    if (moved.isPresent()) {
                        failure = Optional.of(text("observed.moved", instance.vip(), moved.get().summary()).toString());
                    } else {
                        failure = expectPlacement(stays, Duration.ofSeconds(5));
                    }
                }
            }
            finish(id, action, text("expected.stays", instance.vip(), keeper.name(), victim.name()),
                    explanation("recover.nopreempt"), start, failure, null);
        }

        private Optional<String> expectPlacement(List<Placement> placements, Duration timeout) throws InterruptedException {
            Predicate<ClusterState> ok = s -> placements.stream().allMatch(p -> placed(s, p));
            Optional<ClusterState> reached = monitor.await(ok, timeout);
            if (reached.isPresent()) {
                return Optional.empty();
            }
            return Optional.of(observed(monitor.state(), placements, timeout).toString());
        }

        private void finish(String id, LocalizedText action, LocalizedText expected, LocalizedText explanation, long startNanos,
                            Optional<String> failure, Outage outage) {
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

    private LocalizedText expectedText(List<Placement> placements) {
        List<LocalizedText> parts = placements.stream()
                .map(p -> text("expected.placement", p.instance().vip(), p.holder().name(), p.holder().nginxHeader())).toList();
        return parts.size() == 1 ? parts.get(0) : text("expected.two", parts.get(0), parts.get(1));
    }

    private LocalizedText observed(ClusterState s, List<Placement> placements, Duration waited) {
        List<String> parts = new ArrayList<>();
        for (Placement p : placements) {
            String vip = p.instance().vip();
            String served = s.lastProbe(vip).map(r -> r.ok() ? String.valueOf(r.servedBy()) : r.error()).orElse("-");
            parts.add(text("observed.vip", vip, s.holders(vip).isEmpty() ? "-" : String.join(", ", s.holders(vip)),
                    s.masters(p.instance().name()).isEmpty() ? "-" : String.join(", ", s.masters(p.instance().name())),
                    served).toString());
        }
        return text("observed.timeout", waited.toSeconds(), String.join("; ", parts), s.summary());
    }

    private LocalizedText describe(ClusterState s) {
        List<String> parts = new ArrayList<>();
        for (VrrpInstance i : topology.instances()) {
            String served = s.lastProbe(i.vip()).map(r -> r.ok() ? String.valueOf(r.servedBy()) : r.error()).orElse("-");
            parts.add(text("observed.vip", i.vip(), String.join(", ", s.holders(i.vip())),
                    String.join(", ", s.masters(i.name())), served).toString());
        }
        return text("observed.state", String.join("; ", parts));
    }

    private LocalizedText explanation(String key) {
        return text("explain." + key);
    }

    private static String names(List<Host> hosts) {
        return String.join(", ", hosts.stream().map(Host::name).toList());
    }

    private static LocalizedText text(String key, Object... args) {
        return LocalizedText.of(BUNDLE, key, args);
    }
}
