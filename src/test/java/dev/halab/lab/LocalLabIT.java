package dev.halab.lab;

import dev.halab.core.topology.Ipv4;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.userauth.UserAuthException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local lab's "done when" list, proved on the real thing (needs root; run by failsafe). */
@Tag("lab")
@ExtendWith(LabExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalLabIT {

    @Test
    @Order(1)
    void everyHostAnswersSshWithTheKeyAndWithThePasswordAndHasBootedCleanly(LocalLab lab) throws Exception {
        for (LabHost host : lab.hosts()) {
            try (SSHClient ssh = connect(lab, host)) {
                ssh.authPublickey("root", ssh.loadKeys(lab.sshPrivateKey().toString()));
                assertThat(run(ssh, "systemctl is-system-running")).isEqualTo("running");
                assertThat(run(ssh, "hostname")).isEqualTo(host.name());
            }
            try (SSHClient ssh = connect(lab, host)) {
                ssh.authPassword("root", lab.rootPassword().orElseThrow());
                assertThat(run(ssh, "id -un")).isEqualTo("root");
            }
            try (SSHClient ssh = connect(lab, host)) {
                assertThatThrownBy(() -> ssh.authPassword("root", "not-" + lab.rootPassword().orElseThrow()))
                        .isInstanceOf(UserAuthException.class);
            }
            // The old fixed, documented password is gone.
            try (SSHClient ssh = connect(lab, host)) {
                assertThatThrownBy(() -> ssh.authPassword("root", "halab")).isInstanceOf(UserAuthException.class);
            }
        }
        assertThat(Files.getPosixFilePermissions(lab.sshPrivateKey()))
                .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    @Test
    @Order(2)
    void hostsHaveTheirOwnHostKeys(LocalLab lab) {
        List<String> keys = new ArrayList<>();
        for (LabHost host : lab.hosts()) {
            keys.addAll(lab.hostPublicKeys(host.name()).stream().map(k -> k.split("\\s+")[1]).toList());
        }
        assertThat(keys).hasSize(3 * lab.hosts().size()).doesNotHaveDuplicates();
    }

    @Test
    @Order(3)
    void noHostCanReachAnyAddressOutsideTheLab(LocalLab lab) {
        for (LabHost host : lab.hosts()) {
            // Route lookups only: no packet leaves, and none could.
            assertThat(lab.exec(host.name(), "ip route show default").output()).isBlank();
            ExecResult outside = lab.exec(host.name(), "ip route get 1.1.1.1");
            assertThat(outside.exitCode()).isNotZero();
            assertThat(outside.output()).contains("unreachable");
            assertThat(lab.exec(host.name(), "ip route get " + lab.controllerAddress()).exitCode()).isZero();
        }
    }

    @Test
    @Order(4)
    void aptInstallsNginxFromTheLabRepositoryAndPowerCycleStartsIt(LocalLab lab) throws Exception {
        assertThat(lab.exec("tomcat2", "cat /etc/apt/sources.list; ls /etc/apt/sources.list.d").output().strip())
                .isEqualTo("deb [trusted=yes] http://" + lab.controllerAddress() + ":" + lab.config().repoPort() + "/bookworm/ ./");
        ExecResult install = lab.exec("tomcat2", "apt-get update -q && apt-get -o DPkg::Lock::Timeout=300 install -y -q nginx", Duration.ofMinutes(5));
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(httpStatus(lab.address("tomcat2"))).isEqualTo(200);

        lab.power("tomcat2", false);
        assertThat(lab.status().hosts()).filteredOn(h -> h.name().equals("tomcat2"))
                .singleElement().extracting(LabStatus.HostStatus::state).isEqualTo(LabStatus.HostState.OFF);
        lab.power("tomcat2", true);
        // systemd starts the enabled nginx on boot, as on a VM.
        assertThat(lab.exec("tomcat2", "systemctl is-active nginx").output().strip()).isEqualTo("active");
        assertThat(httpStatus(lab.address("tomcat2"))).isEqualTo(200);
    }

    @Test
    @Order(5)
    void powerOffPullsThePlugAndPowerOnBootsTheHostAgain(LocalLab lab) throws Exception {
        LabHost host = lab.config().host("nginx2");
        lab.power(host.name(), false);
        assertThat(lab.sshAnswers(host, Duration.ofSeconds(1))).isFalse();
        assertThat(SystemCommand.of("ip", "netns", "pids", host.netns()).check()).isBlank();
        String link = SystemCommand.of("ip", "-n", host.netns(), "addr", "show", "dev", "eth0").check();
        assertThat(link).doesNotContain("inet ").contains("state DOWN");
        assertThatThrownBy(() -> lab.exec(host.name(), "true")).isInstanceOf(LabException.class);

        lab.power(host.name(), true);
        assertThat(lab.sshAnswers(host, Duration.ofSeconds(1))).isTrue();
        assertThat(lab.exec(host.name(), "systemctl is-system-running --wait").output().strip()).isEqualTo("running");
    }

    @Test
    @Order(6)
    void secondUpIsHarmless(LocalLab lab) {
        // How fast it is, is measured by bench/lab-bench.sh; here: it changes nothing.
        long pidBefore = lab.hostInit(lab.config().host("nginx1")).orElseThrow();
        lab.up(LabProgress.SILENT);
        assertThat(lab.hostInit(lab.config().host("nginx1"))).contains(pidBefore);
        assertThat(lab.status().allUp()).isTrue();
    }

    @Test
    @Order(7)
    void upCleansAHalfDeadLabWhoseProcessesWereKilled(LocalLab lab) {
        // What CI meets after a session's processes are ended: namespaces, mounts, bridge and
        // routes remain, the lab's processes are gone.
        for (LabHost host : lab.hosts()) {
            lab.hostInit(host).ifPresent(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
        RecordedProcess.read(lab.config().stateDir().resolve("repo-http.pid")).ifPresent(RecordedProcess::kill);
        lab.up(LabProgress.SILENT);
        assertThat(lab.status().allUp()).isTrue();
    }

    @Test
    @Order(8)
    void upRefusesASubnetThatThisMachineAlreadyRoutes() throws IOException {
        // The machine's own LAN, taken from its routing table: up must refuse before changing anything.
        String lan = SystemCommand.of("ip", "-4", "-o", "route", "show", "proto", "kernel", "scope", "link").check()
                .lines().filter(l -> !l.contains("halab0")).findFirst().orElseThrow().split("\\s+")[0];
        String network = lan.split("/")[0];
        Ipv4 base = Ipv4.of(network);
        String profile = """
                {"network": {"prefixLength": %s, "interface": "eth0"},
                 "hosts": [{"name": "probe1", "address": "%s"}],
                 "lab": {"controllerAddress": "%s", "bridge": "halabtest0"}}
                """.formatted(Math.max(24, Integer.parseInt(lan.split("/")[1])), base.plus(200), base.plus(201));
        Path stateDir = Files.createTempDirectory("halab-conflict-test").resolve("lab");
        LocalLab conflicting = new LocalLab(LabConfig.fromProfileJson(profile,
                Map.of("HALAB_LAB_STATE_DIR", stateDir.toString())));
        try {
            assertThatThrownBy(() -> conflicting.up(LabProgress.SILENT))
                    .isInstanceOf(LabException.class).hasMessageContaining(lan);
        } finally {
            Files2.deleteTree(stateDir.getParent());
        }
        assertThat(Path.of("/sys/class/net/halabtest0")).doesNotExist();
        assertThat(Path.of("/run/netns/halab-probe1")).doesNotExist();
    }

    @Test
    @Order(9)
    void downLeavesNothingBehindAndUpComesBack(LocalLab lab) throws IOException {
        List<Long> labPids = new ArrayList<>();
        for (LabHost host : lab.hosts()) {
            labPids.addAll(netnsPids(host));
        }
        RecordedProcess.read(lab.config().stateDir().resolve("repo-http.pid")).ifPresent(p -> labPids.add(p.pid()));
        assertThat(labPids).hasSizeGreaterThan(lab.hosts().size());

        lab.down();

        for (LabHost host : lab.hosts()) {
            assertThat(Path.of("/run/netns", host.netns())).doesNotExist();
            assertThat(Path.of("/sys/class/net", host.bridgePort())).doesNotExist();
            assertThat(HostCgroups.dirs(host)).isNotEmpty().allSatisfy(dir -> assertThat(dir).doesNotExist());
        }
        assertThat(Path.of("/sys/class/net", lab.config().bridge())).doesNotExist();
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(lab.config().stateDir().toString());
        assertThat(SystemCommand.of("ip", "-4", "route", "show", "table", "all").check())
                .doesNotContain(lab.config().subnet()).doesNotContain(lab.controllerAddress());
        for (long pid : labPids) {
            assertThat(RecordedProcess.readStartTime(pid)).as("process %d of the lab", pid).isEmpty();
        }
        assertThat(SystemCommand.of("nft", "list", "table", "inet", LabCommands.firewallTable(lab.config())).run()
                .succeeded()).as("the lab's firewall table is gone").isFalse();
        assertThat(processesMentioning(lab.config().stateDir().toString())).isEmpty();
        assertThat(processesMentioning(lab.config().cacheDir().resolve("repo").toString())).isEmpty();

        // Later end-to-end tests share this lab: bring it back (warm, with the hosts' disks).
        lab.up(LabProgress.SILENT);
        assertThat(lab.status().allUp()).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    /** Connects with the host key checked against the keys read from the host's own /etc/ssh. */
    private static SSHClient connect(LocalLab lab, LabHost host) throws IOException {
        List<PublicKey> expected = new ArrayList<>();
        List<String> types = new ArrayList<>();
        ExecResult pubFiles = lab.exec(host.name(), "cat /etc/ssh/ssh_host_*_key.pub");
        assertThat(pubFiles.exitCode()).isZero();
        for (String line : pubFiles.output().strip().split("\n")) {
            String[] parts = line.split("\\s+");
            try {
                expected.add(new Buffer.PlainBuffer(Base64.getDecoder().decode(parts[1])).readPublicKey());
            } catch (Buffer.BufferException e) {
                throw new IOException(e);
            }
            types.add(parts[0]);
        }
        SSHClient ssh = new SSHClient();
        ssh.addHostKeyVerifier(new HostKeyVerifier() {
            @Override
            public boolean verify(String hostname, int port, PublicKey key) {
                return expected.contains(key);
            }

            @Override
            public List<String> findExistingAlgorithms(String hostname, int port) {
                return types;
            }
        });
        ssh.setConnectTimeout(5000);
        ssh.connect(host.address());
        return ssh;
    }

    private static String run(SSHClient ssh, String command) throws IOException {
        try (Session session = ssh.startSession()) {
            Session.Command cmd = session.exec(command);
            String out = new String(cmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            cmd.join(30, TimeUnit.SECONDS);
            return out;
        }
    }

    private static int httpStatus(String address) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + "/")).timeout(Duration.ofSeconds(5)).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<Long> netnsPids(LabHost host) {
        return SystemCommand.of("ip", "netns", "pids", host.netns()).check().lines()
                .filter(l -> !l.isBlank()).map(l -> Long.parseLong(l.strip())).toList();
    }

    /** Live (non-zombie) processes whose command line mentions {@code text}. */
    private static List<String> processesMentioning(String text) throws IOException {
        List<String> found = new ArrayList<>();
        try (var procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path proc : procs) {
                long pid = Long.parseLong(proc.getFileName().toString());
                try {
                    String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    if (cmdline.contains(text) && RecordedProcess.readStartTime(pid).isPresent()) {
                        found.add(pid + " " + cmdline);
                    }
                } catch (IOException gone) {
                    // ended while we looked
                }
            }
        }
        return found;
    }
}
