package dev.halab.lab;

import java.nio.file.Path;
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
                List.of("ip", "addr", "add", config.controllerAddress() + "/" + config.prefixLength(),
                        "dev", config.bridge()),
                List.of("ip", "link", "set", config.bridge(), "up"));
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

    static List<String> mountOverlay(Path lower, Path upper, Path work, Path merged) {
        return List.of("mount", "-t", "overlay", "halab-overlay",
                "-o", "lowerdir=" + lower + ",upperdir=" + upper + ",workdir=" + work, merged.toString());
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
     * Runs a shell command inside a running host: all of init's namespaces (mount, UTS, IPC, net,
     * PID, cgroup), its root and working directory, and a clean environment as a login would have.
     */
    static List<String> execInHost(long initPid, String command) {
        return List.of("nsenter", "-t", Long.toString(initPid), "-m", "-u", "-i", "-n", "-p", "-C", "-r", "-w",
                "/usr/bin/env", "-i", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "HOME=/root", "LANG=C.UTF-8", "TERM=dumb", "/bin/sh", "-c", command);
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

    /** The hosts' only apt source. No Release file on purpose: an empty one breaks apt-get update. */
    static String aptSource(LabConfig config) {
        return "deb [trusted=yes] http://" + config.controllerAddress() + ":" + config.repoPort() + "/ ./\n";
    }
}
