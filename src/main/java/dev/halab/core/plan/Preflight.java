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
import java.util.Set;

/**
 * Checks made before any change, from facts only (the engine pings the VIPs and passes those that
 * answer): every check of every host is reported with its result, so a front end can show what was
 * checked and not only what failed. A failed check stops the whole run with nothing changed, one
 * clear message per problem. A new check is one more {@link Check} here with its title key in
 * {@code i18n/preflight.properties}; front ends show it without change.
 */
public final class Preflight {
    /** nginx + keepalived + tomcat with their dependencies need about 150 MB; ask for margin. */
    public static final long MIN_FREE_KB = 300L * 1024;
    /** Bundle of the checks' titles and pass texts ({@code i18n/preflight*.properties}). */
    public static final String BUNDLE = "preflight";

    public static final String SSH = "ssh";
    public static final String ROOT = "root";
    public static final String OS = "os";
    public static final String NIC = "nic";
    public static final String DISK = "disk";
    public static final String VIP = "vip";
    public static final String APT = "apt";

    private Preflight() {
    }

    /**
     * One check on one host: its id ({@code ssh}, {@code os}, ...), its title, and what it found
     * (why it failed, or what passed).
     */
    public record Check(String host, String id, LocalizedText title, boolean passed, LocalizedText detail) {
        static Check pass(String host, String id, LocalizedText detail) {
            return new Check(host, id, Preflight.title(id), true, detail);
        }

        static Check fail(String host, String id, LocalizedText why) {
            return new Check(host, id, Preflight.title(id), false, why);
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
        return Check.pass(host.name(), SSH, text("ssh.ok", host.address()));
    }

    /** The failures only. */
    public static List<Finding> check(Topology topology, Map<String, HostFacts> facts) {
        return checks(topology, facts, Set.of()).stream().filter(c -> !c.passed())
                .map(c -> new Finding(c.host(), c.detail())).toList();
    }

    /**
     * Every check of every host with facts, host by host in the topology's order.
     *
     * @param answeringVips VIPs no host of the topology holds that still answered a ping
     */
    public static List<Check> checks(Topology topology, Map<String, HostFacts> facts, Set<String> answeringVips) {
        List<Check> checks = new ArrayList<>();
        for (Host host : topology.hosts()) {
            HostFacts f = facts.get(host.name());
            if (f == null) {
                continue;
            }
            String name = host.name();
            checks.add(f.uid() != 0 ? Check.fail(name, ROOT, StepTexts.text("preflight.notRoot", name))
                    : Check.pass(name, ROOT, text("root.ok")));
            String os = f.osPrettyName().isBlank() ? f.osId() : f.osPrettyName();
            Optional<String> unsupported = Distros.unsupportedReason(f);
            checks.add(unsupported.map(key -> Check.fail(name, OS, StepTexts.text(key, name, os)))
                    .orElseGet(() -> Check.pass(name, OS, text("os.ok", os))));
            if (host.isFrontEnd()) {
                checks.add(interfaceCheck(topology, host, f));
            }
            checks.add(diskCheck(host, f));
            checks.add(vipCheck(topology, host, f, answeringVips));
            checks.add(Check.pass(name, APT, f.aptBusy().isEmpty() ? text("apt.ok")
                    : StepTexts.text("preflight.aptBusy", name, String.join(" ", f.aptBusy()))));
        }
        return checks;
    }

    private static Check interfaceCheck(Topology topology, Host host, HostFacts f) {
        String wanted = topology.interfaceOf(host);
        if (f.hasInterface(wanted)) {
            return Check.pass(host.name(), NIC, text("nic.ok", wanted));
        }
        Optional<String> detected = f.interfaceHolding(host.address());
        return Check.fail(host.name(), NIC, detected
                .map(d -> StepTexts.text("preflight.interfaceMissingDetected", wanted, host.name(), host.address(), d))
                .orElseGet(() -> StepTexts.text("preflight.interfaceMissing", wanted, host.name(),
                        String.join(", ", f.interfaces()))));
    }

    private static Check diskCheck(Host host, HostFacts f) {
        boolean needsPackages = Distros.packagesFor(host, f).stream().anyMatch(p -> !f.installed(p));
        if (needsPackages && f.diskFreeKb() >= 0 && f.diskFreeKb() < MIN_FREE_KB) {
            return Check.fail(host.name(), DISK, StepTexts.text("preflight.disk", host.name(),
                    f.diskFreeKb() / 1024, MIN_FREE_KB / 1024));
        }
        return Check.pass(host.name(), DISK, f.diskFreeKb() < 0 ? text("disk.unknown")
                : text("disk.ok", f.diskFreeKb() / 1024));
    }

    /**
     * Each host is checked for holding a VIP it should not; a front end also reports the VIPs it
     * will serve as free (or answering a ping from elsewhere, on the instance's master).
     */
    private static Check vipCheck(Topology topology, Host host, HostFacts f, Set<String> answeringVips) {
        for (VrrpInstance instance : topology.instances()) {
            // A front end holding the VIP is fine when HA Lab's keepalived put it there (a re-run).
            boolean ours = host.isFrontEnd() && f.manifest().isPresent();
            if (f.holds(instance.vip()) && !ours) {
                return Check.fail(host.name(), VIP, StepTexts.text("preflight.vipHeld", instance.vip(), host.name()));
            }
            if (answeringVips.contains(instance.vip()) && topology.masterOf(instance).name().equals(host.name())) {
                return Check.fail(host.name(), VIP, StepTexts.text("preflight.vipAnswers", instance.vip(), host.name()));
            }
        }
        if (!host.isFrontEnd()) {
            return Check.pass(host.name(), VIP, text("vip.notHeld"));
        }
        List<String> vips = topology.instances().stream().map(VrrpInstance::vip).toList();
        return Check.pass(host.name(), VIP, text("vip.ok", String.join(", ", vips)));
    }

    /** True when no host of the topology holds the instance's VIP: then it must not answer a ping. */
    public static boolean vipUnclaimed(Topology topology, Map<String, HostFacts> facts, VrrpInstance instance) {
        return facts.values().stream().noneMatch(f -> f.holds(instance.vip()));
    }
}
