package dev.halab.core.plan;

import dev.halab.core.facts.Distro;
import dev.halab.core.facts.Distros;
import dev.halab.core.facts.HostFacts;
import dev.halab.core.facts.Identity;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.step.StepTexts;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.halab.core.plan.PreflightResult.failed;
import static dev.halab.core.plan.PreflightResult.passed;

/**
 * The pre-flight checks that need facts only (those that send, listen or ask the package sources
 * are run by {@link PreflightRunner}): every check of every host is reported with its result, so a
 * front end can show what was checked and not only what failed. A failed check stops the whole
 * run with nothing changed, one clear message per problem. A new check is one more
 * {@link PreflightCheck} with its title key {@code check.<id>} in {@code i18n/preflight.properties};
 * front ends show it without change.
 */
public final class Preflight {
    /** nginx + keepalived + tomcat with their dependencies need about 150 MB; ask for margin. */
    public static final long MIN_FREE_KB = 300L * 1024;
    /** Bundle of the checks' titles and texts ({@code i18n/preflight*.properties}). */
    public static final String BUNDLE = "preflight";

    public static final String SSH = PreflightCheck.SSH.id();
    public static final String ROOT = PreflightCheck.ROOT.id();
    public static final String OS = PreflightCheck.RELEASE.id();
    public static final String NIC = PreflightCheck.INTERFACE.id();
    public static final String DISK = PreflightCheck.DISK.id();
    public static final String VIP = PreflightCheck.VIP_FREE.id();
    public static final String APT = PreflightCheck.APT.id();

    private Preflight() {
    }

    /** One check on one host as front ends show it: its id, title, and what it found. */
    public record Check(String host, String id, LocalizedText title, boolean passed, LocalizedText detail) {
        static Check of(PreflightResult result) {
            return new Check(result.host(), result.check().id(), Preflight.title(result.check().id()), !result.failed(),
                    result.text());
        }
    }

    /** A failed check: the host and why. */
    public record Finding(String host, LocalizedText text) {
    }

    public static LocalizedText title(String checkId) {
        return LocalizedText.of(BUNDLE, "check." + checkId);
    }

    static LocalizedText text(String key, Object... args) {
        return LocalizedText.of(BUNDLE, key, args);
    }

    /** The check that the engine logged in over SSH (connecting is the engine's). */
    public static Check loggedIn(Host host) {
        return new Check(host.name(), SSH, title(SSH), true, text("ssh.ok", host.address()));
    }

    /** Every fact check of every host, passed ones included. */
    public static List<PreflightResult> check(Topology topology, Map<String, HostFacts> facts) {
        return results(topology, facts, Set.of());
    }

    /** Only the failures. */
    public static List<PreflightResult> failures(Topology topology, Map<String, HostFacts> facts) {
        return check(topology, facts).stream().filter(PreflightResult::failed).toList();
    }

    /** {@link #results} as front ends show them. */
    public static List<Check> checks(Topology topology, Map<String, HostFacts> facts, Set<String> answeringVips) {
        return results(topology, facts, answeringVips).stream().map(Check::of).toList();
    }

    /**
     * Every fact check of every host with facts, host by host in the topology's order, then the
     * check for cloned VMs.
     *
     * @param answeringVips VIPs no host of the topology holds that still answered a ping
     */
    public static List<PreflightResult> results(Topology topology, Map<String, HostFacts> facts, Set<String> answeringVips) {
        List<PreflightResult> results = new ArrayList<>();
        for (Host host : topology.hosts()) {
            HostFacts f = facts.get(host.name());
            if (f == null) {
                continue;
            }
            String name = host.name();
            results.add(f.uid() != 0 ? failed(name, PreflightCheck.ROOT, StepTexts.text("preflight.notRoot", name))
                    : passed(name, PreflightCheck.ROOT, text("root.ok")));
            String system = f.osPrettyName().isBlank() ? (f.osId() + " " + f.osVersion()).strip() : f.osPrettyName();
            Optional<String> unsupported = Distros.unsupportedReason(f);
            if (unsupported.isPresent()) {
                results.add(failed(name, PreflightCheck.RELEASE,
                        StepTexts.text(unsupported.get(), name, system, Distros.supportedNames())));
            } else {
                Distro distro = Distros.require(f);
                results.add(passed(name, PreflightCheck.RELEASE, text("os.ok", distro.name(), distro.tomcat())));
                checkPackages(host, f, distro, results);
            }
            if (host.isFrontEnd()) {
                results.add(interfaceCheck(topology, host, f));
            }
            results.add(diskCheck(host, f));
            results.add(vipCheck(topology, host, f, answeringVips));
            results.add(passed(name, PreflightCheck.APT, f.aptBusy().isEmpty() ? text("apt.ok")
                    : StepTexts.text("preflight.aptBusy", name, String.join(" ", f.aptBusy()))));
        }
        checkClones(topology, facts, results);
        return results;
    }

    /**
     * Packages still to install must have a candidate. Without package lists the probe could not
     * tell; {@link PreflightRunner} then asks with fresh lists ({@link PackageCandidates}).
     */
    private static void checkPackages(Host host, HostFacts f, Distro distro, List<PreflightResult> results) {
        List<String> missing = distro.packagesFor(host).stream().filter(p -> !f.installed(p)).toList();
        if (missing.isEmpty() || missing.stream().anyMatch(p -> f.candidate(p).isEmpty())) {
            return;
        }
        results.addAll(packageResults(host.name(), distro, missing, f.candidates()));
    }

