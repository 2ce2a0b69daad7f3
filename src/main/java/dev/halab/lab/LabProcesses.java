package dev.halab.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The processes the lab starts and ends: each host's systemd-nspawn and the apt repository's HTTP
 * server. Processes are ended by recorded PID (checked against their start time) or because they
 * live in one of the lab's own network namespaces; never by name.
 */
final class LabProcesses {

    private final LabConfig config;
    private final HostDisks disks;

    LabProcesses(LabConfig config, HostDisks disks) {
        this.config = config;
        this.disks = disks;
    }

    private Path nspawnPidFile(LabHost host) {
        return disks.hostDir(host).resolve("nspawn.pid");
    }

    Path repoPidFile() {
        return config.stateDir().resolve("repo-http.pid");
    }

    /** Boots a host with systemd-nspawn in its own cgroups; its console goes to console.log. */
    void startHost(LabHost host) {
        List<Path> cgroups = HostCgroups.create(host);
        RecordedProcess.startDetached(HostCgroups.enterAndExec(cgroups,
                        LabCommands.bootWithSetuidInside(disks.merged(host), LabCommands.nspawn(host, disks.merged(host)))),
                nspawnPidFile(host), disks.consoleLog(host));
    }

    boolean isRunning(LabHost host) {
        return RecordedProcess.read(nspawnPidFile(host)).map(RecordedProcess::isAlive).orElse(false);
    }

    /**
     * Ends the host: SIGTERM to its systemd-nspawn for a clean shutdown when {@code grace} is
     * positive, otherwise SIGKILL to the host's init (the kernel then kills every process of its
     * PID namespace, like a power cut). Anything left in the host's network namespace is killed:
     * that namespace is the lab's, so its processes are too.
     */
    void stopHost(LabHost host, Duration grace) {
        Optional<RecordedProcess> nspawn = RecordedProcess.read(nspawnPidFile(host));
        if (grace.isZero()) {
            hostInit(host).ifPresent(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            nspawn.ifPresent(p -> p.terminate(LabWait.PROCESS_EXIT.bound()));
        } else {
            nspawn.ifPresent(p -> p.terminate(grace));
        }
        killProcessesInNetns(host);
        HostCgroups.remove(host);
        Files2.deleteIfExists(nspawnPidFile(host));
    }

    private void killProcessesInNetns(LabHost host) {
        if (!LabNetwork.netnsExists(host)) {
            return;
        }
        boolean empty = LabWait.NETNS_EMPTY.until(() -> {
            List<Long> pids = netnsPids(host);
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            return pids.isEmpty();
        });
        if (!empty) {
            throw new LabException(LabMessages.text("error.netnsAlive", host.netns(), netnsPids(host)));
        }
    }

    /** Live processes in the host's network namespace; zombies are dead already and left to their parent. */
    static List<Long> netnsPids(LabHost host) {
        ExecResult result = SystemCommand.of("ip", "netns", "pids", host.netns()).run();
        List<Long> pids = new ArrayList<>();
        if (result.succeeded()) {
            for (String line : result.output().split("\n")) {
                if (!line.isBlank()) {
                    long pid = Long.parseLong(line.strip());
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
    static Optional<Long> hostInit(LabHost host) {
        if (!LabNetwork.netnsExists(host)) {
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

    /** Starts the apt repository's HTTP server and waits until it listens, so hosts' first apt-get update does not race it. */
    void startRepoServer(Path repoDir) {
        Path log = config.stateDir().resolve("repo-http.log");
        RecordedProcess server = RecordedProcess.startDetached(LabCommands.repoServer(config, repoDir), repoPidFile(), log);
        boolean listening = LabWait.REPO_LISTENING.until(() -> !server.isAlive() || repoAccepts());
        if (!listening || !server.isAlive()) {
            throw new LabException(LabMessages.text("error.repoServer", config.controllerAddress() + ":" + config.repoPort(),
                    HostDisks.tail(log, 10)));
        }
    }

    private boolean repoAccepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(config.controllerAddress(), config.repoPort()), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    boolean repoServing() {
        return RecordedProcess.read(repoPidFile()).map(RecordedProcess::isAlive).orElse(false);
    }

    void stopRepoServer() {
        RecordedProcess.read(repoPidFile()).ifPresent(p -> p.terminate(LabWait.PROCESS_EXIT.bound()));
        Files2.deleteIfExists(repoPidFile());
    }
}
