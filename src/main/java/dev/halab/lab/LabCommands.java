package dev.halab.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The system-tool command lines the lab runs, built as argv lists. Kept apart from the code
 * that runs them so the exact flags can be unit-tested and read in one place.
 */
final class LabCommands {

    private LabCommands() {
    }

    /** Blackhole first: if the bridge disappears, traffic to the subnet dies instead of taking the default route. */
    static List<String> addBlackhole(LabConfig config) {
        return List.of("ip", "route", "replace", "blackhole", config.subnet(),
                "metric", Integer.toString(RouteConflicts.BLACKHOLE_METRIC));
    }

    static List<String> deleteBlackhole(LabConfig config) {
        return List.of("ip", "route", "del", "blackhole", config.subnet(),
                "metric", Integer.toString(RouteConflicts.BLACKHOLE_METRIC));
    }

    /** The bridge in the root namespace, with the controller address so this machine reaches the hosts. */
    static List<List<String>> createBridge(LabConfig config) {
        return List.of(
                List.of("ip", "link", "add", config.bridge(), "type", "bridge"),
                List.of("ip", "link", "set", "dev", config.bridge(), "alias", bridgeAlias(config)),
                List.of("ip", "addr", "add", config.controllerAddress() + "/" + config.prefixLength(),
                        "dev", config.bridge()),
                List.of("ip", "link", "set", config.bridge(), "up"));
    }

    /** The alias that marks the bridge as this lab's (a bridge of that name without it is someone else's). */
    static String bridgeAlias(LabConfig config) {
        return "halab-lab " + config.stateDir();
    }

    /**
     * One network namespace per host with a veth pair: {@code eth0} inside, its peer a port of the
     * bridge. No default route is added, so a host can reach nothing outside the lab subnet.
     */
    static List<List<String>> createHostNetwork(LabConfig config, LabHost host) {
        return List.of(
                List.of("ip", "netns", "add", host.netns()),
                List.of("ip", "link", "add", host.bridgePort(), "type", "veth",
                        "peer", "name", config.hostInterface(), "netns", host.netns()),
                List.of("ip", "link", "set", host.bridgePort(), "master", config.bridge(), "up"),
                List.of("ip", "-n", host.netns(), "link", "set", "lo", "up"));
    }

    /** Index of the command of {@link #createHostNetwork} that brings the bridge end up (IPv6 goes off before it). */
    static int hostNetworkLinkUpStep() {
        return 2;
    }

    /** The nftables table of this lab (its own; nothing else of the machine's firewall is touched). */
    static String firewallTable(LabConfig config) {
        return "halab_lab_" + config.bridge().replace('-', '_');
    }

    /**
     * The lab's firewall, fed to {@code nft -f -}. Only root on this machine reaches the lab: a
     * packet to the lab subnet from a socket of any other user is rejected (kernel packets without
     * a socket, such as ARP and ICMP replies, are left alone). Nothing is routed into or out of the
     * lab, even if this machine forwards between its other interfaces; traffic bridged between the
     * lab's own hosts (seen here when br_netfilter is loaded) stays allowed.
     */
    static String firewallRules(LabConfig config) {
        String subnet = config.subnet();
        String bridge = config.bridge();
        return "table inet " + firewallTable(config) + " {\n"
                + "  chain output {\n"
                + "    type filter hook output priority 0; policy accept;\n"
                + "    ip daddr " + subnet + " meta skuid != 0 counter reject with icmpx type admin-prohibited\n"
                + "  }\n"
                + "  chain forward {\n"
                + "    type filter hook forward priority 0; policy accept;\n"
                + "    ip daddr " + subnet + " iifname != \"" + bridge + "\" counter drop\n"
                + "    ip saddr " + subnet + " oifname != \"" + bridge + "\" counter drop\n"
                + "  }\n"
                + "}\n";
    }

