package dev.halab.core.plan;

import dev.halab.core.event.RunEvent;
import dev.halab.core.facts.HostFacts;
import dev.halab.core.facts.Manifest;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.remote.RemoteShell;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pre-flight phase of a run: every check of {@link PreflightRunner} per host, each reported
 * as a {@link RunEvent.CheckFinished}. A failed check fails its host and stops the run before
 * anything changes; a warning is also a notice; a remedy is offered as an event.
 */
final class PreflightPhase {
    private final Run run;

    PreflightPhase(Run run) {
        this.run = run;
    }

    /** True when every check passed on every host. */
    boolean run() {
        Map<String, HostFacts> facts = new LinkedHashMap<>();
        Map<String, RemoteShell> shells = new LinkedHashMap<>();
        run.hosts.values().forEach(h -> {
            facts.put(h.name(), h.facts);
            shells.put(h.name(), h.shell);
        });
        for (HostRun host : run.hosts.values()) {
            report(PreflightResult.passed(host.name(), PreflightCheck.SSH, Preflight.loggedIn(host.host).detail()));
            report(manifest(host));
        }
        new PreflightRunner().run(run.topology, facts, shells).forEach(this::report);
        return !run.anyFailed();
    }

    /** A damaged manifest, or backups without one, is a failed check of its own: nothing may change there. */
    private PreflightResult manifest(HostRun host) {
        Optional<LocalizedText> problem = run.manifestProblem(host);
        if (problem.isPresent()) {
            return PreflightResult.failed(host.name(), PreflightCheck.MANIFEST, problem.get());
        }
        return host.facts.manifest()
                .map(m -> PreflightResult.passed(host.name(), PreflightCheck.MANIFEST,
                        Preflight.text("manifest.ok", Manifest.PATH, m.files().size())))
                .orElseGet(() -> PreflightResult.passed(host.name(), PreflightCheck.MANIFEST, Preflight.text("manifest.none")));
    }

    private void report(PreflightResult result) {
        String id = result.check().id();
        run.emit(new RunEvent.CheckFinished(Instant.now(), result.host(), id, Preflight.title(id), !result.failed(), result.text()));
        switch (result.status()) {
            case FAILED -> run.fail(run.hosts.get(result.host()), "preflight", result.text());
            case WARNING -> run.emit(new RunEvent.Notice(Instant.now(), result.host(), result.text()));
            case PASSED -> { }
            default -> throw new IllegalStateException("unknown pre-flight status " + result.status());
        }
        result.remedy().ifPresent(r -> run.emit(new RunEvent.RemedyOffered(Instant.now(), result.host(), id, r)));
    }
}
