package dev.halab.core.plan;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.event.RunEvent;
import dev.halab.core.facts.Manifest;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.step.Action;
import dev.halab.core.step.StepTexts;
import dev.halab.core.template.GeneratedFile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Files on a host: a generated file is uploaded beside its target, checked, the previous version
 * backed up (recorded in the manifest first), then moved into place; a file can be moved aside;
 * files moved in by a failed step are put back.
 */
final class FileActions {
    private final Run run;
    private final Commands commands;
    private final ManifestWriter manifests;

    FileActions(Run run, Commands commands, ManifestWriter manifests) {
        this.run = run;
        this.commands = commands;
        this.manifests = manifests;
    }

    /** A file moved into place: where its previous version went (null: there was none). */
    record Moved(String path, String backup) {
    }

    Moved put(HostRun host, String stepId, Action.PutFile put) throws StepFailure {
        GeneratedFile file = put.file();
        String staged = Action.stagedPath(file.path());
        run.emit(new RunEvent.CommandStarted(Instant.now(), host.name(), stepId,
                StepTexts.text("action.uploadStaged", staged, file.modeOctal())));
        try {
            host.shell.upload(file.content().getBytes(StandardCharsets.UTF_8), staged, file.mode());
        } catch (RemoteException e) {
            throw new StepFailure(e.text());
        }
        var check = put.validator().stagedCheck(staged);
        if (check.isPresent()) {
            CommandResult result = commands.logged(host, stepId, check.get());
            if (!result.ok()) {
                commands.logged(host, stepId, RemoteCommand.of("rm", "-f", staged).asRoot());
                throw new StepFailure(StepTexts.text("run.validationFailed", file.path(), host.name(), Commands.lastLine(result)));
            }
        }
        boolean existed = host.facts.exists(file.path());
        String backup = run.backupPath(file.path());
        Optional<String> original = recordedBackup(host, file.path());
        if (host.manifest.file(file.path()).isEmpty()) {
            manifests.write(host, stepId, host.manifest.withFile(new Manifest.FileRecord(file.path(), existed, existed ? backup : null, false)));
        }
        String keep = "mkdir -p \"$(dirname \"$3\")\"; cp -a \"$1\" \"$3\";";
        if (original.isEmpty()) {
            commands.checked(host, stepId, RemoteCommand.of("sh", "-c",
                    "set -e; if [ -e \"$1\" ] || [ -L \"$1\" ]; then " + keep + " fi; mv -f \"$2\" \"$1\"",
                    "halab-put", file.path(), staged, backup).asRoot());
        } else {
            // Recorded by an earlier run that was cut before its move: the original is still in place, keep it there.
            commands.checked(host, stepId, RemoteCommand.of("sh", "-c",
                    "set -e; if [ -e \"$1\" ] || [ -L \"$1\" ]; then " + keep + " if [ ! -e \"$4\" ] && [ ! -L \"$4\" ]; then "
                            + "mkdir -p \"$(dirname \"$4\")\"; cp -a \"$1\" \"$4\"; fi; fi; mv -f \"$2\" \"$1\"",
                    "halab-put", file.path(), staged, backup, original.get()).asRoot());
        }
        return new Moved(file.path(), existed ? backup : null);
    }

    /**
     * The backup the manifest names for a file, when it is not this run's: an earlier run recorded it
     * (the record is written before the move), so that is where the original must be, whichever run moves it.
     */
    private Optional<String> recordedBackup(HostRun host, String path) {
        return host.manifest.file(path).map(Manifest.FileRecord::backup).filter(b -> !b.equals(run.backupPath(path)));
    }

    void moveAside(HostRun host, String stepId, String path) throws StepFailure {
        String backup = run.backupPath(path);
        Optional<String> original = recordedBackup(host, path);
        if (host.manifest.file(path).isEmpty()) {
            manifests.write(host, stepId, host.manifest.withFile(new Manifest.FileRecord(path, true, backup, true)));
        }
        if (original.isEmpty()) {
            commands.checked(host, stepId, RemoteCommand.of("sh", "-c",
                    "if [ -e \"$1\" ] || [ -L \"$1\" ]; then mkdir -p \"$(dirname \"$2\")\" && mv -f \"$1\" \"$2\"; fi",
                    "halab-move-aside", path, backup).asRoot());
        } else {
            // To the recorded backup, unless an earlier run already moved the original there (then the file came back: keep it aside too).
            commands.checked(host, stepId, RemoteCommand.of("sh", "-c",
                    "if [ -e \"$1\" ] || [ -L \"$1\" ]; then if [ -e \"$2\" ] || [ -L \"$2\" ]; then b=\"$3\"; else b=\"$2\"; fi; "
                            + "mkdir -p \"$(dirname \"$b\")\" && mv -f \"$1\" \"$b\"; fi",
                    "halab-move-aside", path, original.get(), backup).asRoot());
        }
    }

    /** Puts back, newest first, the files a failed step moved into place; a failure here is told, not thrown. */
    void rollback(HostRun host, String stepId, List<Moved> moved) {
        List<Moved> reversed = new ArrayList<>(moved);
        Collections.reverse(reversed);
        for (Moved m : reversed) {
            RemoteCommand undo = m.backup() == null ? RemoteCommand.of("rm", "-f", m.path()).asRoot()
                    : RemoteCommand.of("cp", "-a", m.backup(), m.path()).asRoot();
            try {
                commands.logged(host, stepId, undo);
            } catch (StepFailure e) {
                run.notice(host, e.why());
            }
        }
        if (!moved.isEmpty()) {
            run.notice(host, StepTexts.text("run.rolledBack", stepId, moved.size()));
        }
    }
}
