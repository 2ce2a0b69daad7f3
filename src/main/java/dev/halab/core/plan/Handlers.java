package dev.halab.core.plan;

import dev.halab.core.event.RunEvent;
import dev.halab.core.step.Handler;
import dev.halab.core.step.Phase;
import dev.halab.core.step.StepTexts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Runs the handlers that a phase's steps asked for (reload nginx, restart keepalived), once each,
 * except for a service that a later step of the run started: it already read the new files.
 */
final class Handlers {
    private final Run run;
    private final Commands commands;
    private final ManifestWriter manifests;

    Handlers(Run run, Commands commands, ManifestWriter manifests) {
        this.run = run;
        this.commands = commands;
        this.manifests = manifests;
    }

    /** Takes over the handlers an earlier, interrupted run left pending on the host (see {@link ActionRunner}). */
    static void adoptLeftOver(HostRun host) {
        for (String name : host.manifest.pendingHandlers()) {
            for (Handler handler : Handler.values()) {
                if (handler.name().equals(name)) {
                    host.pendingHandlers.add(handler);
                }
            }
        }
    }

    /** Runs the pending handlers that belong to this phase or an earlier one, then clears them on the host. */
    void runPending(HostRun host, Phase phase) {
        for (Handler handler : List.copyOf(host.pendingHandlers)) {
            if (handler.phase().compareTo(phase) > 0) {
                continue;
            }
            host.pendingHandlers.remove(handler);
            String stepId = "handler." + handler.name().toLowerCase(Locale.ROOT);
            try {
                if (!host.startedServices.contains(handler.service())) {
                    run.emit(new RunEvent.StepStarted(Instant.now(), host.name(), stepId, StepTexts.text("handler." + handler.name())));
                    commands.checked(host, stepId, handler.command(host.facts.initSystem()));
                    run.stats.changed();
                    run.emit(new RunEvent.StepChanged(Instant.now(), host.name(), stepId,
                            StepTexts.text("handler." + handler.name())));
                }
                if (host.manifest.pendingHandlers().contains(handler.name())) {
                    manifests.write(host, stepId, host.manifest.withoutPendingHandler(handler.name()));
                }
            } catch (StepFailure e) {
                run.fail(host, stepId, e.why());
            }
        }
    }
}
