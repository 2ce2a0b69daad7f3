package dev.halab.core.plan;

import dev.halab.core.facts.HostFacts;
import dev.halab.core.facts.Manifest;
import dev.halab.core.facts.PackageManager;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.step.Action;
import dev.halab.core.step.StepTexts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Installs packages with apt and records in the manifest what that added, so uninstall removes
 * exactly that: first, before apt runs, what it is about to add, as pending; after it, what it added.
 */
final class PackageActions {
    /** The step id under which a run settles packages an earlier run left pending. */
    static final String PENDING_STEP = "packages.pending";
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
            recordPending(host, stepId, install, before);
            CommandResult result = commands.logged(host, stepId, install.install());
            outputs.add(result.stdout());
            if (!result.ok() && !updated && install.manager().saysPackageMissing(result.stderr())) {
                // Stale package lists: refresh once, as a person would.
                commands.checked(host, stepId, install.update());
                recordPending(host, stepId, install, before);
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

    /**
     * Takes over the packages an earlier run recorded as pending and was cut before recording what
     * apt did: those installed now are HA Lab's, and so are the users and groups their scripts
     * created (a user the host did not have before apt ran); the others are dropped. Before any step runs.
     */
    void adoptLeftOver(HostRun host) {
        if (host.manifest.packagesPending().isEmpty()) {
            return;
        }
        Manifest before = host.manifest;
        Manifest settled = before.withPendingPackagesSettled(host.facts::installed, host.facts.users(), host.facts.groups());
        try {
            manifests.write(host, PENDING_STEP, settled);
        } catch (StepFailure e) {
            run.fail(host, PENDING_STEP, e.why());
            return;
        }
        List<String> packages = newlyListed(before.packagesAdded(), settled.packagesAdded());
        if (!packages.isEmpty()) {
            run.notice(host, StepTexts.text("run.pendingPackagesAdopted", host.name(), String.join(" ", packages)));
        }
        List<String> users = newlyListed(before.usersAdded(), settled.usersAdded());
        if (!users.isEmpty()) {
            run.notice(host, StepTexts.text("run.pendingUsersAdopted", host.name(), String.join(" ", users)));
        }
        List<String> groups = newlyListed(before.groupsAdded(), settled.groupsAdded());
        if (!groups.isEmpty()) {
            run.notice(host, StepTexts.text("run.pendingGroupsAdopted", host.name(), String.join(" ", groups)));
        }
    }

    private static List<String> newlyListed(List<String> before, List<String> after) {
        return after.stream().filter(name -> !before.contains(name)).toList();
    }

    /**
     * Before apt runs, records on the host which packages this request will add: those asked for
     * that are not installed, and the NEW ones apt's simulation names; with them the users and
     * groups the host has before apt, so that the next run can tell which ones those packages'
     * scripts created. A run cut between apt and {@link #recordAdded} leaves them to
     * {@link #adoptLeftOver}. A failed simulation (an unknown package, say) still records the
     * packages asked for.
     */
    private void recordPending(HostRun host, String stepId, Action.InstallPackages install, HostFacts before) throws StepFailure {
        Set<String> pending = new LinkedHashSet<>(install.packages());
        CommandResult simulated = commands.logged(host, stepId, install.simulate());
        if (simulated.ok()) {
            pending.addAll(PackageAttribution.newPackages(simulated.stdout()));
        }
        List<String> added = pending.stream().filter(p -> !before.installed(p)).toList();
        if (!host.manifest.packagesPending().containsAll(added)) {
            manifests.write(host, stepId, host.manifest.withPendingPackages(added, before.users(), before.groups()));
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
        Set<String> ours = new LinkedHashSet<>(requested);
        ours.addAll(host.manifest.packagesPending());
        List<String> packages = PackageAttribution.added(before, after, ours, outputs);
        List<String> users = after.users().stream().filter(u -> !before.users().contains(u)).toList();
        List<String> groups = after.groups().stream().filter(g -> !before.groups().contains(g)).toList();
        List<String> upgraded = before.packages().entrySet().stream()
                .filter(e -> after.installed(e.getKey()) && !after.version(e.getKey()).orElse("").equals(e.getValue()))
                .map(e -> e.getKey() + " " + e.getValue() + " -> " + after.version(e.getKey()).orElse("?")).sorted().toList();
        if (!packages.isEmpty() || !users.isEmpty() || !groups.isEmpty() || !upgraded.isEmpty() || !host.manifest.packagesPending().isEmpty()) {
            // Pending packages not in `packages` were not installed by this request: dropped.
            manifests.write(host, stepId, host.manifest.withPackages(packages, users, groups).withUpgrades(upgraded)
                    .withoutPendingPackages());
        }
    }
}
