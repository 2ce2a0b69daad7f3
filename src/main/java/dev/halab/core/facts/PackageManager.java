package dev.halab.core.facts;

import dev.halab.core.command.RemoteCommand;

import java.util.ArrayList;
import java.util.List;

/**
 * A package manager as values: the commands HA Lab sends and the texts by which its errors are
 * recognised. Only apt today; a new family adds a constant here (docs/adding-a-distro.md).
 */
public enum PackageManager {
    // LC_ALL=C: HA Lab reads apt's answers (what it installs, what it cannot find) in English.
    // force-confdef/confold: a changed conffile never stops apt at a prompt; the admin's file is kept.
    APT(List.of("env", "LC_ALL=C", "DEBIAN_FRONTEND=noninteractive", "apt-get", "-q", "-o", "DPkg::Lock::Timeout=300"),
            List.of("update"),
            List.of("-o", "Dpkg::Options::=--force-confdef", "-o", "Dpkg::Options::=--force-confold",
                    "install", "-y", "--no-install-recommends"),
            List.of("purge", "-y"),
            List.of("install", "--simulate", "--no-install-recommends"),
            List.of("Unable to locate package", "has no installation candidate"),
            "install/package-candidates.sh");

    /** What {@link #repairInterrupted()} prints when it had something to repair. */
    public static final String INTERRUPTED = "halab-dpkg-interrupted";

    private final List<String> base;
    private final List<String> update;
    private final List<String> install;
    private final List<String> purge;
    private final List<String> simulate;
    private final List<String> missingPackageTexts;
    private final String candidatesScript;

    PackageManager(List<String> base, List<String> update, List<String> install, List<String> purge, List<String> simulate,
                   List<String> missingPackageTexts, String candidatesScript) {
        this.base = base;
        this.update = update;
        this.install = install;
        this.purge = purge;
        this.simulate = simulate;
        this.missingPackageTexts = missingPackageTexts;
        this.candidatesScript = candidatesScript;
    }

    /** Refreshes the package lists. */
    public RemoteCommand update() {
        return command(update, List.of());
    }

    /** Installs packages non-interactively, without recommended extras. */
    public RemoteCommand install(List<String> packages) {
        return command(install, packages);
    }

    /**
     * Says, changing nothing, what {@link #install} of these packages would do: with apt, the
     * packages it would newly install under "The following NEW packages will be installed:".
     */
    public RemoteCommand simulateInstall(List<String> packages) {
        return command(simulate, packages);
    }

    /** Removes packages with their configuration (uninstall of what HA Lab added). */
    public RemoteCommand purge(List<String> packages) {
        return command(purge, packages);
    }

    /**
     * Finishes a package installation that was cut short (dpkg's journal not empty, or packages
     * left unpacked or half configured): prints {@link #INTERRUPTED} first when it did so,
     * otherwise changes nothing. apt refuses to install anything until this is done.
     */
    public RemoteCommand repairInterrupted() {
        return RemoteCommand.shell("if [ -n \"$(ls -A /var/lib/dpkg/updates 2>/dev/null)\" ] || [ -n \"$(dpkg --audit 2>/dev/null)\" ]; "
                + "then echo " + INTERRUPTED + "; LC_ALL=C DEBIAN_FRONTEND=noninteractive dpkg --configure -a --force-confdef --force-confold; fi")
                .asRoot();
    }

    /** True when a failed install's output says a package is unknown (stale or missing lists). */
    public boolean saysPackageMissing(String output) {
        return missingPackageTexts.stream().anyMatch(output::contains);
    }

    /** The resource of the read-only script that prints {@code candidate<TAB>PACKAGE<TAB>VERSION} lines. */
    public String candidatesScript() {
        return candidatesScript;
    }

    private RemoteCommand command(List<String> verb, List<String> packages) {
        List<String> argv = new ArrayList<>(base);
        argv.addAll(verb);
        argv.addAll(packages);
        return RemoteCommand.of(argv).asRoot();
    }
}
