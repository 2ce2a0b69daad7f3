package dev.halab.core.event;

import dev.halab.core.i18n.LocalizedText;

import java.time.Instant;
import java.util.List;

/** Typed progress events of a plan / install / verify / uninstall run, each with its time. */
public sealed interface RunEvent {
    Instant at();

    record RunStarted(Instant at, String runKind, List<String> hosts) implements RunEvent { }

    record RunFinished(Instant at, boolean success, int changed, int unchanged, int failed,
                       LocalizedText summary) implements RunEvent { }

    record HostStarted(Instant at, String host) implements RunEvent { }

    record HostFinished(Instant at, String host, boolean success) implements RunEvent { }

    record StepStarted(Instant at, String host, String stepId, LocalizedText title) implements RunEvent { }

    /** A line of command output; {@code command} is the masked display form of the command. */
    record OutputLine(Instant at, String host, String stepId, boolean stderr, String line) implements RunEvent { }

    /**
     * A command about to run, or in a dry run a line of what an action would do: text as data, a
     * command as written with its secrets masked.
     */
    record CommandStarted(Instant at, String host, String stepId, LocalizedText command) implements RunEvent {
        /** A command as written ({@code RemoteCommand.display()}: secrets already masked). */
        public CommandStarted(Instant at, String host, String stepId, String command) {
            this(at, host, stepId, LocalizedText.asWritten(command));
        }
    }

    record StepChanged(Instant at, String host, String stepId, LocalizedText what) implements RunEvent { }

    record StepUnchanged(Instant at, String host, String stepId, LocalizedText reason) implements RunEvent { }

    record StepFailed(Instant at, String host, String stepId, LocalizedText why) implements RunEvent { }

    /** A step that did not run because something it depends on failed. */
    record StepSkipped(Instant at, String host, String stepId, LocalizedText why) implements RunEvent { }

    /** Dry run: a file that would change, as a unified diff. */
    record FileDiff(Instant at, String host, String path, String unifiedDiff) implements RunEvent { }

    /**
     * Pre-flight: one named check on one host ({@code checkId}: ssh, root, os, packages, nic, disk,
     * vip, apt, clones, controller, multicast, vrid, and any added later) and what it found. A failed
     * check is also reported as a failed step; a warning as a passed check and a {@link Notice}.
     */
    record CheckFinished(Instant at, String host, String checkId, LocalizedText title, boolean passed,
                         LocalizedText detail) implements RunEvent { }

    /**
     * A pre-flight check failed and this change to the profile would fix it: shown as a button by
     * the wizard, as a flag by the CLI ({@code checkId} as in {@link CheckFinished}, e.g. {@code multicast}).
     */
    record RemedyOffered(Instant at, String host, String checkId, dev.halab.core.topology.Remedy remedy) implements RunEvent { }

    /** Something worth telling that is not tied to a step (waiting for the apt lock, ...). */
    record Notice(Instant at, String host, LocalizedText text) implements RunEvent { }
}