    /** One failure per package without a candidate, or one pass naming the versions apt will install. */
    static List<PreflightResult> packageResults(String host, Distro distro, List<String> missing, Map<String, String> candidates) {
        List<PreflightResult> results = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        for (String pkg : missing) {
            String candidate = candidates.getOrDefault(pkg, HostFacts.NO_CANDIDATE);
            if (HostFacts.NO_CANDIDATE.equals(candidate)) {
                results.add(failed(host, PreflightCheck.PACKAGES, text(
                        "ubuntu".equals(distro.osId()) ? "packages.missingUbuntu" : "packages.missing",
                        host, pkg, distro.name())));
            } else {
                versions.add(pkg + " " + candidate);
            }
        }
        if (results.isEmpty()) {
            results.add(passed(host, PreflightCheck.PACKAGES, text("packages.ok", String.join(", ", versions))));
        }
        return results;
    }

    private static PreflightResult interfaceCheck(Topology topology, Host host, HostFacts f) {
        String wanted = topology.interfaceOf(host);
        if (f.hasInterface(wanted)) {
            return passed(host.name(), PreflightCheck.INTERFACE, text("nic.ok", wanted));
        }
        Optional<String> detected = f.interfaceHolding(host.address());
        return failed(host.name(), PreflightCheck.INTERFACE, detected
                .map(d -> StepTexts.text("preflight.interfaceMissingDetected", wanted, host.name(), host.address(), d))
                .orElseGet(() -> StepTexts.text("preflight.interfaceMissing", wanted, host.name(),
                        String.join(", ", f.interfaces()))));
    }

    private static PreflightResult diskCheck(Host host, HostFacts f) {
        boolean needsPackages = Distros.of(f).map(d -> d.packagesFor(host)).orElse(List.of()).stream()
                .anyMatch(p -> !f.installed(p));
        if (needsPackages && f.diskFreeKb() >= 0 && f.diskFreeKb() < MIN_FREE_KB) {
            return failed(host.name(), PreflightCheck.DISK, StepTexts.text("preflight.disk", host.name(),
                    f.diskFreeKb() / 1024, MIN_FREE_KB / 1024));
        }
        return passed(host.name(), PreflightCheck.DISK, f.diskFreeKb() < 0 ? text("disk.unknown")
                : text("disk.ok", f.diskFreeKb() / 1024));
    }

    /**
     * Each host is checked for holding a VIP it should not; a front end also reports the VIPs it
     * will serve as free (or answering a ping from elsewhere, on the instance's master).
     */
    private static PreflightResult vipCheck(Topology topology, Host host, HostFacts f, Set<String> answeringVips) {
        for (VrrpInstance instance : topology.instances()) {
            // A front end holding the VIP is fine when HA Lab's keepalived put it there (a re-run).
            boolean ours = host.isFrontEnd() && f.manifest().isPresent();
            if (f.holds(instance.vip()) && !ours) {
                return failed(host.name(), PreflightCheck.VIP_FREE, StepTexts.text("preflight.vipHeld", instance.vip(), host.name()));
            }
            if (answeringVips.contains(instance.vip()) && topology.masterOf(instance).name().equals(host.name())) {
                return failed(host.name(), PreflightCheck.VIP_FREE,
                        StepTexts.text("preflight.vipAnswers", instance.vip(), host.name()));
            }
        }
        if (!host.isFrontEnd()) {
            return passed(host.name(), PreflightCheck.VIP_FREE, text("vip.notHeld"));
        }
        List<String> vips = topology.instances().stream().map(VrrpInstance::vip).toList();
        return passed(host.name(), PreflightCheck.VIP_FREE, text("vip.ok", String.join(", ", vips)));
    }

    /** Cloned VMs: the later host of each pair sharing a machine-id, an SSH host key or a MAC address. */
    private static void checkClones(Topology topology, Map<String, HostFacts> facts, List<PreflightResult> results) {
        List<Host> hosts = topology.hosts().stream().filter(h -> facts.containsKey(h.name())).toList();
        Set<String> clones = new HashSet<>();
        for (int i = 0; i < hosts.size(); i++) {
            Identity later = facts.get(hosts.get(i).name()).identity();
            for (int j = 0; j < i; j++) {
                Identity earlier = facts.get(hosts.get(j).name()).identity();
                String a = hosts.get(i).name();
                String b = hosts.get(j).name();
                List<PreflightResult> found = new ArrayList<>();
                if (!later.machineId().isBlank() && later.machineId().equals(earlier.machineId())) {
                    found.add(failed(a, PreflightCheck.CLONES, text("clones.machineId", a, b, later.machineId())));
                }
                if (later.hostKeys().stream().anyMatch(earlier.hostKeys()::contains)) {
                    found.add(failed(a, PreflightCheck.CLONES, text("clones.hostKey", a, b)));
                }
                for (Map.Entry<String, String> mac : later.macs().entrySet()) {
                    earlier.macs().entrySet().stream().filter(e -> e.getValue().equals(mac.getValue())).findFirst()
                            .ifPresent(same -> found.add(failed(a, PreflightCheck.CLONES,
                                    text("clones.mac", a, mac.getKey(), b, same.getKey(), mac.getValue()))));
                }
                if (!found.isEmpty()) {
                    results.addAll(found);
                    clones.add(a);
                    clones.add(b);
                }
            }
        }
        hosts.stream().filter(h -> !clones.contains(h.name())).forEach(h ->
                results.add(passed(h.name(), PreflightCheck.CLONES, text("clones.ok"))));
    }

    /** True when no host of the topology holds the instance's VIP: then it must not answer a ping. */
    public static boolean vipUnclaimed(Topology topology, Map<String, HostFacts> facts, VrrpInstance instance) {
        return facts.values().stream().noneMatch(f -> f.holds(instance.vip()));
    }
}
