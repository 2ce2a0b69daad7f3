package dev.halab.core.plan;

import dev.halab.core.facts.HostFacts;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.step.Distros;
import dev.halab.core.step.StepTexts;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks made before any change, from facts only (the VIP ping is done by the engine): a failed
 * check stops the whole run with nothing changed, one clear message per problem.
 */
public final class Preflight {
    /** nginx + keepalived + tomcat with their dependencies need about 150 MB; ask for margin. */
    public static final long MIN_FREE_KB = 300L * 1024;

    private Preflight() {
    }

    public record Finding(String host, LocalizedText text) {
    }

    public static List<Finding> check(Topology topology, Map<String, HostFacts> facts) {
        List<Finding> findings = new ArrayList<>();
        for (Host host : topology.hosts()) {
            HostFacts f = facts.get(host.name());
            if (f == null) {
                continue;
            }
            if (f.uid() != 0) {
                findings.add(new Finding(host.name(), StepTexts.text("preflight.notRoot", host.name())));
            }
            Optional<String> unsupported = Distros.unsupportedReason(f);
            unsupported.ifPresent(key -> findings.add(new Finding(host.name(),
                    StepTexts.text(key, host.name(), f.osPrettyName().isBlank() ? f.osId() : f.osPrettyName()))));
            if (host.isFrontEnd()) {
                String wanted = topology.interfaceOf(host);
                if (!f.hasInterface(wanted)) {
                    Optional<String> detected = f.interfaceHolding(host.address());
                    findings.add(new Finding(host.name(), detected
                            .map(d -> StepTexts.text("preflight.interfaceMissingDetected", wanted, host.name(), host.address(), d))
                            .orElseGet(() -> StepTexts.text("preflight.interfaceMissing", wanted, host.name(),
                                    String.join(", ", f.interfaces())))));
                }
            }
            boolean needsPackages = Distros.packagesFor(host, f).stream().anyMatch(p -> !f.installed(p));
            if (needsPackages && f.diskFreeKb() >= 0 && f.diskFreeKb() < MIN_FREE_KB) {
                findings.add(new Finding(host.name(), StepTexts.text("preflight.disk", host.name(),
                        f.diskFreeKb() / 1024, MIN_FREE_KB / 1024)));
            }
        }
        for (VrrpInstance instance : topology.instances()) {
            for (Host host : topology.hosts()) {
                HostFacts f = facts.get(host.name());
                if (f == null || !f.holds(instance.vip())) {
                    continue;
                }
                // A front end holding the VIP is fine when HA Lab's keepalived put it there (a re-run).
                boolean ours = host.isFrontEnd() && f.manifest().isPresent();
                if (!ours) {
                    findings.add(new Finding(host.name(), StepTexts.text("preflight.vipHeld", instance.vip(), host.name())));
                }
            }
        }
        return findings;
    }

    /** True when no host of the topology holds the instance's VIP: then it must not answer a ping. */
    public static boolean vipUnclaimed(Topology topology, Map<String, HostFacts> facts, VrrpInstance instance) {
        return facts.values().stream().noneMatch(f -> f.holds(instance.vip()));
    }
}
