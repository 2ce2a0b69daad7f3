package dev.halab.core.plan;

import dev.halab.core.facts.Distro;
import dev.halab.core.facts.Distros;
import dev.halab.core.facts.HostFacts;
import dev.halab.core.facts.Identity;
import dev.halab.core.step.StepTexts;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.halab.core.plan.PreflightResult.failed;
import static dev.halab.core.plan.PreflightResult.passed;
import static dev.halab.core.plan.PreflightResult.text;

/**
 * The pre-flight checks that need facts only (the network checks that send or listen are in
 * {@link PreflightRunner}): a failed check stops the whole run with nothing changed, one clear
 * message per problem.
 */
public final class Preflight {
    /** nginx + keepalived + tomcat with their dependencies need about 150 MB; ask for margin. */
    public static final long MIN_FREE_KB = 300L * 1024;

    private Preflight() {
    }

    /** Every result of the fact checks, passed ones included, host by host in profile order. */
    public static List<PreflightResult> check(Topology topology, Map<String, HostFacts> facts) {
        List<PreflightResult> results = new ArrayList<>();
        for (Host host : topology.hosts()) {
            HostFacts f = facts.get(host.name());
            if (f != null) {
                checkHost(topology, host, f, results);
            }
        }
        checkVips(topology, facts, results);
        checkClones(topology, facts, results);
        return results;
    }

    /** Only the failures of {@link #check}. */
    public static List<PreflightResult> failures(Topology topology, Map<String, HostFacts> facts) {
        return check(topology, facts).stream().filter(PreflightResult::failed).toList();
    }

    private static void checkHost(Topology topology, Host host, HostFacts f, List<PreflightResult> results) {
        String name = host.name();
        if (f.uid() != 0) {
            results.add(failed(name, PreflightCheck.ROOT, StepTexts.text("preflight.notRoot", name)));
        }
        Optional<String> unsupported = Distros.unsupportedReason(f);
        String system = f.osPrettyName().isBlank() ? (f.osId() + " " + f.osVersion()).strip() : f.osPrettyName();
        if (unsupported.isPresent()) {
            results.add(failed(name, PreflightCheck.RELEASE,
                    StepTexts.text(unsupported.get(), name, system, Distros.supportedNames())));
        } else {
            Distro distro = Distros.require(f);
            results.add(passed(name, PreflightCheck.RELEASE, text("release.ok", name, distro.name(), distro.tomcat())));
            checkPackages(host, f, distro, results);
        }
        if (host.isFrontEnd()) {
            String wanted = topology.interfaceOf(host);
            if (!f.hasInterface(wanted)) {
                Optional<String> detected = f.interfaceHolding(host.address());
                results.add(failed(name, PreflightCheck.INTERFACE, detected
                        .map(d -> StepTexts.text("preflight.interfaceMissingDetected", wanted, name, host.address(), d))
                        .orElseGet(() -> StepTexts.text("preflight.interfaceMissing", wanted, name,
                                String.join(", ", f.interfaces())))));
            }
        }
        boolean needsPackages = Distros.of(f).map(d -> d.packagesFor(host)).orElse(List.of()).stream()
                .anyMatch(p -> !f.installed(p));
        if (needsPackages && f.diskFreeKb() >= 0 && f.diskFreeKb() < MIN_FREE_KB) {
            results.add(failed(name, PreflightCheck.DISK, StepTexts.text("preflight.disk", name,
                    f.diskFreeKb() / 1024, MIN_FREE_KB / 1024)));
        }
    }

    /**
     * Packages still to install must have a candidate. Without package lists the probe could not
     * tell; {@link PackageCandidates} then asks with fresh lists.
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
            results.add(passed(host, PreflightCheck.PACKAGES, text("packages.ok", host, String.join(", ", versions))));
        }
        return results;
    }

    private static void checkVips(Topology topology, Map<String, HostFacts> facts, List<PreflightResult> results) {
        for (VrrpInstance instance : topology.instances()) {
            for (Host host : topology.hosts()) {
                HostFacts f = facts.get(host.name());
                if (f == null || !f.holds(instance.vip())) {
                    continue;
                }
                // A front end holding the VIP is fine when HA Lab's keepalived put it there (a re-run).
                boolean ours = host.isFrontEnd() && f.manifest().isPresent();
                if (!ours) {
                    results.add(failed(host.name(), PreflightCheck.VIP_FREE,
                            StepTexts.text("preflight.vipHeld", instance.vip(), host.name())));
                }
            }
        }
    }

    /** Cloned VMs: the later host of each pair sharing a machine-id, an SSH host key or a MAC address. */
    private static void checkClones(Topology topology, Map<String, HostFacts> facts, List<PreflightResult> results) {
        List<Host> hosts = topology.hosts().stream().filter(h -> facts.containsKey(h.name())).toList();
        java.util.Set<String> clones = new java.util.HashSet<>();
        for (int i = 0; i < hosts.size(); i++) {
            Identity later = facts.get(hosts.get(i).name()).identity();
            for (int j = 0; j < i; j++) {
                Identity earlier = facts.get(hosts.get(j).name()).identity();
                String a = hosts.get(i).name();
                String b = hosts.get(j).name();
                if (!later.machineId().isBlank() && later.machineId().equals(earlier.machineId())) {
                    results.add(failed(a, PreflightCheck.CLONES, text("clones.machineId", a, b, later.machineId())));
                    clones.add(a);
                    clones.add(b);
                }
                if (later.hostKeys().stream().anyMatch(earlier.hostKeys()::contains)) {
                    results.add(failed(a, PreflightCheck.CLONES, text("clones.hostKey", a, b)));
                    clones.add(a);
                    clones.add(b);
                }
                for (Map.Entry<String, String> mac : later.macs().entrySet()) {
                    Optional<String> same = earlier.macs().entrySet().stream()
                            .filter(e -> e.getValue().equals(mac.getValue())).map(Map.Entry::getKey).findFirst();
                    if (same.isPresent()) {
                        results.add(failed(a, PreflightCheck.CLONES,
                                text("clones.mac", a, mac.getKey(), b, same.get(), mac.getValue())));
                        clones.add(a);
                    clones.add(b);
                    }
                }
            }
        }
        hosts.stream().filter(h -> !clones.contains(h.name())).forEach(h ->
                results.add(passed(h.name(), PreflightCheck.CLONES, text("clones.ok", h.name()))));
    }

    /** True when no host of the topology holds the instance's VIP: then it must not answer a ping. */
    public static boolean vipUnclaimed(Topology topology, Map<String, HostFacts> facts, VrrpInstance instance) {
        return facts.values().stream().noneMatch(f -> f.holds(instance.vip()));
    }
}
