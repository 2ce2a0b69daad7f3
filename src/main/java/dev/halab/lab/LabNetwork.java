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
            throw new LabException(LabMessages.text("prereq.subnetInUse", config.subnet(), String.join("\n  ", conflicts)));
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

    /**
     * Refuses a bridge of the lab's name that the lab did not make (another program's, or another
     * lab's with another state folder): {@code up} and {@code down} would take it over or delete it.
     */
    void refuseForeignBridge() {
        if (bridgeExists() && !bridgeIsOurs()) {
            throw new LabException(LabMessages.text("prereq.bridgeInUse", config.bridge()));
        }
    }

    /**
     * True if the bridge carries the lab's alias; a bridge made before aliases were set counts as
     * the lab's if it holds the lab's controller address.
     */
    private boolean bridgeIsOurs() {
        String alias = readSys(Path.of("/sys/class/net", config.bridge(), "ifalias"));
        if (alias.equals(LabCommands.bridgeAlias(config))) {
            return true;
        }
        return alias.isEmpty() && SystemCommand.of("ip", "-4", "-o", "addr", "show", "dev", config.bridge()).run()
                .output().contains(" " + config.controllerAddress() + "/" + config.prefixLength() + " ");
    }

    /**
     * The bridge with the controller address. It must not route hosts' packets anywhere (see also
     * {@link #installFirewall}), and speaks no IPv6 (no router advertisements, no autoconfiguration).
     */
    void createBridge() {
        List<List<String>> commands = LabCommands.createBridge(config);
        // Link created and marked; IPv6 off before the link comes up, so it never gets an IPv6 address.
        commands.subList(0, 2).forEach(LabNetwork::run);
        ipv6Off(config.bridge());
        commands.subList(2, commands.size()).forEach(LabNetwork::run);
        Files2.writeSysctl(Path.of("/proc/sys/net/ipv4/conf", config.bridge(), "forwarding"), "0");
    }

    void removeBridge() {
        if (bridgeExists() && bridgeIsOurs()) {
            deleteLink(config.bridge());
        }
    }

    /** Installs the lab's nftables table (replacing an older copy of it). */
    void installFirewall() {
        removeFirewall();
        SystemCommand.of("nft", "-f", "-").stdin(LabCommands.firewallRules(config)).check();
    }

    /** Removes the lab's nftables table, if there is one. */
    void removeFirewall() {
        if (SystemCommand.of("nft", "list", "table", "inet", LabCommands.firewallTable(config)).run().succeeded()) {
            SystemCommand.of("nft", "delete", "table", "inet", LabCommands.firewallTable(config)).check();
        }
    }

    boolean firewallInstalled() {
        return SystemCommand.of("nft", "list", "table", "inet", LabCommands.firewallTable(config)).run().succeeded();
    }

    private static void ipv6Off(String link) {
        Path conf = Path.of("/proc/sys/net/ipv6/conf", link);
        if (Files.isDirectory(conf)) { // a kernel without IPv6 has nothing to turn off
            Files2.writeSysctl(conf.resolve("accept_ra"), "0");
            Files2.writeSysctl(conf.resolve("autoconf"), "0");
            Files2.writeSysctl(conf.resolve("disable_ipv6"), "1");
        }
    }

    private static String readSys(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    boolean bridgeExists() {
        return linkExists(config.bridge());
    }

    /** The host's namespace and veth pair; the host end has no address until {@link #plugIn}. */
    void createHostNetwork(LabHost host) {
        List<List<String>> commands = LabCommands.createHostNetwork(config, host);
        int linkUp = LabCommands.hostNetworkLinkUpStep();
        commands.subList(0, linkUp).forEach(LabNetwork::run);
        ipv6Off(host.bridgePort());
        commands.subList(linkUp, commands.size()).forEach(LabNetwork::run);
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
                throw new LabException(LabMessages.text("error.commandFailed", "ip link delete " + name,
                        result.exitCode(), result.output().strip()));
            }
        }
    }

    private static void run(List<String> argv) {
        SystemCommand.of(argv).check();
    }
}
