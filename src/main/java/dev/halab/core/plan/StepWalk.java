package dev.halab.core.plan;

import dev.halab.core.event.RunEvent;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.step.Step;
import dev.halab.core.step.StepContext;
import dev.halab.core.step.StepResult;
import dev.halab.core.step.StepTexts;

import java.time.Instant;
import java.util.List;

/**
 * The one walk over a host's steps, shared by the dry run and the install: each step is planned
 * against the host's facts; "nothing to do" is reported as such, changes go to a {@link Mode}
 * that shows them (dry run) or carries them out (install). Once a step fails on the host, the
 * rest are reported as skipped.
 */
final class StepWalk {

    /** What to do with a step's changes. */
    interface Mode {
        /** Before the first step of the walk (e.g. refresh facts that earlier changes made stale). */
        void beforeWalk(HostRun host) throws RemoteException;

        /** Shows or carries out the changes; a {@link StepFailure} fails the step (and the host). */
        void changes(HostRun host, Step step, StepResult.Changes changes) throws StepFailure, RemoteException;

        /** After the last step, unless the host failed (e.g. the handlers). */
        void afterWalk(HostRun host);
    }

    private final Run run;

    StepWalk(Run run) {
        this.run = run;
    }

    void walk(HostRun host, List<Step> steps, Mode mode) throws RemoteException {
        if (steps.isEmpty()) {
            return;
        }
        mode.beforeWalk(host);
        StepContext context = run.context(host);
        for (Step step : steps) {
            if (host.failed()) {
                run.stats.skipped();
                run.emit(new RunEvent.StepSkipped(Instant.now(), host.name(), step.id(),
                        StepTexts.text("run.skip.self", host.failedStep)));
                continue;
            }
            run.emit(new RunEvent.StepStarted(Instant.now(), host.name(), step.id(), step.title()));
            StepResult result = step.plan(context);
            if (result instanceof StepResult.NothingToDo nothing) {
                run.stats.unchanged();
                run.emit(new RunEvent.StepUnchanged(Instant.now(), host.name(), step.id(), nothing.reason()));
                continue;
            }
            StepResult.Changes changes = (StepResult.Changes) result;
            try {
                mode.changes(host, step, changes);
                run.stats.changed();
                run.emit(new RunEvent.StepChanged(Instant.now(), host.name(), step.id(), changes.summary()));
            } catch (StepFailure e) {
                run.fail(host, step.id(), e.why());
            }
        }
        if (!host.failed()) {
            mode.afterWalk(host);
        }
    }
}
