package dev.halab.core.plan;

import dev.halab.core.event.RunEvent;
import dev.halab.core.event.RunListener;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.step.Phase;
import dev.halab.core.step.Step;
import dev.halab.core.step.StepTexts;
import dev.halab.core.template.HostFiles;
import dev.halab.core.topology.Topology;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The install engine: facts, then steps, then (unless dry run) the actions still needed, host by
 * host in parallel and phase by phase ({@link Phase}). Every method blocks and reports progress
 * only through the {@link RunListener}; shells are opened at the start and closed at the end.
 * This class schedules the phases; {@link PreflightPhase}, {@link StepWalk} (with {@link DryRun}
 * or {@link Apply}), {@link ActionRunner}, {@link Handlers} and {@link Uninstaller} do the work.
 *
 * <pre>{@code
 * InstallEngine engine = new InstallEngine(ShellFactory.ssh(connector, credentials));
 * engine.plan(topology, listener);      // dry run: commands and diffs, nothing changed
 * engine.install(topology, listener);   // pre-flight, then apply; a re-run has nothing to do
 * engine.uninstall(topology, listener); // restore backups, remove what was installed
 * }</pre>
 */
public final class InstallEngine {
    private final ShellFactory shells;
    private final HostFiles.Source files;

    public InstallEngine(ShellFactory shells) {
        this(shells, HostFiles::forHost);
    }

    /** With another source of generated files (tests). */
    public InstallEngine(ShellFactory shells, HostFiles.Source files) {
        this.shells = shells;
        this.files = files;
    }

    /** Connects, gathers facts and runs the pre-flight checks; changes nothing. */
    public RunSummary preflight(Topology topology, RunListener listener) {
        return execute(topology, listener, "preflight", true, run -> { });
    }

    /** Dry run: every command that would run and a unified diff of every file that would change. */
    public RunSummary plan(Topology topology, RunListener listener) {
        return execute(topology, listener, "plan", true, run -> {
            StepWalk walk = new StepWalk(run);
            DryRun dryRun = new DryRun(run);
            run.parallel(run.hosts.values(), host -> walk.walk(host, run.steps(host), dryRun));
        });
    }

    /** Pre-flight on all hosts, then the steps phase by phase; a failure stops what depends on it. */
    public RunSummary install(Topology topology, RunListener listener) {
        return execute(topology, listener, "install", true, run -> {
            Commands commands = new Commands(run);
            ManifestWriter manifests = new ManifestWriter(commands);
            PackageActions packages = new PackageActions(run, commands, manifests);
            ActionRunner actions = new ActionRunner(commands, new FileActions(run, commands, manifests), packages, manifests);
            Handlers handlers = new Handlers(run, commands, manifests);
            run.hosts.values().forEach(Handlers::adoptLeftOver);
            run.parallel(run.hosts.values(), packages::adoptLeftOver);
            StepWalk walk = new StepWalk(run);
            for (Phase phase : Phase.values()) {
                Apply apply = new Apply(run, actions, handlers, phase);
                List<HostRun> ready = run.hosts.values().stream().filter(host -> mayRun(run, host, phase)).toList();
                run.parallel(ready, host -> walk.walk(host, stepsOf(run, host, phase), apply));
            }
        });
    }

    /** Restores what HA Lab replaced, removes what it added (packages, users, files), then its records. */
    public RunSummary uninstall(Topology topology, RunListener listener) {
        // No pre-flight: uninstall must work on a half-installed lab too.
        return execute(topology, listener, "uninstall", false, run -> {
            Uninstaller uninstaller = new Uninstaller(run, new Commands(run));
            run.parallel(run.hosts.values(), uninstaller::uninstall);
        });
    }

    /** The skeleton of every run: validate, connect and probe, (pre-flight), the work, per-host results. */
    private RunSummary execute(Topology topology, RunListener listener, String kind, boolean withPreflight, Consumer<Run> work) {
        try (Run run = new Run(topology, listener, kind, shells, files)) {
            run.start();
            if (run.validate() && run.connectAndProbe() && (!withPreflight || new PreflightPhase(run).run())) {
                work.accept(run);
                for (HostRun host : run.hosts.values()) {
                    run.emit(new RunEvent.HostFinished(Instant.now(), host.name(), !host.failed()));
                }
            }
            return run.finish();
        }
    }

    private static List<Step> stepsOf(Run run, HostRun host, Phase phase) {
        return run.steps(host).stream().filter(s -> s.phase() == phase).toList();
    }

    /** Front ends need every back end (nginx proxies to them); keepalived needs both front ends. */
    private static boolean mayRun(Run run, HostRun host, Phase phase) {
        if (host.failed()) {
            skipAll(run, host, phase, StepTexts.text("run.skip.self", host.failedStep));
            return false;
        }
        if (host.host.isFrontEnd() && phase.compareTo(Phase.FRONTEND) >= 0) {
            for (HostRun other : run.hosts.values()) {
                if (other != host && other.failed()) {
                    skipAll(run, host, phase, StepTexts.text("run.skip.other", other.name(), other.failedStep));
                    return false;
                }
            }
        }
        return true;
    }

    private static void skipAll(Run run, HostRun host, Phase phase, dev.halab.core.i18n.LocalizedText why) {
        for (Step step : stepsOf(run, host, phase)) {
            run.stats.skipped();
            run.emit(new RunEvent.StepSkipped(Instant.now(), host.name(), step.id(), why));
        }
    }
}
