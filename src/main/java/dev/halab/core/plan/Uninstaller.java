package dev.halab.core.plan;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.event.RunEvent;
import dev.halab.core.facts.Distro;
import dev.halab.core.facts.Distros;
import dev.halab.core.facts.Manifest;
import dev.halab.core.facts.PackageManager;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.step.Handler;
import dev.halab.core.step.StepTexts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Undoes what the host's manifest records, newest first: files put back or removed, packages
 * purged, users and groups removed, services that stay reloaded, then HA Lab's own records.
 */
final class Uninstaller {
    private static final String STEP = "uninstall";

    private final Run run;
    private final Commands commands;

    Uninstaller(Run run, Commands commands) {
        this.run = run;
        this.commands = commands;
    }

    void uninstall(HostRun host) {
        // Packages a cut install recorded as pending are HA Lab's if they are installed now, and so are the users they created.
        Manifest manifest = host.manifest.withPendingPackagesSettled(host.facts::installed, host.facts.users(), host.facts.groups());
        run.emit(new RunEvent.StepStarted(Instant.now(), host.name(), STEP, StepTexts.text("uninstall.title")));
        var problem = run.manifestProblem(host);
        if (problem.isPresent()) {
            // Without a trustworthy record nothing may be removed: least of all the backups.
            run.fail(host, STEP, problem.get());
            return;
        }
        if (host.facts.manifest().isEmpty()) {
            run.stats.unchanged();
            run.emit(new RunEvent.StepUnchanged(Instant.now(), host.name(), STEP, StepTexts.text("uninstall.nothing")));
            return;
        }
        try {
            restoreFiles(host, manifest);
            undoOtherChanges(host, manifest);
            List<String> purge = manifest.packagesAdded().stream().filter(host.facts::installed).toList();
            if (!purge.isEmpty()) {
                commands.checked(host, STEP, Distros.of(host.facts).map(Distro::packageManager)
                        .orElse(PackageManager.APT).purge(purge));
            }
            for (String user : manifest.usersAdded()) {
                if (host.facts.users().contains(user)) {
                    commands.checked(host, STEP, RemoteCommand.of("userdel", user).asRoot());
                }
            }
            for (String group : manifest.groupsAdded()) {
                // userdel may already have removed a user's own group.
                commands.checked(host, STEP, RemoteCommand.of("sh", "-c", "! getent group \"$1\" >/dev/null || groupdel \"$1\"",
                        "halab-groupdel", group).asRoot());
            }
            // Services that stay (installed before HA Lab) pick up their restored files.
            if (host.facts.installed("nginx") && !purge.contains("nginx")) {
                commands.checked(host, STEP, Handler.RELOAD_NGINX.command(host.facts.initSystem()));
            }
            if (host.facts.installed("keepalived") && !purge.contains("keepalived")) {
                commands.checked(host, STEP, Handler.RESTART_KEEPALIVED.command(host.facts.initSystem()));
            }
            commands.checked(host, STEP, RemoteCommand.of("rm", "-rf", Manifest.BACKUP_ROOT, "/var/log/halab", Manifest.PATH).asRoot());
            commands.checked(host, STEP, RemoteCommand.shell("rmdir /var/lib/halab 2>/dev/null; true").asRoot());
            if (!manifest.packagesUpgraded().isEmpty()) {
                run.notice(host, StepTexts.text("uninstall.upgradesKept", String.join(", ", manifest.packagesUpgraded())));
            }
            run.stats.changed();
            run.emit(new RunEvent.StepChanged(Instant.now(), host.name(), STEP, StepTexts.text("uninstall.done",
                    manifest.files().size(), purge.size())));
        } catch (StepFailure e) {
            run.fail(host, STEP, e.why());
        }
    }

    /** Firewall rules, sysctl settings: newest first; one that cannot be undone is told, not fatal. */
    private void undoOtherChanges(HostRun host, Manifest manifest) throws StepFailure {
        List<List<String>> undo = new ArrayList<>(manifest.undo());
        Collections.reverse(undo);
        for (List<String> argv : undo) {
            RemoteCommand command = RemoteCommand.of(argv).asRoot();
            CommandResult result = commands.logged(host, STEP, command);
            if (!result.ok()) {
                run.notice(host, StepTexts.text("run.commandFailed", command.display(), result.exitCode(), Commands.lastLine(result)));
            }
        }
    }

    private void restoreFiles(HostRun host, Manifest manifest) throws StepFailure {
        List<Manifest.FileRecord> files = new ArrayList<>(manifest.files());
        Collections.reverse(files);
        for (Manifest.FileRecord file : files) {
            if (file.existed() && file.backup() != null) {
                commands.checked(host, STEP, RemoteCommand.of("sh", "-c",
                        "if [ -e \"$2\" ] || [ -L \"$2\" ]; then rm -f \"$1\"; mv -f \"$2\" \"$1\"; fi",
                        "halab-restore", file.path(), file.backup()).asRoot());
            } else if (!file.existed()) {
                commands.checked(host, STEP, RemoteCommand.of("rm", "-f", file.path()).asRoot());
            }
        }
    }
}
