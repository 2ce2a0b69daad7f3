package dev.halab.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

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
 *   <li>a blackhole route for the lab subnet (metric 4000), added before anything else;</li>
 *   <li>bridge {@code halab0} with the controller address; IPv4 forwarding off on it;</li>
 *   <li>per host: netns {@code halab-NAME}, veth {@code hl-NAME} / {@code eth0}, an overlay
 *       mount under the state dir, a cgroup {@code halab-NAME}, a systemd-nspawn process (PID recorded);</li>
 *   <li>an HTTP server (PID recorded) serving the apt repository on the controller address.</li>
 * </ul>
 * Processes are ended by recorded PID (checked against their start time) or because they live
 * in one of the lab's own network namespaces; never by name.
 *
 * <p>Host disks (overlay upper dirs) survive {@code down}, like a VM's disk survives a shutdown;
 * {@link #reset} or {@code up(progress, true)} discards them so hosts are as after first boot.
 *
 * <p>Methods block; call them from a worker thread in a GUI. {@code up}, {@code reset},
 * {@code down} and {@code power} hold a lock (in this JVM and, through a lock file next to the
 * state dir, across processes), so a benchmark and a test run never interleave their changes.
 */
public final class LocalLab {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final LabConfig config;
    private final Path hostsDir;

    public LocalLab(LabConfig config) {
        this.config = config;
        this.hostsDir = config.stateDir().resolve("hosts");
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
        return config.stateDir().resolve("id_ed25519");
    }

    /** OpenSSH known_hosts file with every host key of every host, rewritten by each {@code up}. */
    public Path knownHostsFile() {
        return config.stateDir().resolve("known_hosts");
    }

    /** Root password of every host: {@value LabConfig#DEFAULT_ROOT_PASSWORD} unless HALAB_LAB_PASSWORD is set. */
    public String rootPassword() {
        return config.rootPassword();
    }

    /** Public host keys of a host, as lines of its {@code /etc/ssh/ssh_host_*_key.pub} files. */
    public List<String> hostPublicKeys(String host) {
        Path sshDir = merged(config.host(host)).resolve("etc/ssh");
        List<String> keys = new ArrayList<>();
        try (var files = Files.newDirectoryStream(sshDir, "ssh_host_*_key.pub")) {
            for (Path file : files) {
                keys.add(Files.readString(file).strip());
            }
        } catch (IOException e) {
            throw new LabException("cannot read host keys of " + host + ": " + e.getMessage(), e);
        }
        return keys;
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
        locked(() -> upLocked(progress, freshHosts));
    }

    private void upLocked(LabProgress progress, boolean freshHosts) {
        RootfsCache rootfs = rootfs();
        AptRepository repo = new AptRepository(config.cacheDir(), rootfs, AptRepository.packageListFromClasspath());
        List<String> problems = Prerequisites.problems(config, rootfs.isReady() && repo.isReady());
        if (!problems.isEmpty()) {
            throw new LabException(String.join("\n", problems));
        }
        refuseForeignRoutes();
        if (!freshHosts && infrastructureIsUp()) {
            List<LabHost> off = hosts().stream().filter(h -> !isRunning(h)).toList();
            if (off.isEmpty()) {
                progress.step(LabMessages.get("progress.alreadyUp"));
                return;
            }
            progress.step(LabMessages.get("progress.boot", names(off)));
            parallel(off, this::powerOnInternal);
            waitUntilBooted(off, progress);
            return;
        }
        if (leftoversExist()) {
            progress.step(LabMessages.get("progress.cleaning"));
        }
        teardown();

        rootfs.ensure(progress);
        repo.ensure(progress);
        ensureSshKey();

        progress.step(LabMessages.get("progress.network", config.bridge(), config.subnet()));
        run(LabCommands.addBlackhole(config));
        LabCommands.createBridge(config).forEach(this::run);
        // The bridge must not route hosts' packets anywhere: the lab is a closed network.
        Files2.writeSysctl(Path.of("/proc/sys/net/ipv4/conf", config.bridge(), "forwarding"), "0");
        startRepoServer(repo.dir());

        progress.step(LabMessages.get("progress.prepare", names(hosts())));
        parallel(hosts(), host -> {
            LabCommands.createHostNetwork(config, host).forEach(this::run);
            prepareDisk(host, rootfs.dir(), freshHosts);
        });
        writeKnownHosts();
        progress.step(LabMessages.get("progress.boot", names(hosts())));
        parallel(hosts(), this::powerOnInternal);
        waitUntilBooted(hosts(), progress);
        progress.step(LabMessages.get("progress.ready", hosts().size(), config.subnet()));
    }

    /** Fresh hosts, as after first boot, with no packages installed; the lab is up afterwards. */
    public void reset(LabProgress progress) {
        up(progress, true);
    }

    /**
     * Removes every namespace, mount, process, route and bridge the lab made, and nothing else.
     * Keeps the caches, the SSH key and the hosts' disks. Safe to call when the lab is down.
     */
    public void down() {
        locked(this::teardown);
    }

    /** Each host's state, address and whether SSH answers; cheap, changes nothing. */
    public LabStatus status() {
        List<LabStatus.HostStatus> hosts = new ArrayList<>();
        for (LabHost host : hosts()) {
            LabStatus.HostState state = isRunning(host) ? LabStatus.HostState.RUNNING
                    : netnsExists(host) ? LabStatus.HostState.OFF : LabStatus.HostState.ABSENT;
            boolean ssh = state == LabStatus.HostState.RUNNING && sshAnswers(host, Duration.ofMillis(700));
            hosts.add(new LabStatus.HostStatus(host.name(), host.address(), state, ssh));
        }
        boolean repoServing = RecordedProcess.read(repoPidFile()).map(RecordedProcess::isAlive).orElse(false);
        return new LabStatus(linkExists(config.bridge()), repoServing, hosts);
    }

    /**
     * Powers a host off or on. Off pulls the plug: every process of the host is killed at once
     * (no clean shutdown), its link goes down and its addresses vanish, so it stops answering
     * ARP even for a VIP a killed keepalived left behind. On boots it again; systemd starts its
     * enabled services. Returns when the host is off, or when SSH answers again.
     */
    public void power(String hostName, boolean on) {
        LabHost host = config.host(hostName);
        locked(() -> powerLocked(host, on));
    }

    private void powerLocked(LabHost host, boolean on) {
        if (!netnsExists(host)) {
            throw new LabException(LabMessages.get("error.labDown"));
        }
        if (on) {
            if (!isRunning(host)) {
                powerOnInternal(host);
                waitUntilBooted(List.of(host), LabProgress.SILENT);
            }
        } else {
            powerOff(host, Duration.ZERO);
            LabCommands.unplug(config, host).forEach(this::run);
        }
    }

    /** Runs {@code command} with {@code /bin/sh -c} as root inside a running host; 10 minutes at most. */
    public ExecResult exec(String hostName, String command) {
        return exec(hostName, command, SystemCommand.DEFAULT_TIMEOUT);
    }

    /**
     * Runs {@code command} with {@code /bin/sh -c} as root inside a running host (its namespaces,
     * root directory and a clean login-like environment), without going through SSH.
     *
     * @return exit code and combined output; exit code 124 if the timeout stopped it
     * @throws LabException if the host is not running
     */
    public ExecResult exec(String hostName, String command, Duration timeout) {
        LabHost host = config.host(hostName);
        long init = hostInit(host).orElseThrow(() -> new LabException(LabMessages.get("error.hostOff", hostName)));
        return SystemCommand.of(LabCommands.execInHost(init, command)).timeout(timeout).run();
    }

    // ---------------------------------------------------------------- hosts

    private RootfsCache rootfs() {
        String codename = AptSources.codename(Files2.read(Path.of("/etc/os-release")))
                .orElseThrow(() -> new LabException(LabMessages.get("prereq.notDebian")));
        String mirror = Optional.ofNullable(System.getenv("HALAB_DEBIAN_MIRROR"))
                .or(() -> AptSources.mirrorFor(codename, machineAptSources()))
                .orElseThrow(() -> new LabException(LabMessages.get("prereq.noMirror", codename)));
        return new RootfsCache(config.cacheDir(), codename, mirror);
    }

    private static String machineAptSources() {
        StringBuilder all = new StringBuilder();
        List<Path> files = new ArrayList<>(List.of(Path.of("/etc/apt/sources.list")));
        try (var listed = Files.newDirectoryStream(Path.of("/etc/apt/sources.list.d"))) {
            listed.forEach(files::add);
        } catch (IOException e) {
            // no sources.list.d: only sources.list counts
        }
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                all.append(Files2.read(file)).append("\n\n");
            }
        }
        return all.toString();
    }

    private Path hostDir(LabHost host) {
        return hostsDir.resolve(host.name());
    }

    private Path merged(LabHost host) {
        return hostDir(host).resolve("merged");
    }

    private Path nspawnPidFile(LabHost host) {
        return hostDir(host).resolve("nspawn.pid");
    }

    private Path repoPidFile() {
        return config.stateDir().resolve("repo-http.pid");
    }

    /**
     * Mounts the host's overlay (rootfs below, the host's own upper dir on top) and writes what
     * makes this host itself. Identity (hostname, host keys) is written once per disk; access
     * (authorized key, password, apt source) on every up, so a changed password takes effect.
     */
    private void prepareDisk(LabHost host, Path rootfsDir, boolean fresh) {
        Path dir = hostDir(host);
        Path upper = dir.resolve("upper");
        Path work = dir.resolve("work");
        Path merged = merged(host);
        Path identityMarker = dir.resolve("identity-written");
        if (fresh || !Files.exists(identityMarker)) {
            Files2.deleteTree(upper);
            Files2.deleteTree(work);
            deleteIfExists(identityMarker);
        }
        Files2.createDirectories(upper);
        Files2.createDirectories(work);
        Files2.createDirectories(merged);
        run(LabCommands.mountOverlay(rootfsDir, upper, work, merged));

        if (!Files.exists(identityMarker)) {
            Files2.write(merged.resolve("etc/hostname"), host.name() + "\n");
            StringBuilder hostsFile = new StringBuilder("127.0.0.1\tlocalhost\n127.0.1.1\t" + host.name() + "\n");
            for (LabHost other : hosts()) {
                hostsFile.append(other.address()).append('\t').append(other.name()).append('\n');
            }
            Files2.write(merged.resolve("etc/hosts"), hostsFile.toString());
            // Empty machine-id: systemd makes a new one at boot, so hosts do not share one.
            Files2.write(merged.resolve("etc/machine-id"), "");
            for (String[] type : new String[][] {{"ed25519"}, {"ecdsa", "-b", "256"}, {"rsa", "-b", "3072"}}) {
                List<String> keygen = new ArrayList<>(List.of("ssh-keygen", "-q", "-N", "", "-C", "root@" + host.name(),
                        "-t", type[0]));
                keygen.addAll(List.of(type).subList(1, type.length));
                keygen.addAll(List.of("-f", merged.resolve("etc/ssh/ssh_host_" + type[0] + "_key").toString()));
                run(keygen);
            }
            Files2.write(identityMarker, "");
        }
        Files2.write(merged.resolve("etc/apt/sources.list"), LabCommands.aptSource(config));
        Path rootSsh = merged.resolve("root/.ssh");
        Files2.createDirectories(rootSsh);
        Files2.chmod(rootSsh, "rwx------");
        Files2.writePrivate(rootSsh.resolve("authorized_keys"), Files2.read(sshPrivateKey().resolveSibling("id_ed25519.pub")));
        // The password goes through stdin only: never on a command line, never in a log.
        SystemCommand.of("chroot", merged.toString(), "chpasswd").stdin("root:" + config.rootPassword() + "\n").check();
    }

    private void powerOnInternal(LabHost host) {
        LabCommands.plugIn(config, host).forEach(this::run);
        Path console = hostDir(host).resolve("console.log");
        List<Path> cgroups = HostCgroups.create(host);
        RecordedProcess.startDetached(HostCgroups.enterAndExec(cgroups, LabCommands.nspawn(host, merged(host))),
                nspawnPidFile(host), console);
    }

    /**
     * Ends the host: SIGTERM to its systemd-nspawn for a clean shutdown when {@code grace} is
     * positive, otherwise SIGKILL to the host's init (the kernel then kills every process of its
     * PID namespace, like a power cut). Anything left in the host's network namespace is killed:
     * that namespace is the lab's, so its processes are too.
     */
    private void powerOff(LabHost host, Duration grace) {
        Optional<RecordedProcess> nspawn = RecordedProcess.read(nspawnPidFile(host));
        if (grace.isZero()) {
            hostInit(host).ifPresent(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            nspawn.ifPresent(p -> p.terminate(Duration.ofSeconds(3)));
        } else {
            nspawn.ifPresent(p -> p.terminate(grace));
        }
        killProcessesInNetns(host);
        HostCgroups.remove(host);
        deleteIfExists(nspawnPidFile(host));
    }

    private void killProcessesInNetns(LabHost host) {
        if (!netnsExists(host)) {
            return;
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            List<Long> pids = netnsPids(host);
            if (pids.isEmpty()) {
                return;
            }
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            RecordedProcess.sleep(100);
        }
        throw new LabException("processes in network namespace " + host.netns() + " do not die: " + netnsPids(host));
    }

    private List<Long> netnsPids(LabHost host) {
        ExecResult result = SystemCommand.of("ip", "netns", "pids", host.netns()).run();
        List<Long> pids = new ArrayList<>();
        if (result.succeeded()) {
            for (String line : result.output().split("\n")) {
                if (!line.isBlank()) {
                    long pid = Long.parseLong(line.strip());
                    // Zombies are dead already; they go when their parent reaps them.
                    if (RecordedProcess.readStartTime(pid).isPresent()) {
                        pids.add(pid);
                    }
                }
            }
        }
        return pids;
    }

    /**
     * PID (in this machine's PID namespace) of the host's init: the process of the host's network
     * namespace whose innermost PID is 1.
     */
    Optional<Long> hostInit(LabHost host) {
        if (!netnsExists(host)) {
            return Optional.empty();
        }
        for (long pid : netnsPids(host)) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("NSpid:")) {
                        String[] ids = line.substring(6).strip().split("\\s+");
                        if (ids.length > 1 && ids[ids.length - 1].equals("1")) {
                            return Optional.of(pid);
                        }
                    }
                }
            } catch (IOException e) {
                // The process ended while we looked.
            }
        }
        return Optional.empty();
    }

    private boolean isRunning(LabHost host) {
        return RecordedProcess.read(nspawnPidFile(host)).map(RecordedProcess::isAlive).orElse(false);
    }

    /**
     * Waits until every host's sshd sends its banner and systemd reports the boot finished.
     * A host whose systemd-nspawn exits meanwhile fails at once, with the end of its console log.
     */
    private void waitUntilBooted(List<LabHost> hosts, LabProgress progress) {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        for (LabHost host : hosts) {
            while (!sshAnswers(host, Duration.ofMillis(500))) {
                if (!isRunning(host)) {
                    throw new LabException(LabMessages.get("error.bootFailed", host.name(),
                            tail(hostDir(host).resolve("console.log"), 30)));
                }
                if (System.nanoTime() > deadline) {
                    throw new LabException(LabMessages.get("error.bootTimeout", host.name(), BOOT_TIMEOUT.toSeconds()));
                }
                RecordedProcess.sleep(100);
            }
        }
        for (LabHost host : hosts) {
            ExecResult state = exec(host.name(), "systemctl is-system-running --wait", Duration.ofSeconds(60));
            if (!state.output().strip().equals("running")) {
                progress.step(LabMessages.get("progress.degraded", host.name(), state.output().strip()));
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

    // ---------------------------------------------------------------- network and repo

    /** Refuses to shadow a network this machine already uses: a route into the subnet not made by the lab. */
    private void refuseForeignRoutes() {
        String table = SystemCommand.of("ip", "-4", "-o", "route", "show", "table", "all").check();
        List<String> conflicts = RouteConflicts.find(table, config.subnet(), config.bridge());
        if (!conflicts.isEmpty()) {
            throw new LabException(LabMessages.get("prereq.subnetInUse", config.subnet(), String.join("\n  ", conflicts)));
        }
    }

    private boolean infrastructureIsUp() {
        if (!linkExists(config.bridge())
                || !RecordedProcess.read(repoPidFile()).map(RecordedProcess::isAlive).orElse(false)) {
            return false;
        }
        String mounts = Files2.read(Path.of("/proc/self/mountinfo"));
        for (LabHost host : hosts()) {
            if (!netnsExists(host) || !linkExists(host.bridgePort()) || !isMounted(mounts, merged(host))) {
                return false;
            }
        }
        return true;
    }

    private void startRepoServer(Path repoDir) {
        Path log = config.stateDir().resolve("repo-http.log");
        RecordedProcess server = RecordedProcess.startDetached(LabCommands.repoServer(config, repoDir), repoPidFile(), log);
        // Wait until it listens, so hosts' first apt-get update does not race it.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(config.controllerAddress(), config.repoPort()), 200);
                return;
            } catch (IOException notYet) {
                if (!server.isAlive()) {
                    break;
                }
                RecordedProcess.sleep(50);
            }
        }
        throw new LabException(LabMessages.get("error.repoServer", config.controllerAddress() + ":" + config.repoPort(),
                tail(log, 10)));
    }

    private boolean leftoversExist() {
        if (linkExists(config.bridge()) || Files.exists(repoPidFile())) {
            return true;
        }
        String mounts = Files2.read(Path.of("/proc/self/mountinfo"));
        return hosts().stream().anyMatch(h -> netnsExists(h) || linkExists(h.bridgePort()) || isMounted(mounts, merged(h)));
    }

    /**
     * Removes what the lab made, found by its own names and recorded PIDs, in an order that
     * works on a half-dead lab too: processes, mounts, namespaces, repo server, bridge, route.
     */
    private void teardown() {
        parallel(hosts(), host -> powerOff(host, STOP_GRACE));
        for (LabHost host : hosts()) {
            unmount(merged(host));
            if (Files.exists(Path.of("/run/netns", host.netns()))) {
                run(List.of("ip", "netns", "delete", host.netns()));
            }
            deleteLink(host.bridgePort());
        }
        RecordedProcess.read(repoPidFile()).ifPresent(p -> p.terminate(Duration.ofSeconds(3)));
        deleteIfExists(repoPidFile());
        deleteLink(config.bridge());
        // Matches only a blackhole for exactly the lab subnet with the lab's metric; "not found" is fine.
        SystemCommand.of(LabCommands.deleteBlackhole(config)).run();
    }

    /**
     * Deletes a link of the lab's. Deleting a namespace destroys its veth pair asynchronously, so
     * the bridge-side end may vanish between the check and the delete: that is success too.
     */
    private void deleteLink(String name) {
        if (linkExists(name)) {
            ExecResult result = SystemCommand.of("ip", "link", "delete", name).run();
            if (!result.succeeded() && linkExists(name)) {
                throw new LabException(LabMessages.get("error.commandFailed", "ip link delete " + name,
                        result.exitCode(), result.output().strip()));
            }
        }
    }

    private void unmount(Path mountPoint) {
        for (int attempt = 0; attempt < 20 && isMounted(Files2.read(Path.of("/proc/self/mountinfo")), mountPoint); attempt++) {
            ExecResult result = SystemCommand.of("umount", mountPoint.toString()).run();
            if (!result.succeeded()) {
                RecordedProcess.sleep(100);
            }
        }
        if (isMounted(Files2.read(Path.of("/proc/self/mountinfo")), mountPoint)) {
            // Still busy (a shell of someone cd'ed into it): detach now, the kernel frees it later.
            run(List.of("umount", "--lazy", mountPoint.toString()));
        }
    }

    /** True if {@code mountPoint} is a mount point in a /proc/PID/mountinfo text (field 5). */
    static boolean isMounted(String mountinfo, Path mountPoint) {
        String wanted = mountPoint.toAbsolutePath().normalize().toString();
        for (String line : mountinfo.split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length > 4 && fields[4].replace("\\040", " ").equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean linkExists(String name) {
        return Files.exists(Path.of("/sys/class/net", name));
    }

    private boolean netnsExists(LabHost host) {
        return Files.exists(Path.of("/run/netns", host.netns()));
    }

    private void ensureSshKey() {
        Path key = sshPrivateKey();
        if (Files.isRegularFile(key) && Files.isRegularFile(key.resolveSibling("id_ed25519.pub"))) {
            return;
        }
        Files2.createDirectories(config.stateDir());
        deleteIfExists(key);
        deleteIfExists(key.resolveSibling("id_ed25519.pub"));
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "halab-lab", "-f", key.toString()));
        Files2.chmod(key, "rw-------");
    }

    private void writeKnownHosts() {
        StringBuilder lines = new StringBuilder();
        for (LabHost host : hosts()) {
            for (String key : hostPublicKeys(host.name())) {
                String[] parts = key.split("\\s+");
                lines.append(host.address()).append(' ').append(parts[0]).append(' ').append(parts[1]).append('\n');
            }
        }
        Files2.write(knownHostsFile(), lines.toString());
    }

    // ---------------------------------------------------------------- helpers

    private static final Object JVM_LOCK = new Object();

    /** Runs a lifecycle action under the JVM lock and an exclusive lock on {@code STATE_DIR.lock}. */
    private void locked(Runnable action) {
        synchronized (JVM_LOCK) {
            Path lockFile = config.stateDir().resolveSibling(config.stateDir().getFileName() + ".lock");
            Files2.createDirectories(lockFile.getParent());
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                 java.nio.channels.FileLock ignored = channel.lock()) {
                action.run();
            } catch (IOException e) {
                throw new LabException("cannot lock " + lockFile + ": " + e.getMessage(), e);
            }
        }
    }

    private void run(List<String> argv) {
        SystemCommand.of(argv).check();
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new LabException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private static String names(List<LabHost> hosts) {
        return String.join(", ", hosts.stream().map(LabHost::name).toList());
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(" + file + " unreadable)";
        }
    }

    /** Runs one task per host at once (hosts are independent); the first failure is rethrown. */
    private static void parallel(List<LabHost> hosts, Consumer<LabHost> task) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, hosts.size()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (LabHost host : hosts) {
                futures.add(pool.submit(() -> task.accept(host)));
            }
            LabException first = null;
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (first == null) {
                        first = cause instanceof LabException lab ? lab : new LabException(cause.toString(), cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LabException("interrupted", e);
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdown();
        }
    }
}
