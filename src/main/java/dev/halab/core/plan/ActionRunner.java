package dev.halab.core.plan;

import dev.halab.core.step.Action;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Carries out one step's actions in order. Files moved into place are put back if a later action
 * of the same step fails; checks that need every file of the step in place (nginx -t) run last.
 */
final class ActionRunner {
    private final Commands commands;
    private final FileActions files;
    private final PackageActions packages;
    private final ManifestWriter manifests;

    ActionRunner(Commands commands, FileActions files, PackageActions packages, ManifestWriter manifests) {
        this.commands = commands;
        this.files = files;
        this.packages = packages;
        this.manifests = manifests;
    }

    void execute(HostRun host, String stepId, List<Action> actions) throws StepFailure {
        List<FileActions.Moved> moved = new ArrayList<>();
        Set<Action.PutFile> checkInPlace = new LinkedHashSet<>();
        recordPendingHandlers(host, stepId, actions);
        try {
            for (Action action : actions) {
                executeOne(host, stepId, action, moved, checkInPlace);
            }
            for (Action.PutFile put : checkInPlace) {
                commands.checked(host, stepId, put.validator().inPlaceCheck().orElseThrow());
            }
        } catch (StepFailure e) {
            files.rollback(host, stepId, moved);
            throw e;
        }
    }

    /**
     * The handlers a step will notify are recorded on the host before any of its files moves in:
     * a run cut between the move and the handler leaves them for the next run to carry out.
     */
    private void recordPendingHandlers(HostRun host, String stepId, List<Action> actions) throws StepFailure {
        boolean movesFiles = actions.stream().anyMatch(a -> a instanceof Action.PutFile || a instanceof Action.MoveAside);
        for (Action action : actions) {
            if (movesFiles && action instanceof Action.Notify notify
                    && !host.manifest.pendingHandlers().contains(notify.handler().name())) {
                manifests.write(host, stepId, host.manifest.withPendingHandler(notify.handler().name()));
            }
        }
    }

    private void executeOne(HostRun host, String stepId, Action action, List<FileActions.Moved> moved,
                            Set<Action.PutFile> checkInPlace) throws StepFailure {
        if (action instanceof Action.Run r) {
            commands.checked(host, stepId, r.command());
            if (r.startsService() != null) {
                host.startedServices.add(r.startsService());
            }
        } else if (action instanceof Action.InstallPackages install) {
            packages.install(host, stepId, install);
        } else if (action instanceof Action.PutFile put) {
            moved.add(files.put(host, stepId, put));
            if (put.validator().inPlaceCheck().isPresent()) {
                checkInPlace.add(put);
            }
        } else if (action instanceof Action.MoveAside aside) {
            files.moveAside(host, stepId, aside.path());
        } else if (action instanceof Action.RecordUndo undo) {
            if (!host.manifest.undo().contains(undo.argv())) {
                manifests.write(host, stepId, host.manifest.withUndo(undo.argv()));
            }
        } else if (action instanceof Action.Notify notify) {
            host.pendingHandlers.add(notify.handler());
        } else {
            // Action is sealed, so this is a new kind of action the runner was not taught: never skip it silently.
            throw new IllegalStateException("the install engine cannot carry out " + action.getClass().getSimpleName()
                    + " (step " + stepId + "): teach ActionRunner this kind of action");
        }
    }
}
