package dev.halab.core.exercise;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.exercise.ExercisePlan.HostChange;
import dev.halab.core.failover.Alert;
import dev.halab.core.failover.ChaosAction;
import dev.halab.core.failover.ChaosRunner;
import dev.halab.core.failover.ClusterState;
import dev.halab.core.failover.FailoverException;
import dev.halab.core.failover.FailoverMonitor;
import dev.halab.core.failover.FailoverTiming;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.remote.RemoteShell;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.step.Action;
import dev.halab.core.step.Validator;
import dev.halab.core.template.GeneratedFile;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Plants an {@link Exercise} on the installed lab, provokes its symptom, reads HA Lab's diagnosis
 * from the running {@link FailoverMonitor} (its named alerts and {@link StateFinding}s), and repairs
 * the lab. Blocking; progress goes to the listener as texts.
 *
 * <pre>{@code
 * ExerciseRunner runner = new ExerciseRunner(topology, shells, monitor, chaos, progress::println);
 * runner.plant(Exercise.AUTH_MISMATCH);
 * Diagnosis diagnosis = runner.diagnose(Exercise.AUTH_MISMATCH, Duration.ofSeconds(30));
 * boolean repaired = runner.repair(Exercise.AUTH_MISMATCH, Duration.ofSeconds(60));
 * }</pre>
 */
public final class ExerciseRunner {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(250);
    /**
     * As the installer restarts it: stop, wait until the process is gone, start. A plain restart
     * right after a start can leave keepalived stopped or have its job canceled.
     */
    static final RemoteCommand RESTART = RemoteCommand.shell("systemctl stop keepalived; i=0; "
            + "while pgrep -x keepalived >/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done; systemctl start keepalived").asRoot();
    private final Topology topology;
    private final ShellFactory shells;
    private final FailoverMonitor monitor;
    private final ChaosRunner chaos;
    private final Consumer<LocalizedText> progress;
    private final List<StateFinding> provoked = new ArrayList<>();

    public ExerciseRunner(Topology topology, ShellFactory shells, FailoverMonitor monitor, ChaosRunner chaos,
                          Consumer<LocalizedText> progress) {
        this.topology = topology;
        this.shells = shells;
        this.monitor = monitor;
        this.chaos = chaos;
        this.progress = progress;
    }

    /** Writes the broken configuration (or firewall rule) and, for the mistakes that only show under a fault, applies it. */
    public void plant(Exercise exercise) throws FailoverException, InterruptedException {
        List<HostChange> changes = ExercisePlan.plant(exercise, topology);
        progress.accept(text("progress.plant", exercise.title()));
        apply(changes);
        VrrpInstance instance = topology.primaryInstance();
        Host master = topology.masterOf(instance);
        Host backup = topology.backupOf(instance);
        Duration settle = FailoverTiming.masterDownInterval(topology.vrrp().version(), topology.vrrp().advertInterval(),
                topology.vrrp().backupPriority()).plusSeconds(2L * checkInterval() + 2);
        if (exercise == Exercise.WEIGHT_TOO_SMALL) {
            awaitState(s -> s.holders(instance.vip()).equals(List.of(master.name())), settle.plusSeconds(10));
            progress.accept(text("progress.killNginx", master.name()));
            chaos.apply(master, ChaosAction.NGINX, null);
        }
        if (exercise == Exercise.NOPREEMPT_MASTER) {
            awaitState(s -> s.holders(instance.vip()).equals(List.of(master.name())), settle.plusSeconds(10));
            progress.accept(text("progress.failMaster", master.name()));
            chaos.apply(master, ChaosAction.STOP, null);
            awaitState(s -> s.holders(instance.vip()).equals(List.of(backup.name())), settle.plusSeconds(10));
            progress.accept(text("progress.restoreMaster", master.name()));
            chaos.restore(master);
            if (awaitState(s -> s.holders(instance.vip()).equals(List.of(master.name())), settle.plusSeconds(5))) {
                provoked.add(StateFinding.PREEMPTED_DESPITE_NOPREEMPT);
            }
        }
    }

