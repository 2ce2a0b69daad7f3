package dev.halab.core.plan;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.event.RunEvent;
import dev.halab.core.event.RunListener;
import dev.halab.core.facts.Distros;
import dev.halab.core.facts.FactsProbe;
import dev.halab.core.facts.HostFacts;
import dev.halab.core.facts.Manifest;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.OutputListener;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.step.Action;
import dev.halab.core.step.Handler;
import dev.halab.core.step.Phase;
import dev.halab.core.step.Step;
import dev.halab.core.step.StepContext;
import dev.halab.core.step.StepResult;
import dev.halab.core.step.StepTexts;
import dev.halab.core.step.Steps;
import dev.halab.core.template.GeneratedFile;
import dev.halab.core.template.HostFiles;
import dev.halab.core.topology.Topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The install engine: facts, then steps, then (unless dry run) the actions still needed, host by
 * host in parallel and phase by phase ({@link Phase}). Every method blocks and reports progress
 * only through the {@link RunListener}; shells are opened at the start and closed at the end.
 *
 * <pre>{@code
 * InstallEngine engine = new InstallEngine(ShellFactory.ssh(connector, credentials));
 * engine.plan(topology, listener);      // dry run: commands and diffs, nothing changed
 * engine.install(topology, listener);   // pre-flight, then apply; a re-run has nothing to do
 * engine.uninstall(topology, listener); // restore backups, remove what was installed
 * }</pre>
 */
