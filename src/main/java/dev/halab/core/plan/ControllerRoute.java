package dev.halab.core.plan;

import dev.halab.core.facts.HostFacts;
import dev.halab.core.facts.InterfaceAddress;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Ipv4;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static dev.halab.core.plan.PreflightResult.failed;
import static dev.halab.core.plan.PreflightResult.passed;
import static dev.halab.core.plan.PreflightResult.text;

/**
 * Will this computer reach the VIP once keepalived raises it? The VIP must lie in the subnet of
 * the master's interface, and this computer must route to the VIP the same way it routes to the
 * front end it already reaches. Route lookups are local (a connected UDP socket sends nothing).
 */
public final class ControllerRoute {
    private ControllerRoute() {
    }

    /** The local address this computer would send from to reach an address; empty when it has no route. */
    public static Optional<String> localSource(String address) {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(InetAddress.getByName(address), 9);
            InetAddress local = socket.getLocalAddress();
            return local == null || local.isAnyLocalAddress() ? Optional.empty() : Optional.of(local.getHostAddress());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** {@code source} answers "from which local address would this computer reach ADDRESS". */
    public static List<PreflightResult> judge(Topology topology, Map<String, HostFacts> facts,
                                              Function<String, Optional<String>> source) {
        List<PreflightResult> results = new ArrayList<>();
        for (VrrpInstance instance : topology.instances()) {
            Host master = topology.masterOf(instance);
            HostFacts f = facts.get(master.name());
            Optional<InterfaceAddress> own = f == null ? Optional.empty() : f.addresses().stream()
                    .filter(a -> a.address().equals(master.address())).findFirst();
            String subnet = own.map(a -> Ipv4.of(a.address()).network(a.prefixLength()) + "/" + a.prefixLength()).orElse("?");
            if (own.isPresent() && !Ipv4.of(instance.vip()).sameSubnet(Ipv4.of(master.address()), own.get().prefixLength())) {
                results.add(failed(master.name(), PreflightCheck.CONTROLLER, text("controller.vipOutside",
                        instance.vip(), subnet, master.name(), own.get().interfaceName())));
                continue;
            }
            Optional<String> toHost = source.apply(master.address());
            if (toHost.isEmpty()) {
                // Reached some other way (a jump host, a port forward): nothing to compare with.
                continue;
            }
            Optional<String> toVip = source.apply(instance.vip());
            if (toVip.isEmpty()) {
                results.add(failed(master.name(), PreflightCheck.CONTROLLER, text("controller.noRoute", instance.vip())));
            } else if (!toVip.get().equals(toHost.get())) {
                results.add(failed(master.name(), PreflightCheck.CONTROLLER, text("controller.otherWay", instance.vip(),
                        toVip.get(), master.name(), toHost.get())));
            } else {
                results.add(passed(master.name(), PreflightCheck.CONTROLLER, text("controller.ok", toHost.get(), subnet,
                        instance.vip())));
            }
        }
        return results;
    }
}
