package dev.halab.core.plan;

import dev.halab.core.facts.HostFacts;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Remedy;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.halab.core.plan.PreflightResult.failed;
import static dev.halab.core.plan.PreflightResult.passed;
import static dev.halab.core.plan.PreflightResult.text;
import static dev.halab.core.plan.PreflightResult.warning;

/**
 * Turns what each front end heard during {@link VrrpProbe} into results: did the other front end's
 * probes arrive (multicast, or unicast when the profile uses it), and does another router on the
 * segment use one of the profile's VRIDs. Pure: unit-tested with recorded outcomes.
 */
public final class VrrpVerdicts {
    private VrrpVerdicts() {
    }

    public static List<PreflightResult> judge(Topology topology, Map<String, HostFacts> facts,
                                              Map<String, VrrpProbe.Outcome> outcomes, String nonce) {
        List<PreflightResult> results = new ArrayList<>();
        List<Host> fronts = topology.frontEnds();
        for (Host receiver : fronts) {
            VrrpProbe.Outcome outcome = outcomes.get(receiver.name());
            for (Host sender : fronts) {
                if (sender != receiver) {
                    results.add(delivery(topology, facts, sender, receiver, outcome, outcomes.get(sender.name()), nonce));
                }
            }
        }
        for (Host host : fronts) {
            VrrpProbe.Outcome outcome = outcomes.get(host.name());
            if (outcome != null && outcome.ran()) {
                results.add(vrids(topology, outcomes, host, outcome));
            }
        }
        return results;
    }

    private static PreflightResult delivery(Topology t, Map<String, HostFacts> facts, Host sender, Host receiver,
                                            VrrpProbe.Outcome heard, VrrpProbe.Outcome sent, String nonce) {
        String mode = t.vrrp().unicast() ? "unicast" : "multicast";
        String iface = t.interfaceOf(receiver);
        if (heard == null || !heard.ran()) {
            return warning(receiver.name(), PreflightCheck.MULTICAST, text("multicast.unchecked", sender.name(),
                    receiver.name(), heard == null ? "-" : heard.error()));
        }
        boolean arrived = heard.adverts().stream().anyMatch(a -> a.isProbe() && a.probe().equals(nonce)
                && a.source().equals(sender.address()));
        if (arrived) {
            return passed(receiver.name(), PreflightCheck.MULTICAST, text(mode + ".ok", sender.name(), receiver.name(), iface));
        }
        if (sent != null && sent.error() != null && sent.ran()) {
            return failed(receiver.name(), PreflightCheck.MULTICAST, text("multicast.sendFailed", sender.name(), sent.error()));
        }
        HostFacts f = facts.get(receiver.name());
        if (f != null && f.firewall().active() && !f.firewall().vrrpOpen()) {
            // The install opens the firewall for VRRP (FirewallStep); it is closed now, so nothing arrived.
            return warning(receiver.name(), PreflightCheck.MULTICAST, text("multicast.firewall", sender.name(),
                    receiver.name(), f.firewall().kind().name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (t.vrrp().unicast()) {
            return failed(receiver.name(), PreflightCheck.MULTICAST, text("unicast.blocked", sender.name(), receiver.name(),
                    sender.address(), receiver.address()));
        }
        return failed(receiver.name(), PreflightCheck.MULTICAST, text("multicast.blocked", sender.name(), receiver.name(),
                iface)).withRemedy(new Remedy.UseUnicast());
    }

    private static PreflightResult vrids(Topology t, Map<String, VrrpProbe.Outcome> outcomes, Host host, VrrpProbe.Outcome outcome) {
        Set<String> ours = t.hosts().stream().map(Host::address).collect(Collectors.toSet());
        List<VrrpProbe.Advert> foreign = outcome.adverts().stream()
                .filter(a -> !a.isProbe() && a.vrid() != 0 && !ours.contains(a.source())).toList();
        long seconds = VrrpProbe.LISTEN.toSeconds();
        if (foreign.isEmpty()) {
            return passed(host.name(), PreflightCheck.VRID, text("vrid.none", host.name(), t.interfaceOf(host), seconds));
        }
        String heard = foreign.stream().map(a -> a.vrid() + " (" + a.source() + ")").distinct()
                .collect(Collectors.joining(", "));
        for (VrrpInstance instance : t.instances()) {
            List<String> clashing = foreign.stream().filter(a -> a.vrid() == instance.vrid()).map(VrrpProbe.Advert::source)
                    .distinct().toList();
            if (clashing.isEmpty()) {
                continue;
            }
            int free = freeVrid(t, outcomes, instance.vrid());
            if (t.vrrp().unicast()) {
                // Unicast keepalived only accepts adverts from its peer: the other router cannot disturb it.
                return passed(host.name(), PreflightCheck.VRID, text("vrid.clashUnicast", host.name(), instance.vrid(),
                        String.join(", ", clashing), heard));
            }
            return failed(host.name(), PreflightCheck.VRID, text("vrid.clash", host.name(), instance.vrid(),
                    String.join(", ", clashing), instance.name(), free, heard))
                    .withRemedy(new Remedy.UseVrid(instance.name(), free));
        }
        return passed(host.name(), PreflightCheck.VRID, text("vrid.heard", host.name(), heard));
    }

    /** The next VRID after {@code taken} (wrapping past 255) that nobody was heard using and no instance uses. */
    static int freeVrid(Topology t, Map<String, VrrpProbe.Outcome> outcomes, int taken) {
        Set<Integer> used = new TreeSet<>();
        t.instances().forEach(i -> used.add(i.vrid()));
        outcomes.values().forEach(o -> o.adverts().forEach(a -> used.add(a.vrid())));
        for (int step = 1; step < 255; step++) {
            int candidate = (taken - 1 + step) % 255 + 1;
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("every VRID 1-255 is in use on the segment");
    }
}
