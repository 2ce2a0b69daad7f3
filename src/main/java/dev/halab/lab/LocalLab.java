package dev.halab.lab;

import dev.halab.core.i18n.LocalizedText;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local lab: the tutorial's four machines as real Linux hosts on this machine, each booted
 * with systemd in its own network namespace on a private bridge, reachable over SSH from here.
 * Requires root.
 *
 * <pre>{@code
 * LocalLab lab = LocalLab.fromDefaultProfile();       // vm-profiles/local-lab.json
 * lab.up(System.out::println);                         // builds caches once, boots 4 hosts
 * ExecResult r = lab.exec("nginx1", "systemctl is-system-running");
 * lab.power("nginx1", false);                          // pull the plug
 * lab.power("nginx1", true);                           // boot again
 * lab.reset(LabProgress.SILENT);                       // fresh hosts: no packages installed
 * lab.down();                                          // remove everything the lab made
 * }</pre>
 *
 * <h2>What it makes, and nothing else is touched</h2>
 * <ul>
 *   <li>a blackhole route for the lab subnet (metric 4000), added before anything else
 *       ({@link LabNetwork});</li>
 *   <li>bridge {@code halab0} with the controller address; IPv4 forwarding off on it;</li>
 *   <li>per host: netns {@code halab-NAME}, veth {@code hl-NAME} / {@code eth0}, an overlay mount
 *       under the state dir ({@link HostDisks}), a cgroup {@code halab-NAME}, a systemd-nspawn
 *       process (PID recorded, {@link LabProcesses});</li>
 *   <li>an HTTP server (PID recorded) serving the apt repository on the controller address.</li>
 * </ul>
 *
 * <p>Host disks (overlay upper dirs) survive {@code down}, like a VM's disk survives a shutdown;
 * {@link #reset} or {@code up(progress, true)} discards them so hosts are as after first boot.
 *
 * <p>Methods block; call them from a worker thread in a GUI. {@code up}, {@code reset},
 * {@code down} and {@code power} hold a lock ({@link LabLock}).
 */
public final class LocalLab {

    private final LabConfig config;
    private final HostDisks disks;
    private final LabNetwork network;
    private final LabProcesses processes;
    private final RootPassword rootPassword;

    public LocalLab(LabConfig config) {
        this.config = config;
        this.disks = new HostDisks(config);
        this.network = new LabNetwork(config);
        this.processes = new LabProcesses(config, disks);
        this.rootPassword = new RootPassword(config.stateDir());
    }

    /** The lab of {@code vm-profiles/local-lab.json} with caches and state in the default places. */
    public static LocalLab fromDefaultProfile() {
        return new LocalLab(LabConfig.load());
    }

    // ---------------------------------------------------------------- accessors

    public LabConfig config() {
        return config;
    }

    public List<LabHost> hosts() {
        return config.hosts();
    }

    /** IPv4 address of a host, e.g. {@code address("nginx1")} is {@code 192.168.224.101}. */
    public String address(String host) {
        return config.host(host).address();
    }

    /** This machine's address on the lab bridge; hosts reach the apt repository there. */
    public String controllerAddress() {
        return config.controllerAddress();
    }

    /** Private ed25519 key (0600) authorized for root on every host; made on the first {@code up}. */
    public Path sshPrivateKey() {
        return disks.sshPrivateKey();
    }

    /** OpenSSH known_hosts file with every host key of every host, rewritten by each {@code up}. */
    public Path knownHostsFile() {
        return disks.knownHostsFile();
    }

    /**
     * Root password of every host: random per lab, made by the first {@code up}, kept in a file
     * only root can read. Empty when there is none yet or this process cannot read it.
     */
    public Optional<String> rootPassword() {
        return rootPassword.read();
    }

    /** Public host keys of a host, as lines of its {@code ssh_host_*_key.pub} files. */
    public List<String> hostPublicKeys(String host) {
        return disks.hostPublicKeys(config.host(host));
    }

    // ---------------------------------------------------------------- lifecycle

    /** Brings the lab up, keeping the hosts' disks from an earlier run. See {@link #up(LabProgress, boolean)}. */
    public void up(LabProgress progress) {
        up(progress, false);
    }

    /**
     * Brings the lab up. Idempotent: on a lab that is already up it only boots hosts that are
     * powered off. Cleans the remains of a lab whose processes were killed (namespaces, mounts,
     * bridge, routes) before building. Builds the rootfs and apt repository the first time.
     *
     * @param freshHosts discard each host's disk first, so hosts are as after first boot
     *                   (new host keys, no packages installed)
     * @throws LabException with a user-facing message if a prerequisite is missing or the lab
     *                      subnet is already routed on this machine by something else
     */
    public void up(LabProgress progress, boolean freshHosts) {
        LabLock.run(config.stateDir(), () -> upLocked(progress, freshHosts));
    }

    private void upLocked(LabProgress progress, boolean freshHosts) {
        Map<String, RootfsCache> rootfs = new LinkedHashMap<>();
        Map<String, AptRepository> repos = new LinkedHashMap<>();
        for (String suite : config.suites()) {
            rootfs.put(suite, RootfsCache.of(config.cacheDir(), suite));
            repos.put(suite, AptRepository.forRelease(config.cacheDir(), rootfs.get(suite)));
        }
        boolean cachesReady = rootfs.values().stream().allMatch(RootfsCache::isReady)
                && repos.values().stream().allMatch(AptRepository::isReady);
        List<LocalizedText> problems = Prerequisites.problems(config, cachesReady);
        if (!problems.isEmpty()) {
            throw new LabException(LabMessages.text("error.prerequisites", LabMessages.lines(problems)));
        }
        network.refuseForeignRoutes();
        network.refuseForeignBridge();
        if (!freshHosts && infrastructureIsUp() && cachesReady
                && hosts().stream().allMatch(h -> disks.suiteOnDisk(h).equals(Optional.of(config.suiteOf(h))))) {
            List<LabHost> off = hosts().stream().filter(h -> !processes.isRunning(h)).toList();
            if (off.isEmpty()) {
                progress.step(LabMessages.text("progress.alreadyUp"));
                return;
            }
            progress.step(LabMessages.text("progress.boot", PerHost.names(off)));
            PerHost.parallel(off, this::powerOn);
            waitUntilBooted(off, progress);
            return;
        }
        // The guards go first and stay while leftovers are cleaned and caches are built: the
        // subnet never takes the default route, and only root reaches it.
        network.addBlackhole();
        network.installFirewall();
        if (leftoversExist()) {
            progress.step(LabMessages.text("progress.cleaning"));
        }
        teardown(true);

        Files2.createPrivateDirectories(config.stateDir());
        Files2.createPrivateDirectories(config.cacheDir());
        for (String suite : config.suites()) {
            rootfs.get(suite).ensure(progress);
            repos.get(suite).ensure(progress);
        }
        disks.ensureSshKey();
        String password = rootPassword.ensure();

        progress.step(LabMessages.text("progress.network", config.bridge(), config.subnet()));
        network.createBridge();
        processes.startRepoServer(servedRepositories(repos));

        progress.step(LabMessages.text("progress.prepare", PerHost.names(hosts())));
        PerHost.parallel(hosts(), host -> {
            network.createHostNetwork(host);
            disks.prepare(host, rootfs.get(config.suiteOf(host)), freshHosts, password);
        });
        disks.writeKnownHosts();
        progress.step(LabMessages.text("progress.boot", PerHost.names(hosts())));
        PerHost.parallel(hosts(), this::powerOn);
        waitUntilBooted(hosts(), progress);
        progress.step(LabMessages.text("progress.ready", hosts().size(), config.subnet()));
    }

    /** The folder the repository server serves: one link per release, {@code SUITE -> CACHE/repo-SUITE}. */
    private Path servedRepositories(Map<String, AptRepository> repos) {
        Path served = config.stateDir().resolve("repos");
        Files2.deleteTree(served);
        Files2.createDirectories(served);
        repos.forEach((suite, repo) -> {
            try {
                java.nio.file.Files.createSymbolicLink(served.resolve(suite), repo.dir());
            } catch (IOException e) {
                throw new LabException(LabMessages.text("error.io.link", served.resolve(suite), e.getMessage()), e);
            }
        });
        return served;
    }

    /** Fresh hosts, as after first boot, with no packages installed; the lab is up afterwards. */
    public void reset(LabProgress progress) {
        up(progress, true);
    }

    /**
     * Removes every namespace, mount, process, route and bridge the lab made, and nothing else.
     * Keeps the caches, the SSH key, the root password and the hosts' disks. Safe when the lab is down.
     */
    public void down() {
        LabLock.run(config.stateDir(), () -> teardown(false));
    }

    /** Each host's state, address and whether SSH answers; cheap, changes nothing. */
    public LabStatus status() {
        List<LabStatus.HostStatus> hosts = new ArrayList<>();
        for (LabHost host : hosts()) {
            LabStatus.HostState state = processes.isRunning(host) ? LabStatus.HostState.RUNNING
                    : LabNetwork.netnsExists(host) ? LabStatus.HostState.OFF : LabStatus.HostState.ABSENT;
            boolean ssh = state == LabStatus.HostState.RUNNING && sshAnswers(host, Duration.ofMillis(700));
            hosts.add(new LabStatus.HostStatus(host.name(), host.address(), state, ssh));
        }
        return new LabStatus(network.bridgeExists(), processes.repoServing(), hosts);
    }

    /**
     * Powers a host off or on. Off pulls the plug: every process of the host is killed at once
     * (no clean shutdown), its link goes down and its addresses vanish, so it stops answering
     * ARP even for a VIP a killed keepalived left behind. On boots it again; systemd starts its
     * enabled services. Returns when the host is off, or when SSH answers again.
     */
    public void power(String hostName, boolean on) {
        LabHost host = config.host(hostName);
        LabLock.run(config.stateDir(), () -> powerLocked(host, on));
    }

    private void powerLocked(LabHost host, boolean on) {
        if (!LabNetwork.netnsExists(host)) {
            throw new LabException(LabMessages.text("error.labDown"));
        }
        if (on) {
            if (!processes.isRunning(host)) {
                powerOn(host);
                waitUntilBooted(List.of(host), LabProgress.SILENT);
            }
        } else {
            processes.stopHost(host, Duration.ZERO);
            network.unplug(host);
        }
    }

    /** Runs {@code command} as root inside a running host; 10 minutes at most. */
    public ExecResult exec(String hostName, String command) {
        return exec(hostName, command, SystemCommand.DEFAULT_TIMEOUT);
    }

    /**
     * Runs {@code command} as root inside a running host, over SSH with the lab's key and the
     * lab's known_hosts: the command runs with the host's privileges, never with this machine's.
     *
     * @return exit code and combined output; exit code 124 if the timeout stopped it, 255 if SSH failed
     * @throws LabException if the host is not running
     */
    public ExecResult exec(String hostName, String command, Duration timeout) {
        LabHost host = config.host(hostName);
        if (!processes.isRunning(host)) {
            throw new LabException(LabMessages.text("error.hostOff", hostName));
        }
        return SystemCommand.of(LabCommands.sshToHost(host, sshPrivateKey(), knownHostsFile(), command))
                .timeout(timeout).run();
    }

    /**
     * PID (in this machine's PID namespace) of the host's init, if the host runs. For tests: the
     * lab itself only signals it.
     */
    Optional<Long> hostInit(LabHost host) {
        return LabProcesses.hostInit(host);
    }

    // ---------------------------------------------------------------- internals

    private void powerOn(LabHost host) {
        network.plugIn(host);
        processes.startHost(host);
    }

    /**
     * Waits until every host's sshd sends its banner and systemd reports the boot finished.
     * A host whose systemd-nspawn exits meanwhile fails at once, with the end of its console log.
     */
    private void waitUntilBooted(List<LabHost> hosts, LabProgress progress) {
        for (LabHost host : hosts) {
            boolean answered = LabWait.SSH_BANNER.until(() -> !processes.isRunning(host)
                    || sshAnswers(host, Duration.ofMillis(500)));
            if (!processes.isRunning(host)) {
                throw new LabException(LabMessages.text("error.bootFailed", host.name(),
                        HostDisks.tail(disks.consoleLog(host), 30)));
            }
            if (!answered) {
                throw new LabException(LabMessages.text("error.bootTimeout", host.name(),
                        LabWait.SSH_BANNER.bound().toSeconds()));
            }
        }
        for (LabHost host : hosts) {
            ExecResult state = exec(host.name(), "systemctl is-system-running --wait", LabWait.SYSTEMD_BOOT.bound());
            if (!state.output().strip().equals("running")) {
                progress.step(LabMessages.text("progress.degraded", host.name(), state.output().strip()));
            }
        }
    }

    /** True if something on port 22 sends an SSH banner: a plain TCP connect is not enough. */
    boolean sshAnswers(LabHost host, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host.address(), 22), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            String banner = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return banner != null && banner.startsWith("SSH-");
        } catch (IOException e) {
            return false;
        }
    }

    private boolean infrastructureIsUp() {
        if (!network.bridgeExists() || !processes.repoServing() || !network.firewallInstalled()) {
            return false;
        }
        return hosts().stream().allMatch(h -> network.hostNetworkExists(h) && disks.isMounted(h));
    }

    private boolean leftoversExist() {
        if (network.bridgeExists() || java.nio.file.Files.exists(processes.repoPidFile())) {
            return true;
        }
        return hosts().stream().anyMatch(h -> network.anyHostNetworkExists(h) || disks.isMounted(h));
    }

    /**
     * Removes what the lab made, found by its own names and recorded PIDs, in an order that
     * works on a half-dead lab too: processes, mounts, namespaces, repo server, bridge, and
     * unless {@code keepGuards} (an {@code up} that rebuilds) the firewall and blackhole route.
     */
    private void teardown(boolean keepGuards) {
        PerHost.parallel(hosts(), host -> processes.stopHost(host, LabWait.CLEAN_SHUTDOWN.bound()));
        for (LabHost host : hosts()) {
            disks.unmount(host);
            network.removeHostNetwork(host);
        }
        processes.stopRepoServer();
        network.removeBridge();
        if (!keepGuards) {
            network.removeFirewall();
            network.removeBlackhole();
        }
    }
}
