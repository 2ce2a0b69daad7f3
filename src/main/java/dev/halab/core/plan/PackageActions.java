package dev.halab.core.plan;

import dev.halab.core.facts.HostFacts;
import dev.halab.core.facts.PackageManager;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.step.Action;
import dev.halab.core.step.StepTexts;

import java.util.ArrayList;
import java.util.List;

/** Installs packages with apt and records in the manifest what that added, so uninstall removes exactly that. */
final class PackageActions {
    private final Run run;
    private final Commands commands;
    private final ManifestWriter manifests;

    PackageActions(Run run, Commands commands, ManifestWriter manifests) {
        this.run = run;
        this.commands = commands;
        this.manifests = manifests;
    }

    void install(HostRun host, String stepId, Action.InstallPackages install) throws StepFailure {
        if (!host.facts.aptBusy().isEmpty()) {
            run.notice(host, StepTexts.text("preflight.aptBusy", host.name(), String.join(" ", host.facts.aptBusy())));
        }
        HostFacts before = host.facts;
        List<String> outputs = new ArrayList<>();
        boolean updated = false;
        try {
            CommandResult repair = commands.checked(host, stepId, install.repair());
            if (repair.stdout().contains(PackageManager.INTERRUPTED)) {
                run.notice(host, StepTexts.text("run.dpkgRepaired", host.name()));
            }
            if (install.updateFirst()) {
                commands.checked(host, stepId, install.update());
                updated = true;
            }
            CommandResult result = commands.logged(host, stepId, install.install());
            outputs.add(result.stdout());
            if (!result.ok() && !updated && install.manager().saysPackageMissing(result.stderr())) {
                // Stale package lists: refresh once, as a person would.
                commands.checked(host, stepId, install.update());
                result = commands.logged(host, stepId, install.install());
                outputs.add(result.stdout());
            }
            if (!result.ok()) {
                throw new StepFailure(StepTexts.text("run.commandFailed", install.install().display(), result.exitCode(),
                        Commands.lastLine(result)));
            }
        } finally {
            recordAdded(host, stepId, before, install.packages(), outputs);
        }
    }

    /** Records in the manifest what the install added for HA Lab (even a half-done one), so uninstall removes it. */
    private void recordAdded(HostRun host, String stepId, HostFacts before, List<String> requested, List<String> outputs) throws StepFailure {
        HostFacts after;
        try {
            after = run.probe(host);
        } catch (RemoteException e) {
            throw new StepFailure(e.text());
        }
        List<String> packages = PackageAttribution.added(before, after, requested, outputs);
        List<String> users = after.users().stream().filter(u -> !before.users().contains(u)).toList();
        List<String> groups = after.groups().stream().filter(g -> !before.groups().contains(g)).toList();
        List<String> upgraded = before.packages().entrySet().stream()
                .filter(e -> after.installed(e.getKey()) && !after.version(e.getKey()).orElse("").equals(e.getValue()))
                .map(e -> e.getKey() + " " + e.getValue() + " -> " + after.version(e.getKey()).orElse("?")).sorted().toList();
        if (!packages.isEmpty() || !users.isEmpty() || !groups.isEmpty() || !upgraded.isEmpty()) {
            manifests.write(host, stepId, host.manifest.withPackages(packages, users, groups).withUpgrades(upgraded));
        }
    }
}
