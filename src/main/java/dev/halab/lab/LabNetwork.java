package dev.halab.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lab's network on this machine: the blackhole route for the lab subnet, the bridge with the
 * controller address, and per host a network namespace with a veth pair into the bridge. Every
 * object is found by the lab's own names; nothing else is touched.
 */
final class LabNetwork {

    private final LabConfig config;

    LabNetwork(LabConfig config) {
        this.config = config;
    }

    /** Refuses to shadow a network this machine already uses: a route into the subnet not made by the lab. */
    void refuseForeignRoutes() {
        String table = SystemCommand.of("ip", "-4", "-o", "route", "show", "table", "all").check();
        List<String> conflicts = RouteConflicts.find(table, config.subnet(), config.bridge());
        if (!conflicts.isEmpty()) {
            throw new LabException(LabMessages.get("prereq.subnetInUse", config.subnet(), String.join("\n  ", conflicts)));
        }
    }

    /** Blackhole first: if the bridge disappears, traffic to the subnet dies instead of taking the default route. */
    void addBlackhole() {
        run(LabCommands.addBlackhole(config));
    }

    void removeBlackhole() {
        // Matches only a blackhole for exactly the lab subnet with the lab's metric; "not found" is fine.
        SystemCommand.of(LabCommands.deleteBlackhole(config)).run();
    }

    /** The bridge with the controller address; it must not route hosts' packets anywhere. */
    void createBridge() {
        LabCommands.createBridge(config).forEach(LabNetwork::run);
        Files2.writeSysctl(Path.of("/proc/sys/net/ipv4/conf", config.bridge(), "forwarding"), "0");
    }

    void removeBridge() {
        deleteLink(config.bridge());
    }

    boolean bridgeExists() {
        return linkExists(config.bridge());
    }

    /** The host's namespace and veth pair; the host end has no address until {@link #plugIn}. */
    void createHostNetwork(LabHost host) {
        LabCommands.createHostNetwork(config, host).forEach(LabNetwork::run);
    }

    /** Deletes the host's namespace and the bridge end of its veth pair. */
    void removeHostNetwork(LabHost host) {
        if (netnsExists(host)) {
            run(List.of("ip", "netns", "delete", host.netns()));
        }
        deleteLink(host.bridgePort());
    }

    boolean hostNetworkExists(LabHost host) {
        return netnsExists(host) && linkExists(host.bridgePort());
    }

    /** True if any of the host's network objects exists (a half-dead lab counts). */
    boolean anyHostNetworkExists(LabHost host) {
        return netnsExists(host) || linkExists(host.bridgePort());
    }

    /** Address on the host's interface and link up (also used by power on). */
    void plugIn(LabHost host) {
        LabCommands.plugIn(config, host).forEach(LabNetwork::run);
    }

    /** No link and no addresses: a VIP left by a killed keepalived must stop answering ARP. */
    void unplug(LabHost host) {
        LabCommands.unplug(config, host).forEach(LabNetwork::run);
    }

    static boolean netnsExists(LabHost host) {
        return Files.exists(Path.of("/run/netns", host.netns()));
    }

    static boolean linkExists(String name) {
        return Files.exists(Path.of("/sys/class/net", name));
    }

    /**
     * Deletes a link of the lab's. Deleting a namespace destroys its veth pair asynchronously, so
     * the bridge-side end may vanish between the check and the delete: that is success too.
     */
    private static void deleteLink(String name) {
        if (linkExists(name)) {
            ExecResult result = SystemCommand.of("ip", "link", "delete", name).run();
            if (!result.succeeded() && linkExists(name)) {
                throw new LabException(LabMessages.get("error.commandFailed", "ip link delete " + name,
                        result.exitCode(), result.output().strip()));
            }
        }
    }

    private static void run(List<String> argv) {
        SystemCommand.of(argv).check();
    }
}
