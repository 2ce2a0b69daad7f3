package dev.halab.install;

import dev.halab.core.event.RunEvent;
import dev.halab.core.plan.InstallEngine;
import dev.halab.core.plan.RunSummary;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.remote.HostKeyPrompt;
import dev.halab.core.topology.Remedy;
import dev.halab.core.topology.Topology;
import dev.halab.lab.ExecResult;
import dev.halab.lab.LabExtension;
import dev.halab.lab.LocalLab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's VRRP network checks on the local lab: each fails for its reason (multicast dropped on
 * one front end's link, a router speaking the profile's VRID from an extra namespace on the bridge,
 * a cloned host key) and passes otherwise; with multicast dropped, the unicast switch installs a
 * working pair. Every change to the lab is undone in a finally block.
 */
@Tag("lab")
@ExtendWith(LabExtension.class)
class PreflightNetworkIT {
    private static Topology topology;

    @BeforeAll
    static void load() throws Exception {
        topology = ProfileLoader.load("local-lab");
    }

    static InstallEngine engine(LocalLab lab, Path dir) {
        return new InstallEngine(InstallIT.shells(lab, dir.resolve("kh"), HostKeyPrompt.TRUST_NEW));
    }

    static List<RunEvent.CheckFinished> checks(InstallIT.Recorder recorder, String id) {
        return recorder.all(RunEvent.CheckFinished.class).stream().filter(c -> c.checkId().equals(id)).toList();
    }

    static List<String> failed(InstallIT.Recorder recorder, String id) {
        return checks(recorder, id).stream().filter(c -> !c.passed())
                .map(c -> c.host() + ": " + c.detail().render(Locale.ENGLISH)).toList();
    }

    static void root(String... argv) throws Exception {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("%s: %s", String.join(" ", argv), out).isZero();
    }

    static void quietly(String... argv) {
        try {
            new ProcessBuilder(argv).redirectErrorStream(true).start().waitFor();
        } catch (Exception e) {
            // cleanup of something that may not exist
        }
    }

    static String netns(LocalLab lab, String host) {
        return lab.hosts().stream().filter(h -> h.name().equals(host)).findFirst().orElseThrow().netns();
    }

    @Test
    void everyNetworkCheckPassesOnTheHealthyLab(LocalLab lab, @TempDir Path dir) {
        InstallIT.Recorder recorder = new InstallIT.Recorder();
        RunSummary summary = engine(lab, dir).preflight(topology, recorder);
        assertThat(summary.success()).as("pre-flight on the healthy lab").isTrue();
        for (String id : List.of("multicast", "vrid", "clones", "controller", "os")) {
            assertThat(checks(recorder, id)).as(id).isNotEmpty().allMatch(RunEvent.CheckFinished::passed);
        }
        assertThat(checks(recorder, "multicast")).extracting(c -> c.detail().render(Locale.ENGLISH)).contains(
                "VRRP adverts (multicast to 224.0.0.18) from nginx1 reach nginx2 on eth0.",
                "VRRP adverts (multicast to 224.0.0.18) from nginx2 reach nginx1 on eth0.");
    }

    @Test
    void multicastDroppedOnOneFrontEndsLinkFailsWithUnicastOfferedAndUnicastThenInstallsAWorkingPair(LocalLab lab, @TempDir Path dir)
            throws Exception {
        String ns = netns(lab, "nginx2");
        root("ip", "netns", "exec", ns, "nft", "add", "table", "ip", "halabit");
        try {
            root("ip", "netns", "exec", ns, "nft", "add", "chain", "ip", "halabit", "in",
                    "{ type filter hook input priority -5 ; }");
            root("ip", "netns", "exec", ns, "nft", "add", "rule", "ip", "halabit", "in",
                    "ip", "daddr", "224.0.0.18", "ip", "protocol", "112", "drop");
            InstallIT.Recorder recorder = new InstallIT.Recorder();
            assertThat(engine(lab, dir).preflight(topology, recorder).success()).isFalse();
            assertThat(failed(recorder, "multicast")).containsExactly("nginx2: VRRP adverts from nginx1 (IP protocol 112, "
                    + "multicast to 224.0.0.18) do not reach nginx2 on eth0: the network drops multicast, and both front ends "
                    + "would hold the VIP at once. Switch the pair to unicast VRRP (\"Use unicast VRRP\", or \"halab install "
                    + "--unicast\"), or let multicast through (VMware: a NAT or host-only network passes it).");
            assertThat(checks(recorder, "multicast")).filteredOn(c -> c.host().equals("nginx1"))
                    .allMatch(RunEvent.CheckFinished::passed);
            assertThat(recorder.all(RunEvent.RemedyOffered.class)).extracting(RunEvent.RemedyOffered::remedy)
                    .containsExactly(new Remedy.UseUnicast());

            Topology unicast = new Remedy.UseUnicast().apply(topology);
            InstallIT.Recorder install = new InstallIT.Recorder();
            RunSummary summary = engine(lab, dir).install(unicast, install);
            assertThat(summary.success()).as("unicast install with multicast dropped").isTrue();
            assertThat(checks(install, "multicast")).allMatch(RunEvent.CheckFinished::passed);
            assertThat(awaitSingleVipHolder(lab)).contains("nginx1");
        } finally {
            quietly("ip", "netns", "exec", ns, "nft", "delete", "table", "ip", "halabit");
        }
    }