    /** Plugs a host in: address on its interface, link up (also used by power on). */
    static List<List<String>> plugIn(LabConfig config, LabHost host) {
        return List.of(
                List.of("ip", "-n", host.netns(), "addr", "replace", host.address() + "/" + config.prefixLength(),
                        "dev", config.hostInterface()),
                List.of("ip", "-n", host.netns(), "link", "set", config.hostInterface(), "up"));
    }

    /** Pulls the plug: no link and no addresses (a VIP left by a killed keepalived must stop answering ARP). */
    static List<List<String>> unplug(LabConfig config, LabHost host) {
        return List.of(
                List.of("ip", "-n", host.netns(), "link", "set", config.hostInterface(), "down"),
                List.of("ip", "-n", host.netns(), "addr", "flush", "dev", config.hostInterface()));
    }

    /**
     * The host's disk as this machine sees it: {@code nosuid,nodev}, so a setuid file or a device
     * node a host made is inert here. (The host itself sees its disk with setuid allowed: see
     * {@link #bootWithSetuidInside}.)
     */
    static List<String> mountOverlay(Path lower, Path upper, Path work, Path merged) {
        return List.of("mount", "-t", "overlay", "halab-overlay",
                "-o", "nosuid,nodev,lowerdir=" + lower + ",upperdir=" + upper + ",workdir=" + work, merged.toString());
    }

    /**
     * Runs {@code boot} in a mount namespace of its own in which the host's disk allows setuid
     * (sudo inside the host works as on a VM); on this machine the disk stays nosuid,nodev. The
     * shells exec in place, so the PID stays that of the boot command.
     */
    static List<String> bootWithSetuidInside(Path merged, List<String> boot) {
        List<String> argv = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private",
                "sh", "-c", "mount -o remount,bind,suid,nodev \"$1\" && shift && exec \"$@\"", "halab-boot",
                merged.toString()));
        argv.addAll(SystemCommand.resolved(boot));
        return argv;
    }

    /**
     * Boots a host with real systemd. {@code --register=no --keep-unit} because this machine's
     * PID 1 is not systemd (no system bus to register with); resolv.conf and timezone are left
     * as the lab wrote them; the capabilities let keepalived add the VIP and send VRRP/ARP.
     */
    static List<String> nspawn(LabHost host, Path merged) {
        return List.of("systemd-nspawn", "-q", "-D", merged.toString(), "-M", host.name(),
                "--register=no", "--keep-unit", "--console=pipe", "--resolv-conf=off", "--timezone=off",
                "--network-namespace-path=/run/netns/" + host.netns(),
                "--capability=CAP_NET_ADMIN,CAP_NET_RAW,CAP_NET_BROADCAST", "-b");
    }

    /**
     * Runs a shell command as root inside a running host over SSH, with the lab's key and only the
     * lab's known_hosts (no user configuration, no prompts): the command runs under the host's own
     * privileges, and nothing of the host's runs on this machine.
     */
    static List<String> sshToHost(LabHost host, Path privateKey, Path knownHosts, String command) {
        return List.of("ssh", "-F", "/dev/null", "-i", privateKey.toString(), "-o", "IdentitiesOnly=yes",
                "-o", "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10",
                "-o", "LogLevel=ERROR", "root@" + host.address(), "--", command);
    }

    /** Serves the flat apt repository read-only to the hosts, bound to the controller address only. */
    static List<String> repoServer(LabConfig config, Path repoDir) {
        return List.of(python3(), "-m", "http.server", "--bind", config.controllerAddress(),
                "--directory", repoDir.toString(), Integer.toString(config.repoPort()));
    }

    /** Debian's python3: a user-level shim (pyenv) may vanish or change under a detached server. */
    static String python3() {
        return java.nio.file.Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /**
     * A host's only apt source: the repository of its release. No Release file on purpose: an
     * empty one breaks apt-get update.
     */
    static String aptSource(LabConfig config, String suite) {
        return "deb [trusted=yes] http://" + config.controllerAddress() + ":" + config.repoPort() + "/" + suite + "/ ./\n";
    }
}