    /** Waits until the expected diagnosis shows (or the time is up) and returns everything seen. */
    public Diagnosis diagnose(Exercise exercise, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Diagnosis diagnosis = look(exercise);
        while (!diagnosis.matched() && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL.toMillis());
            diagnosis = look(exercise);
        }
        return diagnosis;
    }

    /**
     * Puts HA Lab's own files back, removes the firewall rule, brings nginx back, and waits until the
     * lab is healthy: the VIP on the master only, one MASTER, no alert.
     */
    public boolean repair(Exercise exercise, Duration timeout) throws InterruptedException {
        progress.accept(text("progress.repair", exercise.title()));
        // Every host gets its repair even when another's fails: a half-repaired lab breaks what runs next.
        boolean applied = true;
        for (HostChange change : ExercisePlan.repair(exercise, topology)) {
            try {
                apply(change, true);
            } catch (FailoverException e) {
                progress.accept(e.text());
                applied = false;
            }
        }
        for (Host host : topology.frontEnds()) {
            try {
                chaos.restore(host);
            } catch (FailoverException e) {
                progress.accept(e.text());
                applied = false;
            }
        }
        provoked.clear();
        VrrpInstance instance = topology.primaryInstance();
        Host master = topology.masterOf(instance);
        Instant deadline = Instant.now().plus(timeout);
        while (applied && Instant.now().isBefore(deadline)) {
            ClusterState state = monitor.state();
            if (state.holders(instance.vip()).equals(List.of(master.name())) && state.masters(instance.name()).equals(List.of(master.name()))
                    && monitor.activeAlerts().isEmpty()) {
                progress.accept(text("progress.repaired"));
                return true;
            }
            Thread.sleep(POLL.toMillis());
        }
        return false;
    }

    private Diagnosis look(Exercise exercise) {
        Map<String, LocalizedText> seen = new LinkedHashMap<>();
        for (Alert alert : monitor.activeAlerts()) {
            seen.putIfAbsent(alert.kind().name(), alert.title());
        }
        StateFinding.read(topology, monitor.state()).ifPresent(f -> seen.putIfAbsent(f.name(), f.title(topology)));
        provoked.forEach(f -> seen.putIfAbsent(f.name(), f.title(topology)));
        boolean matched = seen.keySet().stream().anyMatch(exercise.diagnosis()::contains);
        return new Diagnosis(new ArrayList<>(seen.keySet()), new ArrayList<>(seen.values()), matched);
    }

    private void apply(List<HostChange> changes) throws FailoverException {
        for (HostChange change : changes) {
            apply(change, false);
        }
    }

    /**
     * Like the installer: each file is uploaded beside its target (as root, or through sudo), the
     * repair's file is checked with {@code keepalived -t} there, and only then moves into place.
     */
    private void apply(HostChange change, boolean check) throws FailoverException {
        Host host = change.host();
        try (RemoteShell shell = shells.open(host)) {
            for (GeneratedFile file : change.files()) {
                String staged = Action.stagedPath(file.path());
                shell.upload(file.content().getBytes(StandardCharsets.UTF_8), staged, file.mode());
                if (check) {
                    for (RemoteCommand test : Validator.KEEPALIVED.stagedCheck(staged).stream().toList()) {
                        CommandResult result = shell.run(test, COMMAND_TIMEOUT);
                        if (!result.ok()) {
                            shell.run(RemoteCommand.of("rm", "-f", staged).asRoot(), COMMAND_TIMEOUT);
                            throw failed(host, test, result);
                        }
                    }
                }
                run(shell, host, RemoteCommand.of("mv", "-f", staged, file.path()).asRoot());
            }
            for (RemoteCommand command : change.commands()) {
                run(shell, host, command);
            }
            if (!change.files().isEmpty()) {
                CommandResult result = shell.run(RESTART, COMMAND_TIMEOUT);
                if (!result.ok() && change.restartMayFail()) {
                    progress.accept(text("progress.keepalivedRefused", host.name(), lastLine(result)));
                    return;
                }
                if (!result.ok()) {
                    // systemd cancels a start job that another job on the unit replaced ("Job ... canceled"): once more.
                    result = shell.run(RESTART, COMMAND_TIMEOUT);
                }
                if (!result.ok()) {
                    throw failed(host, RESTART, result);
                }
            }
        } catch (RemoteException e) {
            throw new FailoverException(e.text(), e);
        }
    }

    private static void run(RemoteShell shell, Host host, RemoteCommand command) throws RemoteException, FailoverException {
        CommandResult result = shell.run(command, COMMAND_TIMEOUT);
        if (!result.ok()) {
            throw failed(host, command, result);
        }
    }

    private static FailoverException failed(Host host, RemoteCommand command, CommandResult result) {
        return new FailoverException(LocalizedText.of(Exercise.BUNDLE, "error.command", host.name(), command.display(),
                (result.stdout() + result.stderr()).strip()), null);
    }

    private static String lastLine(CommandResult result) {
        String out = (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip();
        return out.isEmpty() ? "exit " + result.exitCode() : out.substring(out.lastIndexOf('\n') + 1);
    }

    private boolean awaitState(java.util.function.Predicate<ClusterState> condition, Duration timeout) throws InterruptedException {
        return monitor.await(condition, timeout).isPresent();
    }

    private int checkInterval() {
        return topology.vrrp().checkScript() == null ? 2 : topology.vrrp().checkScript().interval();
    }

    private static LocalizedText text(String key, Object... args) {
        return LocalizedText.of(Exercise.BUNDLE, key, args);
    }
}
