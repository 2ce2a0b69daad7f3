package dev.halab.core.plan;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.event.RunEvent;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.step.Action;
import dev.halab.core.step.Step;
import dev.halab.core.step.StepResult;

import java.time.Duration;
import java.time.Instant;

/** The dry run's way through the steps: every command that would run, and a diff per file that would change. */
final class DryRun implements StepWalk.Mode {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final Run run;

    DryRun(Run run) {
        this.run = run;
    }

    @Override
    public void beforeWalk(HostRun host) {
        // The facts read at the start are current: a dry run changes nothing.
    }

    @Override
    public void changes(HostRun host, Step step, StepResult.Changes changes) throws RemoteException {
        for (Action action : changes.actions()) {
            for (LocalizedText line : action.display()) {
                run.emit(new RunEvent.CommandStarted(Instant.now(), host.name(), step.id(), line));
            }
            if (action instanceof Action.PutFile put) {
                String old = null;
                if (host.facts.exists(put.file().path())) {
                    CommandResult cat = host.shell.run(RemoteCommand.of("cat", put.file().path()).asRoot(), READ_TIMEOUT);
                    old = cat.ok() ? cat.stdout() : "";
                }
                run.emit(new RunEvent.FileDiff(Instant.now(), host.name(), put.file().path(),
                        Diffs.unified(put.file().path(), old, put.file().content())));
            }
        }
    }

    @Override
    public void afterWalk(HostRun host) {
        // Nothing was changed, so no handler is due.
    }
}
