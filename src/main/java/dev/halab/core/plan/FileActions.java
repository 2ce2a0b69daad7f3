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
        if (host.manifest.file(file.path()).isEmpty()) {
            manifests.write(host, stepId, host.manifest.withFile(new Manifest.FileRecord(file.path(), existed, existed ? backup : null, false)));
        }
        commands.checked(host, stepId, RemoteCommand.of("sh", "-c",
                "set -e; if [ -e \"$1\" ] || [ -L \"$1\" ]; then mkdir -p \"$(dirname \"$3\")\"; cp -a \"$1\" \"$3\"; fi; mv -f \"$2\" \"$1\"",
                "halab-put", file.path(), staged, backup).asRoot());
        return new Moved(file.path(), existed ? backup : null);
    }

    void moveAside(HostRun host, String stepId, String path) throws StepFailure {
        String backup = run.backupPath(path);
        if (host.manifest.file(path).isEmpty()) {
            manifests.write(host, stepId, host.manifest.withFile(new Manifest.FileRecord(path, true, backup, true)));
        }
        commands.checked(host, stepId, RemoteCommand.of("sh", "-c",
                "if [ -e \"$1\" ] || [ -L \"$1\" ]; then mkdir -p \"$(dirname \"$2\")\" && mv -f \"$1\" \"$2\"; fi",
                "halab-move-aside", path, backup).asRoot());
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