    /** Waits for the pair to settle: the VIP on exactly one front end (both hold it while they cannot hear each other). */
    static Optional<String> awaitSingleVipHolder(LocalLab lab) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String vip = topology.primaryInstance().vip();
        while (Instant.now().isBefore(deadline)) {
            List<String> holders = topology.frontEnds().stream().map(h -> h.name()).filter(h ->
                    lab.exec(h, "ip -o -4 addr show").output().contains(" " + vip + "/")).toList();
            if (holders.size() == 1) {
                return Optional.of(holders.get(0));
            }
            Thread.sleep(500);
        }
        return Optional.empty();
    }

    @Test
    void aRouterSpeakingOurVridOnTheSegmentIsRefusedWithAFreeOne(LocalLab lab, @TempDir Path dir) throws Exception {
        String ns = "halabt-vrrp";
        String port = "hl-vrrpx";
        Process speaker = null;
        try {
            root("ip", "netns", "add", ns);
            root("ip", "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
            root("ip", "link", "set", port, "master", lab.config().bridge(), "up");
            root("ip", "-n", ns, "addr", "add", "192.168.224.201/24", "dev", "eth0");
            root("ip", "-n", ns, "link", "set", "eth0", "up");
            speaker = new ProcessBuilder("ip", "netns", "exec", ns, "python3", "-c", SPEAKER, "eth0", "192.168.224.201", "51")
                    .redirectErrorStream(true).start();
            InstallIT.Recorder recorder = new InstallIT.Recorder();
            assertThat(engine(lab, dir).preflight(topology, recorder).success()).isFalse();
            assertThat(failed(recorder, "vrid")).isNotEmpty().allMatch(f -> f.contains(
                    "hears another router using VRID 51 (192.168.224.201); instance VI_1 uses the same VRID")
                    && f.contains("Use a free VRID such as 52"));
            assertThat(recorder.all(RunEvent.RemedyOffered.class)).extracting(RunEvent.RemedyOffered::remedy)
                    .contains(new Remedy.UseVrid("VI_1", 52));
            assertThat(failed(recorder, "multicast")).isEmpty();
        } finally {
            if (speaker != null) {
                speaker.destroy();
                speaker.waitFor();
            }
            quietly("ip", "link", "del", port);
            quietly("ip", "netns", "del", ns);
        }
    }

    @Test
    void aClonedHostKeyIsNamed(LocalLab lab, @TempDir Path dir) throws Exception {
        ExecResult saved = lab.exec("nginx2", "mkdir -p /root/halabit && cp -a /etc/ssh/ssh_host_ed25519_key.pub /root/halabit/");
        assertThat(saved.succeeded()).as(saved.output()).isTrue();
        try {
            String key = lab.exec("nginx1", "cat /etc/ssh/ssh_host_ed25519_key.pub").output().strip();
            assertThat(lab.exec("nginx2", "printf '%s\\n' '" + key + "' > /etc/ssh/ssh_host_ed25519_key.pub").succeeded()).isTrue();
            InstallIT.Recorder recorder = new InstallIT.Recorder();
            assertThat(engine(lab, dir).preflight(topology, recorder).success()).isFalse();
            assertThat(failed(recorder, "clones")).containsExactly("nginx2: nginx2 has the same SSH host key as nginx1: it "
                    + "looks like a cloned VM, and SSH cannot tell the two apart. Give nginx2 new keys: \"rm /etc/ssh/ssh_host_* "
                    + "&& dpkg-reconfigure openssh-server\", then run pre-flight again (HA Lab asks to trust the new key).");
        } finally {
            lab.exec("nginx2", "cp -a /root/halabit/ssh_host_ed25519_key.pub /etc/ssh/ && rm -rf /root/halabit");
        }
    }

    /** A VRRPv2 router that only advertises: VRID argv[3], priority 100, every 0.5 s, until killed. */
    private static final String SPEAKER = String.join("\n",
            "import socket, struct, sys, time",
            "iface, src, vrid = sys.argv[1], sys.argv[2], int(sys.argv[3])",
            "s = socket.socket(socket.AF_INET, socket.SOCK_RAW, 112)",
            "s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())",
            "s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 255)",
            "s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(src))",
            "body = struct.pack('!BBBBBBH', 0x21, vrid, 100, 1, 0, 1, 0) + socket.inet_aton('192.168.224.250') + bytes(8)",
            "while True:",
            "    s.sendto(body, ('224.0.0.18', 0))",
            "    time.sleep(0.5)");
}
