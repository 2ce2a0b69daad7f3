package dev.halab.core.plan;

import dev.halab.core.event.RunEvent;
import dev.halab.core.step.Handler;
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

    Handlers(Run run, Commands commands) {
        this.run = run;
        this.commands = commands;
    }

    void runPending(HostRun host) {
        for (Handler handler : List.copyOf(host.pendingHandlers)) {
            host.pendingHandlers.remove(handler);
            if (host.startedServices.contains(handler.service())) {
                continue;
            }
            String stepId = "handler." + handler.name().toLowerCase(Locale.ROOT);
            run.emit(new RunEvent.StepStarted(Instant.now(), host.name(), stepId, StepTexts.text("handler." + handler.name())));
            try {
                commands.checked(host, stepId, handler.command(host.facts.initSystem()));
                run.stats.changed();
                run.emit(new RunEvent.StepChanged(Instant.now(), host.name(), stepId, StepTexts.text("handler." + handler.name())));
            } catch (StepFailure e) {
                run.fail(host, stepId, e.why());
            }
        }
    }
}
