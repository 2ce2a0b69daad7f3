package dev.halab.core.plan;

import dev.halab.core.event.RunEvent;
import dev.halab.core.event.RunListener;
import dev.halab.core.facts.FactsProbe;
import dev.halab.core.facts.HostFacts;
import dev.halab.core.facts.Manifest;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.step.StepContext;
import dev.halab.core.step.StepTexts;
import dev.halab.core.step.Steps;
import dev.halab.core.template.HostFiles;
import dev.halab.core.step.Step;
import dev.halab.core.facts.Distros;
import dev.halab.core.topology.Problem;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.TopologyValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One invocation of the engine: its listener, statistics, per-host state and worker threads.
 * Closed at the end of the run (workers stopped, every shell closed).
 */
final class Run implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Run.class);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    final Topology topology;
    final String kind;
    final String runId = RUN_ID.format(Instant.now());
    final Map<String, HostRun> hosts = new LinkedHashMap<>();
    final RunStats stats = new RunStats();
    private final RunListener listener;
    private final ShellFactory shells;
    private final HostFiles.Source files;
    private final ExecutorService workers;

    Run(Topology topology, RunListener listener, String kind, ShellFactory shells,
        HostFiles.Source files) {
        this.topology = topology;
        this.listener = listener;
        this.kind = kind;
        this.shells = shells;
        this.files = files;
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

    void notice(HostRun host, LocalizedText text) {
        emit(new RunEvent.Notice(Instant.now(), host.name(), text));
    }

    void fail(HostRun host, String stepId, LocalizedText why) {
        if (host != null && host.failedStep == null) {
            host.failedStep = stepId;
        }
        String name = host == null ? "" : host.name();
        stats.failed(new RunSummary.Failure(name, stepId, why));
        emit(new RunEvent.StepFailed(Instant.now(), name, stepId, why));
    }

    boolean anyFailed() {
        return hosts.values().stream().anyMatch(HostRun::failed);
    }

    /** Work on one host, on a worker thread of the run. */
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
                LocalizedText why;
                if (cause instanceof RemoteException remote) {
                    why = remote.text();
                } else {
                    // A bug, not a host problem: keep the trace for whoever reads the log.
                    LOG.error("{} on {}: unexpected error", kind, order.get(i).name(), cause);
                    why = StepTexts.text("run.unexpected", String.valueOf(cause));
                }
                fail(order.get(i), "run", why);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(f -> f.cancel(true));
                fail(order.get(i), "run", StepTexts.text("run.interrupted"));
            }
        }
    }

    /** An invalid topology stops the run before any connection, one failure per problem. */
    boolean validate() {
        List<Problem> errors = TopologyValidator.validate(topology).stream().filter(Problem::isError).toList();
        for (Problem problem : errors) {
            fail(null, "validate", StepTexts.text("run.invalidTopology", problem.field(), problem.message()));
        }
        return errors.isEmpty();
    }

    /** Opens a shell to every host and reads its facts and manifest. */
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
        return !anyFailed();
    }

    /** The host's facts; HA Lab's backup folder is probed too, to tell a lost manifest from a fresh host. */
    HostFacts probe(HostRun host) throws RemoteException {
        List<String> paths = new ArrayList<>(Steps.probedPaths(host.host));
        paths.add(Manifest.BACKUP_ROOT);
        return FactsProbe.gather(host.shell, paths);
    }

    /**
     * Why the host's manifest cannot be relied on, if so: it is damaged, or it is gone while
     * HA Lab's backups are still there. Install and uninstall then stop on that host, touching nothing.
     */
    Optional<LocalizedText> manifestProblem(HostRun host) {
        Optional<Manifest> manifest = host.facts.manifest();
        if (manifest.isPresent() && manifest.get().isDamaged()) {
            return Optional.of(StepTexts.text("manifest.damaged", host.name(), Manifest.PATH,
                    StepTexts.text("manifest.damage." + manifest.get().damage()), Manifest.BACKUP_ROOT));
        }
        if (manifest.isEmpty() && host.facts.exists(Manifest.BACKUP_ROOT)) {
            return Optional.of(StepTexts.text("manifest.missing", host.name(), Manifest.PATH, Manifest.BACKUP_ROOT));
        }
        return Optional.empty();
    }

    StepContext context(HostRun host) {
        return new StepContext(topology, host.host, host.facts, files.forHost(topology, host.host, Distros.require(host.facts)));
    }

    /** The host's steps, for its release (pre-flight refused releases HA Lab does not know). */
    List<Step> steps(HostRun host) {
        return Steps.forHost(host.host, Distros.require(host.facts));
    }

    String backupPath(String path) {
        return Manifest.BACKUP_ROOT + "/" + runId + path;
    }

    void start() {
        emit(new RunEvent.RunStarted(Instant.now(), kind, List.copyOf(hosts.keySet())));
    }

    RunSummary finish() {
        RunStats.RunFinish finish = stats.finish(kind);
        emit(finish.event());
        return finish.summary();
    }

    @Override
    public void close() {
        workers.shutdownNow();
        hosts.values().forEach(h -> {
            if (h.shell != null) {
                h.shell.close();
            }
        });
    }
}
