package dev.halab.lab;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local lab lets no one in: only root on this machine reaches it, and a host's root user (a
 * student, or a broken package) cannot make the lab run or overwrite anything of this machine's.
 */
@Tag("lab")
@ExtendWith(LabExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabSecurityIT {

    @Test
    @Order(1)
    void aLocalUserOtherThanRootCannotOpenATcpConnectionToAnyLabHost(LocalLab lab) throws Exception {
        String user = "halabprobe" + UUID.randomUUID().toString().substring(0, 6);
        SystemCommand.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user).check();
        try {
            for (LabHost host : lab.hosts()) {
                String connect = "import socket; socket.create_connection(('" + host.address() + "', 22), 3).close()";
                // Root reaches the host (the control case) ...
                assertThat(SystemCommand.of("python3", "-c", connect).run().exitCode()).as("root to " + host.name()).isZero();
                // ... the other user does not, to the host's sshd nor to the lab's apt repository.
                ExecResult asUser = SystemCommand.of("runuser", "-u", user, "--", "python3", "-c", connect).run();
                assertThat(asUser.exitCode()).as(asUser.output()).isNotZero();
                assertThat(asUser.output()).containsAnyOf("Connection refused", "not permitted", "unreachable", "No route to host",
                        "Permission denied", "timed out");
            }
            String repo = "import socket; socket.create_connection(('" + lab.controllerAddress() + "', "
                    + lab.config().repoPort() + "), 3).close()";
            assertThat(SystemCommand.of("runuser", "-u", user, "--", "python3", "-c", repo).run().exitCode()).isNotZero();
            // Nor can that user read the lab's state or caches (the password, the hosts' disks).
            ExecResult list = SystemCommand.of("runuser", "-u", user, "--", "ls", lab.config().stateDir().toString()).run();
            assertThat(list.exitCode()).isNotZero();
            ExecResult cache = SystemCommand.of("runuser", "-u", user, "--", "ls",
                    lab.config().cacheDir().toString()).run();
            assertThat(cache.exitCode()).isNotZero();
        } finally {
            SystemCommand.of("userdel", user).run();
        }
    }

    @Test
    @Order(2)
    void stateIsRootOnlyTheDisksAreNosuidNodevAndTheBridgeSpeaksNoIpv6(LocalLab lab) throws Exception {
        assertThat(permissions(lab.config().stateDir())).isEqualTo("rwx------");
        assertThat(permissions(lab.config().stateDir().getParent())).isEqualTo("rwx------");
        assertThat(permissions(lab.config().cacheDir())).isEqualTo("rwx------");
        Path passwordFile = lab.config().stateDir().resolve("root-password");
        assertThat(permissions(passwordFile)).isEqualTo("rw-------");
        String mountinfo = Files.readString(Path.of("/proc/self/mountinfo"));
        for (LabHost host : lab.hosts()) {
            Path merged = lab.config().stateDir().resolve("hosts").resolve(host.name()).resolve("merged");
            assertThat(HostDisks.mountOptions(mountinfo, merged).orElseThrow()).contains("nosuid", "nodev");
            // Inside, the host still has working setuid programs (sudo), as on a VM.
            assertThat(lab.exec(host.name(), "su nobody -s /bin/sh -c 'sudo -n true' 2>&1; "
                    + "mount | grep ' on / '").output()).doesNotContain("nosuid");
        }
        String bridge = lab.config().bridge();
        assertThat(Files.readString(Path.of("/proc/sys/net/ipv6/conf", bridge, "disable_ipv6")).strip()).isEqualTo("1");
        assertThat(Files.readString(Path.of("/proc/sys/net/ipv6/conf", bridge, "accept_ra")).strip()).isEqualTo("0");
        assertThat(SystemCommand.of("ip", "-6", "addr", "show", "dev", bridge).check()).doesNotContain("inet6");
        String rules = SystemCommand.of("nft", "list", "table", "inet", LabCommands.firewallTable(lab.config())).check();
        assertThat(rules).contains("skuid != 0", "hook forward");
    }

    @Test
    @Order(3)
    void aHostileHostIsNeitherRunNorFollowedByDownAndUp(LocalLab lab) throws Exception {
        Path outside = Files.createTempDirectory("halab-hostile-");
        try {
            Files.createDirectories(outside.resolve("ssh"));
            Files.writeString(outside.resolve("ssh/authorized_keys"), "precious key\n");
            Files.writeString(outside.resolve("sources.list"), "precious sources\n");
            Files.writeString(outside.resolve("shadow"), "precious shadow\n");
            Map<String, String> before = snapshot(outside);
            String host = "tomcat1";
            // What a host's root could plant: symlinks to this machine's files where the lab writes,
            // a setuid shell, and its own chpasswd and env that note who runs them and with what powers.
            String spy = "'echo \"$0 $(grep CapBnd /proc/self/status 2>/dev/null || echo no-proc)\" >> /halab-ran.log'";
            ExecResult plant = lab.exec(host, String.join(" && ",
                    "rm -rf /root/.ssh && ln -s " + outside.resolve("ssh") + " /root/.ssh",
                    "ln -sf " + outside.resolve("sources.list") + " /etc/apt/sources.list",
                    "cp /etc/shadow /etc/shadow.real && ln -sf " + outside.resolve("shadow") + " /etc/shadow",
                    "cp /bin/sh /usr/local/bin/halab-suid-sh && chmod 4755 /usr/local/bin/halab-suid-sh",
                    "printf '%s\\n' '#!/bin/sh' " + spy + " 'exit 0' > /usr/sbin/chpasswd",
                    "cp /usr/bin/env /usr/bin/env.real",
                    "printf '%s\\n' '#!/bin/sh' " + spy + " 'exec /usr/bin/env.real \"$@\"' > /usr/bin/env.new",
                    "chmod 755 /usr/sbin/chpasswd /usr/bin/env.new && mv /usr/bin/env.new /usr/bin/env",
                    "rm -f /halab-ran.log"));
            assertThat(plant.exitCode()).as(plant.output()).isZero();

            lab.down();
            lab.up(LabProgress.SILENT);

            assertThat(snapshot(outside)).as("files outside the lab").isEqualTo(before);
            // The host itself may run its env while it boots, with its own reduced powers; the lab never does.
            String controllerCaps = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("CapBnd:")).findFirst().orElseThrow();
            String ran = lab.exec(host, "cat /halab-ran.log 2>/dev/null; true").output();
            assertThat(ran).doesNotContain("no-proc").doesNotContain(controllerCaps.split("\\s+")[1]);
            assertThat(ran).doesNotContain("chpasswd");
            // The lab rewrote what it owns in place of the links, and the host still works.
            assertThat(lab.exec(host, "test -d /root/.ssh && ! test -L /root/.ssh && ! test -L /etc/apt/sources.list"
                    + " && ! test -L /etc/shadow && echo ok").output().strip()).isEqualTo("ok");
            assertThat(lab.status().allUp()).isTrue();
            Path suid = lab.config().stateDir().resolve("hosts").resolve(host).resolve("merged/usr/local/bin/halab-suid-sh");
            assertThat(Files.getPosixFilePermissions(suid)).isNotEmpty();
            assertThat(HostDisks.mountOptions(Files.readString(Path.of("/proc/self/mountinfo")),
                    suid.getParent().getParent().getParent().getParent()).orElseThrow()).contains("nosuid");
        } finally {
            Files2.deleteTree(outside); // the next test brings fresh hosts
        }
    }

    @Test
    @Order(5)
    void upRefusesABridgeOfItsNameThatItDidNotMakeAndChangesNothing(LocalLab lab) throws IOException {
        String foreign = "halabforeign0";
        String profile = """
                {"network": {"prefixLength": 24, "interface": "eth0"},
                 "hosts": [{"name": "probe2", "address": "192.168.231.201"}],
                 "lab": {"controllerAddress": "192.168.231.1", "bridge": "%s"}}
                """.formatted(foreign);
        Path stateDir = Files.createTempDirectory("halab-bridge-test").resolve("lab");
        LocalLab other = new LocalLab(LabConfig.fromProfileJson(profile, Map.of("HALAB_LAB_STATE_DIR", stateDir.toString())));
        SystemCommand.of("ip", "link", "add", foreign, "type", "bridge").check();
        try {
            String routesBefore = SystemCommand.of("ip", "-4", "route", "show", "table", "all").check();
            assertThatThrownBy(() -> other.up(LabProgress.SILENT)).isInstanceOf(LabException.class)
                    .hasMessageContaining(foreign);
            other.down(); // must not delete a bridge it did not make either
            assertThat(Path.of("/sys/class/net", foreign)).exists();
            assertThat(Path.of("/run/netns/halab-probe2")).doesNotExist();
            assertThat(SystemCommand.of("ip", "-4", "route", "show", "table", "all").check()).isEqualTo(routesBefore);
        } finally {
            SystemCommand.of("ip", "link", "delete", foreign).run();
            Files2.deleteTree(stateDir.getParent());
        }
        assertThat(lab.status().allUp()).isTrue();
    }

    @Test
    @Order(4)
    void theBlackholeRouteAndFirewallStayWhileUpRebuilds(LocalLab lab) {
        List<String> missing = new ArrayList<>();
        lab.up(message -> {
            String routes = SystemCommand.of("ip", "-4", "route", "show", "table", "all").check();
            if (!routes.contains("blackhole " + lab.config().subnet())) {
                missing.add("blackhole at: " + message);
            }
            if (!SystemCommand.of("nft", "list", "table", "inet", LabCommands.firewallTable(lab.config())).run().succeeded()) {
                missing.add("firewall at: " + message);
            }
        }, true);
        assertThat(missing).isEmpty();
        assertThat(lab.status().allUp()).isTrue();
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** Every file below {@code dir} (not following links) with its content. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                files.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
            }
        }
        return files;
    }
}