public final class InstallEngine {
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(60);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

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
        return execute(topology, listener, "plan", true, run -> run.parallel(run.hosts.values(), run::dryRun));
    }

    /** Pre-flight on all hosts, then the steps phase by phase; a failure stops what depends on it. */
    public RunSummary install(Topology topology, RunListener listener) {
        return execute(topology, listener, "install", true, run -> {
            for (Phase phase : Phase.values()) {
                List<HostRun> ready = run.hosts.values().stream().filter(host -> run.mayRun(host, phase)).toList();
                run.parallel(ready, host -> run.applyPhase(host, phase));
            }
        });
    }

    /** Restores what HA Lab replaced, removes what it added (packages, users, files), then its records. */
    public RunSummary uninstall(Topology topology, RunListener listener) {
        // No pre-flight: uninstall must work on a half-installed lab too.
        return execute(topology, listener, "uninstall", false, run -> run.parallel(run.hosts.values(), run::uninstallHost));
    }

    /** The skeleton of every run: validate, connect and probe, (pre-flight), the work, per-host results. */
    private RunSummary execute(Topology topology, RunListener listener, String kind, boolean withPreflight,
                               java.util.function.Consumer<Run> work) {
        Run run = new Run(topology, listener, kind);
        try {
            run.start();
            if (run.validate() && run.connectAndProbe() && (!withPreflight || run.preflight())) {
                work.accept(run);
                hostsFinish(run);
            }
            return run.finish();
        } finally {
            run.close();
        }
    }

    private static void hostsFinish(Run run) {
        for (HostRun host : run.hosts.values()) {
            run.emit(new RunEvent.HostFinished(Instant.now(), host.name(), !host.failed()));
        }
    }

    /** One invocation: its listener, counters and per-host state. */
    private final class Run {
        final Topology topology;
        final RunListener listener;
        final String kind;
        final String runId = RUN_ID.format(Instant.now());
        final Map<String, HostRun> hosts = new LinkedHashMap<>();
        final AtomicInteger changed = new AtomicInteger();
        final AtomicInteger unchanged = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final List<RunSummary.Failure> failures = Collections.synchronizedList(new ArrayList<>());
        final ExecutorService workers;

        Run(Topology topology, RunListener listener, String kind) {
            this.topology = topology;
            this.listener = listener;
            this.kind = kind;
            topology.hosts().forEach(h -> hosts.put(h.name(), new HostRun(h)));
            this.workers = Executors.newFixedThreadPool(Math.max(1, hosts.size()), r -> {
                Thread thread = new Thread(r, "halab-" + kind);
                thread.setDaemon(true);
                return thread;
            });
        }

        void emit(RunEvent event) {
            listener.onEvent(event);
        }

        void start() {
            emit(new RunEvent.RunStarted(Instant.now(), kind, List.copyOf(hosts.keySet())));
        }

        RunSummary finish() {
            boolean success = failed.get() == 0;
            LocalizedText summary = StepTexts.text(success ? "run.summary.ok" : "run.summary.failed", kind,
                    changed.get(), unchanged.get(), failed.get(), skipped.get());
            emit(new RunEvent.RunFinished(Instant.now(), success, changed.get(), unchanged.get(), failed.get(), summary));
            return new RunSummary(success, changed.get(), unchanged.get(), failed.get(), skipped.get(), failures);
        }

        void close() {
            workers.shutdownNow();
            hosts.values().forEach(h -> {
                if (h.shell != null) {
                    h.shell.close();
                }
            });
        }

        void fail(HostRun host, String stepId, LocalizedText why) {
            if (host != null && host.failedStep == null) {
                host.failedStep = stepId;
            }
            String name = host == null ? "" : host.name();
            failed.incrementAndGet();
            failures.add(new RunSummary.Failure(name, stepId, why));
            emit(new RunEvent.StepFailed(Instant.now(), name, stepId, why));
        }

        interface HostTask {
            void run(HostRun host) throws Exception;
        }

        /** Runs a task on each host at once and waits for all; an unexpected error fails that host. */
        void parallel(Iterable<HostRun> targets, HostTask task) {
            List<Future<?>> futures = new ArrayList<>();
            List<HostRun> order = new ArrayList<>();
            for (HostRun host : targets) {
                order.add(host);
                futures.add(workers.submit((Callable<Void>) () -> {
                    task.run(host);
                    return null;
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    LocalizedText why = cause instanceof RemoteException remote ? remote.text()
                            : StepTexts.text("run.unexpected", String.valueOf(cause));
                    fail(order.get(i), "run", why);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail(order.get(i), "run", StepTexts.text("run.interrupted"));
                }
            }
        }

        // ------------------------------------------------------------ connect, facts, pre-flight

        /** An invalid topology stops the run before any connection, one failure per problem. */
        boolean validate() {
            List<dev.halab.core.topology.Problem> errors = dev.halab.core.topology.TopologyValidator.validate(topology)
                    .stream().filter(dev.halab.core.topology.Problem::isError).toList();
            for (dev.halab.core.topology.Problem problem : errors) {
                fail(null, "validate", StepTexts.text("run.invalidTopology", problem.field(), problem.message()));
            }
            return errors.isEmpty();
        }

        boolean connectAndProbe() {
            parallel(hosts.values(), host -> {
                emit(new RunEvent.HostStarted(Instant.now(), host.name()));
                try {
                    host.shell = shells.open(host.host);
                } catch (RemoteException e) {
                    fail(host, "connect", e.text());
                    return;
                }
                host.facts = probe(host);
                host.manifest = host.facts.manifest().orElse(Manifest.empty());
            });
            return hosts.values().stream().noneMatch(HostRun::failed);
        }

        HostFacts probe(HostRun host) throws RemoteException {
            return FactsProbe.gather(host.shell, Steps.probedPaths(host.host));
        }

        boolean preflight() {
            Map<String, HostFacts> facts = new LinkedHashMap<>();
            Map<String, dev.halab.core.remote.RemoteShell> shells = new LinkedHashMap<>();
            hosts.values().forEach(h -> {
                facts.put(h.name(), h.facts);
                shells.put(h.name(), h.shell);
            });
            for (HostRun host : hosts.values()) {
                report(PreflightResult.passed(host.name(), PreflightCheck.SSH, Preflight.loggedIn(host.host).detail()));
            }
            new PreflightRunner().run(topology, facts, shells).forEach(this::report);
            return hosts.values().stream().noneMatch(HostRun::failed);
        }

        /** A check's result as an event; a failure also fails the host, a warning is also a notice. */
        private void report(PreflightResult result) {
            String id = result.check().id();
            emit(new RunEvent.CheckFinished(Instant.now(), result.host(), id, Preflight.title(id), !result.failed(),
                    result.text()));
            switch (result.status()) {
                case FAILED -> fail(hosts.get(result.host()), "preflight", result.text());
                case WARNING -> emit(new RunEvent.Notice(Instant.now(), result.host(), result.text()));
                case PASSED -> { }
            }
            result.remedy().ifPresent(r -> emit(new RunEvent.RemedyOffered(Instant.now(), result.host(), id, r)));
        }

        StepContext context(HostRun host) {
            return new StepContext(topology, host.host, host.facts, files.forHost(topology, host.host, Distros.require(host.facts)));
        }

        /** The host's steps, for its release (pre-flight refused releases HA Lab does not know). */
        List<Step> steps(HostRun host) {
            return Steps.forHost(host.host, Distros.require(host.facts));
        }

        // ------------------------------------------------------------ dry run

        void dryRun(HostRun host) throws RemoteException {
            StepContext context = context(host);
            for (Step step : steps(host)) {
                emit(new RunEvent.StepStarted(Instant.now(), host.name(), step.id(), step.title()));
                StepResult result = step.plan(context);
                if (result instanceof StepResult.NothingToDo nothing) {
                    unchanged.incrementAndGet();
                    emit(new RunEvent.StepUnchanged(Instant.now(), host.name(), step.id(), nothing.reason()));
                    continue;
                }
                StepResult.Changes changes = (StepResult.Changes) result;
                changed.incrementAndGet();
                for (Action action : changes.actions()) {
                    for (String line : action.display()) {
                        emit(new RunEvent.CommandStarted(Instant.now(), host.name(), step.id(), line));
                    }
                    if (action instanceof Action.PutFile put) {
                        String old = null;
                        if (host.facts.exists(put.file().path())) {
                            CommandResult cat = host.shell.run(RemoteCommand.of("cat", put.file().path()).asRoot(), SHORT_TIMEOUT);
                            old = cat.ok() ? cat.stdout() : "";
                        }
                        emit(new RunEvent.FileDiff(Instant.now(), host.name(), put.file().path(),
                                Diffs.unified(put.file().path(), old, put.file().content())));
                    }
                }
                emit(new RunEvent.StepChanged(Instant.now(), host.name(), step.id(), changes.summary()));
            }
        }

        // ------------------------------------------------------------ apply

        /** Front ends need every back end (nginx proxies to them); keepalived needs both front ends. */
        boolean mayRun(HostRun host, Phase phase) {
            if (host.failed()) {
                skipAll(host, phase, StepTexts.text("run.skip.self", host.failedStep));
                return false;
            }
            if (host.host.isFrontEnd() && phase.compareTo(Phase.FRONTEND) >= 0) {
                for (HostRun other : hosts.values()) {
                    if (other != host && other.failed()) {
                        skipAll(host, phase, StepTexts.text("run.skip.other", other.name(), other.failedStep));
                        return false;
                    }
                }
            }
            return true;
        }

        void skipAll(HostRun host, Phase phase, LocalizedText why) {
            for (Step step : steps(host)) {
                if (step.phase() == phase) {
                    skipped.incrementAndGet();
                    emit(new RunEvent.StepSkipped(Instant.now(), host.name(), step.id(), why));
                }
            }
        }

        void applyPhase(HostRun host, Phase phase) throws RemoteException {
            List<Step> steps = steps(host).stream().filter(s -> s.phase() == phase).toList();
            if (steps.isEmpty()) {
                return;
            }
            if (host.factsStale) {
                host.facts = probe(host);
                host.factsStale = false;
            }
            StepContext context = context(host);
            for (Step step : steps) {
                if (host.failed()) {
                    skipped.incrementAndGet();
                    emit(new RunEvent.StepSkipped(Instant.now(), host.name(), step.id(),
                            StepTexts.text("run.skip.self", host.failedStep)));
                    continue;
                }
                emit(new RunEvent.StepStarted(Instant.now(), host.name(), step.id(), step.title()));
                StepResult result = step.plan(context);
                if (result instanceof StepResult.NothingToDo nothing) {
                    unchanged.incrementAndGet();
                    emit(new RunEvent.StepUnchanged(Instant.now(), host.name(), step.id(), nothing.reason()));
                    continue;
                }
                StepResult.Changes changes = (StepResult.Changes) result;
                host.factsStale = true;
                try {
                    execute(host, step.id(), changes.actions());
                    changed.incrementAndGet();
                    emit(new RunEvent.StepChanged(Instant.now(), host.name(), step.id(), changes.summary()));
                } catch (StepFailure e) {
                    fail(host, step.id(), e.why());
                }
            }
            if (!host.failed()) {
                runHandlers(host);
            }
        }

        void runHandlers(HostRun host) {
            for (Handler handler : List.copyOf(host.pendingHandlers)) {
                host.pendingHandlers.remove(handler);
                if (host.startedServices.contains(handler.service())) {
                    continue; // started after its files changed: it already runs with them
                }
                String stepId = "handler." + handler.name().toLowerCase(java.util.Locale.ROOT);
                emit(new RunEvent.StepStarted(Instant.now(), host.name(), stepId, StepTexts.text("handler." + handler.name())));
                try {
                    runChecked(host, stepId, handler.command(host.facts.initSystem()));
                    changed.incrementAndGet();
                    emit(new RunEvent.StepChanged(Instant.now(), host.name(), stepId, StepTexts.text("handler." + handler.name())));
                } catch (StepFailure e) {
                    fail(host, stepId, e.why());
                }
            }
        }

        /** A file moved into place in this step: where its previous version went (null: there was none). */
        private record Moved(String path, String backup) {
        }

        void execute(HostRun host, String stepId, List<Action> actions) throws StepFailure {
            List<Moved> moved = new ArrayList<>();
            Set<Action.PutFile> checkInPlace = new HashSet<>();
            try {
                for (Action action : actions) {
                    if (action instanceof Action.Run r) {
                        runChecked(host, stepId, r.command());
                        if (r.startsService() != null) {
                            host.startedServices.add(r.startsService());
                        }
                    } else if (action instanceof Action.InstallPackages install) {
                        installPackages(host, stepId, install);
                    } else if (action instanceof Action.PutFile put) {
                        putFile(host, stepId, put, moved);
                        if (put.validator().inPlaceCheck().isPresent()) {
                            checkInPlace.add(put);
                        }
                    } else if (action instanceof Action.MoveAside aside) {
                        moveAside(host, stepId, aside.path());
                    } else if (action instanceof Action.Notify notify) {
                        host.pendingHandlers.add(notify.handler());
                    }
                }
                for (Action.PutFile put : checkInPlace) {
                    runChecked(host, stepId, put.validator().inPlaceCheck().orElseThrow());
                }
            } catch (StepFailure e) {
                rollback(host, stepId, moved);
                throw e;
            }
        }

        CommandResult runChecked(HostRun host, String stepId, RemoteCommand command) throws StepFailure {
            CommandResult result = runLogged(host, stepId, command);
            if (!result.ok()) {
                String detail = lastLine(result.stderr().isBlank() ? result.stdout() : result.stderr());
                throw new StepFailure(StepTexts.text("run.commandFailed", command.display(), result.exitCode(), detail));
            }
            return result;
        }

        CommandResult runLogged(HostRun host, String stepId, RemoteCommand command) throws StepFailure {
            emit(new RunEvent.CommandStarted(Instant.now(), host.name(), stepId, command.display()));
            try {
                return host.shell.run(command, COMMAND_TIMEOUT, (stream, line) -> emit(new RunEvent.OutputLine(
                        Instant.now(), host.name(), stepId, stream == OutputListener.Stream.STDERR, line)));
            } catch (RemoteException e) {
                throw new StepFailure(e.text());
            }
        }

        void installPackages(HostRun host, String stepId, Action.InstallPackages install) throws StepFailure {
            if (!host.facts.aptBusy().isEmpty()) {
                emit(new RunEvent.Notice(Instant.now(), host.name(), StepTexts.text("preflight.aptBusy",
                        host.name(), String.join(" ", host.facts.aptBusy()))));
            }
            HostFacts before = host.facts;
            boolean updated = false;
            try {
                if (install.updateFirst()) {
                    runChecked(host, stepId, install.update());
                    updated = true;
                }
                CommandResult result = runLogged(host, stepId, install.install());
                if (!result.ok() && !updated && install.manager().saysPackageMissing(result.stderr())) {
                    // Stale package lists: refresh once, as a person would.
                    runChecked(host, stepId, install.update());
                    result = runLogged(host, stepId, install.install());
                }
                if (!result.ok()) {
                    throw new StepFailure(StepTexts.text("run.commandFailed", install.install().display(), result.exitCode(),
                            lastLine(result.stderr().isBlank() ? result.stdout() : result.stderr())));
                }
            } finally {
                recordAddedPackages(host, stepId, before);
            }
        }

        /** Records in the manifest what the install added (even a half-done one), so uninstall removes it. */
        void recordAddedPackages(HostRun host, String stepId, HostFacts before) throws StepFailure {
            HostFacts after;
            try {
                after = probe(host);
            } catch (RemoteException e) {
                throw new StepFailure(e.text());
            }
            List<String> packages = after.packages().keySet().stream().filter(p -> !before.installed(p)).sorted().toList();
            List<String> users = after.users().stream().filter(u -> !before.users().contains(u)).toList();
            List<String> groups = after.groups().stream().filter(g -> !before.groups().contains(g)).toList();
            List<String> upgraded = before.packages().entrySet().stream()
                    .filter(e -> after.installed(e.getKey()) && !after.version(e.getKey()).orElse("").equals(e.getValue()))
                    .map(e -> e.getKey() + " " + e.getValue() + " -> " + after.version(e.getKey()).orElse("?")).sorted().toList();
            if (!packages.isEmpty() || !users.isEmpty() || !groups.isEmpty() || !upgraded.isEmpty()) {
                writeManifest(host, host.manifest.withPackages(packages, users, groups).withUpgrades(upgraded));
            }
        }

        void writeManifest(HostRun host, Manifest manifest) throws StepFailure {
            try {
                host.shell.upload(FactsProbe.manifestBytes(manifest), Manifest.PATH, 0600);
                host.manifest = manifest;
            } catch (RemoteException e) {
                throw new StepFailure(e.text());
            }
        }

        String backupPath(String path) {
            return Manifest.BACKUP_ROOT + "/" + runId + path;
        }

        void putFile(HostRun host, String stepId, Action.PutFile put, List<Moved> moved) throws StepFailure {
            GeneratedFile file = put.file();
            String staged = Action.stagedPath(file.path());
            emit(new RunEvent.CommandStarted(Instant.now(), host.name(), stepId,
                    "upload " + staged + " (" + file.modeOctal() + ")"));
            try {
                host.shell.upload(file.content().getBytes(StandardCharsets.UTF_8), staged, file.mode());
            } catch (RemoteException e) {
                throw new StepFailure(e.text());
            }
            var check = put.validator().stagedCheck(staged);
            if (check.isPresent()) {
                CommandResult result = runLogged(host, stepId, check.get());
                if (!result.ok()) {
                    runLogged(host, stepId, RemoteCommand.of("rm", "-f", staged).asRoot());
                    throw new StepFailure(StepTexts.text("run.validationFailed", file.path(), host.name(),
                            lastLine(result.stderr().isBlank() ? result.stdout() : result.stderr())));
                }
            }
            boolean existed = host.facts.exists(file.path());
            String backup = backupPath(file.path());
            if (host.manifest.file(file.path()).isEmpty()) {
                writeManifest(host, host.manifest.withFile(new Manifest.FileRecord(file.path(), existed,
                        existed ? backup : null, false)));
            }
            runChecked(host, stepId, RemoteCommand.of("sh", "-c",
                    "set -e; if [ -e \"$1\" ] || [ -L \"$1\" ]; then mkdir -p \"$(dirname \"$3\")\"; cp -a \"$1\" \"$3\"; fi; mv -f \"$2\" \"$1\"",
                    "halab-put", file.path(), staged, backup).asRoot());
            moved.add(new Moved(file.path(), existed ? backup : null));
        }

        void moveAside(HostRun host, String stepId, String path) throws StepFailure {
            String backup = backupPath(path);
            if (host.manifest.file(path).isEmpty()) {
                writeManifest(host, host.manifest.withFile(new Manifest.FileRecord(path, true, backup, true)));
            }
            runChecked(host, stepId, RemoteCommand.of("sh", "-c",
                    "if [ -e \"$1\" ] || [ -L \"$1\" ]; then mkdir -p \"$(dirname \"$2\")\" && mv -f \"$1\" \"$2\"; fi",
                    "halab-move-aside", path, backup).asRoot());
        }

        void rollback(HostRun host, String stepId, List<Moved> moved) {
            List<Moved> reversed = new ArrayList<>(moved);
            Collections.reverse(reversed);
            for (Moved m : reversed) {
                RemoteCommand undo = m.backup() == null ? RemoteCommand.of("rm", "-f", m.path()).asRoot()
                        : RemoteCommand.of("cp", "-a", m.backup(), m.path()).asRoot();
                try {
                    runLogged(host, stepId, undo);
                } catch (StepFailure e) {
                    emit(new RunEvent.Notice(Instant.now(), host.name(), e.why()));
                }
            }
            if (!moved.isEmpty()) {
                emit(new RunEvent.Notice(Instant.now(), host.name(), StepTexts.text("run.rolledBack", stepId, moved.size())));
            }
        }

        // ------------------------------------------------------------ uninstall

        void uninstallHost(HostRun host) throws StepFailure {
            Manifest manifest = host.manifest;
            String stepId = "uninstall";
            emit(new RunEvent.StepStarted(Instant.now(), host.name(), stepId, StepTexts.text("uninstall.title")));
            if (host.facts.manifest().isEmpty()) {
                unchanged.incrementAndGet();
                emit(new RunEvent.StepUnchanged(Instant.now(), host.name(), stepId, StepTexts.text("uninstall.nothing")));
                return;
            }
            try {
                List<Manifest.FileRecord> files = new ArrayList<>(manifest.files());
                Collections.reverse(files);
                for (Manifest.FileRecord file : files) {
                    if (file.existed() && file.backup() != null) {
                        runChecked(host, stepId, RemoteCommand.of("sh", "-c",
                                "if [ -e \"$2\" ] || [ -L \"$2\" ]; then rm -f \"$1\"; mv -f \"$2\" \"$1\"; fi",
                                "halab-restore", file.path(), file.backup()).asRoot());
                    } else if (!file.existed()) {
                        runChecked(host, stepId, RemoteCommand.of("rm", "-f", file.path()).asRoot());
                    }
                }
                List<String> purge = manifest.packagesAdded().stream().filter(host.facts::installed).toList();
                if (!purge.isEmpty()) {
                    runChecked(host, stepId, Distros.of(host.facts).map(dev.halab.core.facts.Distro::packageManager)
                            .orElse(dev.halab.core.facts.PackageManager.APT).purge(purge));
                }
                for (String user : manifest.usersAdded()) {
                    if (host.facts.users().contains(user)) {
                        runChecked(host, stepId, RemoteCommand.of("userdel", user).asRoot());
                    }
                }
                for (String group : manifest.groupsAdded()) {
                    // userdel may already have removed a user's own group.
                    runChecked(host, stepId, RemoteCommand.of("sh", "-c", "! getent group \"$1\" >/dev/null || groupdel \"$1\"",
                            "halab-groupdel", group).asRoot());
                }
                // Services that stay (installed before HA Lab) pick up their restored files.
                if (host.facts.installed("nginx") && !purge.contains("nginx")) {
                    runChecked(host, stepId, Handler.RELOAD_NGINX.command(host.facts.initSystem()));
                }
                if (host.facts.installed("keepalived") && !purge.contains("keepalived")) {
                    runChecked(host, stepId, Handler.RESTART_KEEPALIVED.command(host.facts.initSystem()));
                }
                runChecked(host, stepId, RemoteCommand.of("rm", "-rf", Manifest.BACKUP_ROOT, "/var/log/halab", Manifest.PATH).asRoot());
                runChecked(host, stepId, RemoteCommand.shell("rmdir /var/lib/halab 2>/dev/null; true").asRoot());
                if (!manifest.packagesUpgraded().isEmpty()) {
                    emit(new RunEvent.Notice(Instant.now(), host.name(), StepTexts.text("uninstall.upgradesKept",
                            String.join(", ", manifest.packagesUpgraded()))));
                }
                changed.incrementAndGet();
                emit(new RunEvent.StepChanged(Instant.now(), host.name(), stepId, StepTexts.text("uninstall.done",
                        manifest.files().size(), purge.size())));
            } catch (StepFailure e) {
                fail(host, stepId, e.why());
            }
        }
    }

    static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }
}
