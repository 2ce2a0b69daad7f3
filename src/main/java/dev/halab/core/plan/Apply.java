package dev.halab.core.plan;

import dev.halab.core.remote.RemoteException;
import dev.halab.core.step.Phase;
import dev.halab.core.step.Step;
import dev.halab.core.step.StepResult;

/** The install's way through the steps of one phase: carry out each step's actions, then the phase's handlers. */
final class Apply implements StepWalk.Mode {
    private final Run run;
    private final ActionRunner actions;
    private final Handlers handlers;
    private final Phase phase;

    Apply(Run run, ActionRunner actions, Handlers handlers, Phase phase) {
        this.run = run;
        this.actions = actions;
        this.handlers = handlers;
        this.phase = phase;
    }

    @Override
    public void beforeWalk(HostRun host) throws RemoteException {
        if (host.factsStale) {
            host.facts = run.probe(host);
            host.factsStale = false;
        }
    }

    @Override
    public void changes(HostRun host, Step step, StepResult.Changes changes) throws StepFailure {
        host.factsStale = true;
        actions.execute(host, step.id(), changes.actions());
    }

    @Override
    public void afterWalk(HostRun host) {
        handlers.runPending(host, phase);
    }
}
