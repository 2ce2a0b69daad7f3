package dev.halab.lab;

import dev.halab.core.topology.Ipv4Subnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds routes on this machine that already cover the lab subnet and were not made by the lab,
 * from the output of {@code ip -4 -o route show table all}.
 *
 * <p>The lab's own routes are the blackhole it adds first ({@code blackhole SUBNET metric 4000})
 * and the kernel routes of its bridge ({@code ... dev BRIDGE ...}); everything else that overlaps
 * the subnet (a VPN, a docker network, a LAN) would be shadowed by the lab, so {@code up} refuses.
 * A default route overlaps every subnet but is not "routing the subnet", so it is ignored.
 */
final class RouteConflicts {

    /** Metric of the lab's blackhole route; high, so any real route would win over it. */
    static final int BLACKHOLE_METRIC = 4000;

    private static final Set<String> ROUTE_TYPES = Set.of("unicast", "local", "broadcast", "multicast",
            "blackhole", "unreachable", "prohibit", "throw", "anycast", "nat");

    private RouteConflicts() {
    }

    /** The route lines that overlap {@code subnet} (CIDR) and are not the lab's own. */
    static List<String> find(String routeTable, String subnet, String bridge) {
        Ipv4Subnet lab = Ipv4Subnet.parse(subnet).orElseThrow(() -> new IllegalArgumentException("not a subnet: " + subnet));
        List<String> conflicts = new ArrayList<>();
        for (String rawLine : routeTable.split("\n")) {
            String line = rawLine.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] tokens = line.split("\\s+");
            int destIndex = ROUTE_TYPES.contains(tokens[0]) ? 1 : 0;
            if (destIndex >= tokens.length) {
                continue;
            }
            String type = destIndex == 1 ? tokens[0] : "unicast";
            String destination = tokens[destIndex];
            if (destination.equals("default")) {
                continue;
            }
            // "ip route" never prints leading zeros; anything it prints that is not IPv4 is not ours to judge.
            Optional<Ipv4Subnet> routed = Ipv4Subnet.parse(destination);
            boolean overlaps = routed.isPresent() && lab.overlaps(routed.get());
            if (!overlaps || isLabOwn(type, destination, tokens, subnet, bridge)) {
                continue;
            }
            conflicts.add(line);
        }
        return conflicts;
    }

    private static boolean isLabOwn(String type, String destination, String[] tokens, String subnet, String bridge) {
        if (type.equals("blackhole") && destination.equals(subnet)
                && valueAfter(tokens, "metric").equals(Integer.toString(BLACKHOLE_METRIC))) {
            return true;
        }
        return valueAfter(tokens, "dev").equals(bridge);
    }

    private static String valueAfter(String[] tokens, String key) {
        for (int i = 0; i < tokens.length - 1; i++) {
            if (tokens[i].equals(key)) {
                return tokens[i + 1];
            }
        }
        return "";
    }
}
