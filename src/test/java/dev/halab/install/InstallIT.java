package dev.halab.install;

import dev.halab.core.command.Secret;
import dev.halab.core.event.RunEvent;
import dev.halab.core.event.RunListener;
import dev.halab.core.plan.InstallEngine;
import dev.halab.core.plan.RunSummary;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.remote.Credentials;
import dev.halab.core.remote.HostKeyFingerprint;
import dev.halab.core.remote.HostKeyPrompt;
import dev.halab.core.remote.KnownHosts;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.remote.SshConnector;
import dev.halab.core.step.Steps;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpSettings;
import dev.halab.core.verify.VerifyReport;
import dev.halab.core.verify.Verifier;
import dev.halab.lab.LabExtension;
import dev.halab.lab.LabProgress;
import dev.halab.lab.LocalLab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's "done when", end to end on the local lab: fresh hosts, install, verify, a second
 * install with zero changes, a plan after editing one setting showing exactly that diff, and an
 * uninstall that leaves the hosts as they were; plus the four ways to fail before any change.
 */
@Tag("lab")
@ExtendWith(LabExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallIT {
    private static Topology topology;

    /** Fresh hosts: the extension resets them at the start of the run; reset again if another test ran first. */
    @BeforeAll
    static void freshHosts(LocalLab lab) throws Exception {
        topology = ProfileLoader.load("local-lab");
        if (!Boolean.getBoolean("halab.it.hostsFresh")) {
            lab.reset(LabProgress.SILENT);
        }
    }

    /**
     * Everything an install could change on a host: packages, users, groups and the files it
     * touches. Read over SSH with a trust store of its own (the lab's key, root).
     */
    static Map<String, String> snapshot(LocalLab lab) throws Exception {
        Map<String, String> state = new LinkedHashMap<>();
        Path store = Files.createTempFile("halab-it-kh", "");
        ShellFactory reader = shells(lab, store, HostKeyPrompt.TRUST_NEW);
        for (Host host : topology.hosts()) {
            List<String> paths = new ArrayList<>(Steps.probedPaths(host));
            paths.addAll(List.of("/etc/passwd", "/etc/group", "/etc/shadow", "/var/lib/halab/manifest.json", "/var/backups/halab"));
            String files = paths.stream().map(p -> "'" + p + "'").collect(Collectors.joining(" "));
            var result = run(reader, host, "dpkg-query -W -f='${db:Status-Status} ${Package} ${Version}\\n' | grep -v '^not-installed' | sort; "
                    + "for f in " + files + "; do if [ -f \"$f\" ]; then sha256sum \"$f\"; elif [ -e \"$f\" ] || [ -L \"$f\" ]; "
                    + "then echo \"present $f\"; else echo \"absent $f\"; fi; done; ls -A /etc/nginx/sites-enabled 2>/dev/null; true");
            state.put(host.name(), result);
        }
        Files.deleteIfExists(store);
        return state;
    }

    static String run(ShellFactory shells, Host host, String script) throws Exception {
        try (var shell = shells.open(host)) {
            var result = shell.run(dev.halab.core.command.RemoteCommand.shell(script), Duration.ofSeconds(30));
            assertThat(result.ok()).as(result.stderr()).isTrue();
            return result.stdout();
        }
    }

    static ShellFactory shells(LocalLab lab, Path knownHosts, HostKeyPrompt prompt) {
        return ShellFactory.ssh(new SshConnector(new KnownHosts(knownHosts), prompt, Duration.ofSeconds(5)),
                Credentials.withKey("root", lab.sshPrivateKey()));
    }

    /** Collects events and prints them, so a failing run shows what happened. */
    static final class Recorder implements RunListener {
        final List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onEvent(RunEvent event) {
            events.add(event);
            System.out.println("[install-it] " + event);
        }

        <T extends RunEvent> List<T> all(Class<T> type) {
            synchronized (events) {
                return events.stream().filter(type::isInstance).map(type::cast).toList();
            }
        }
    }

    static List<String> failureLines(RunSummary summary) {
        return summary.failures().stream().map(f -> f.host() + " " + f.stepId() + ": " + f.why().render(Locale.ENGLISH)).toList();
    }

    @Test
    @Order(1)
    void anUnknownHostKeyIsRefusedUntilTrusted(LocalLab lab, @TempDir Path tmp) throws Exception {
        Map<String, String> before = snapshot(lab);
        RunSummary refused = new InstallEngine(shells(lab, tmp.resolve("kh"), HostKeyPrompt.REFUSE)).install(topology, new Recorder());
        assertThat(refused.success()).isFalse();
        assertThat(refused.failures()).hasSize(4).allSatisfy(f -> {
            assertThat(f.stepId()).isEqualTo("connect");
            assertThat(f.why().render(Locale.ENGLISH)).contains("is not known yet").contains("--trust-new-host-keys");
        });
        assertThat(snapshot(lab)).isEqualTo(before);
        RunSummary trusted = new InstallEngine(shells(lab, tmp.resolve("kh"), HostKeyPrompt.TRUST_NEW)).preflight(topology, new Recorder());
        assertThat(trusted.success()).as(failureLines(trusted).toString()).isTrue();
        assertThat(new KnownHosts(tmp.resolve("kh")).keysFor("192.168.224.101").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(2)
    void aChangedHostKeyIsRefusedWithAnExplanation(LocalLab lab, @TempDir Path tmp) throws Exception {
        Path otherKey = tmp.resolve("other");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString()).start();
        assertThat(keygen.waitFor()).isZero();
        String[] fields = Files.readString(tmp.resolve("other.pub")).trim().split("\\s+");
        KnownHosts store = new KnownHosts(tmp.resolve("kh"));
        store.trust("192.168.224.101", List.of(HostKeyFingerprint.fromBase64(fields[0], fields[1])));
        Map<String, String> before = snapshot(lab);
        RunSummary summary = new InstallEngine(shells(lab, tmp.resolve("kh"), HostKeyPrompt.TRUST_NEW)).install(topology, new Recorder());
        assertThat(summary.success()).isFalse();
        assertThat(failureLines(summary)).singleElement().asString()
                .startsWith("nginx1 connect: The SSH host key of nginx1 (192.168.224.101) has CHANGED")
                .contains("halab forget-host 192.168.224.101");
        assertThat(snapshot(lab)).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aWrongPasswordIsOneClearErrorPerHost(LocalLab lab, @TempDir Path tmp) throws Exception {
        Map<String, String> before = snapshot(lab);
        ShellFactory wrong = ShellFactory.ssh(new SshConnector(new KnownHosts(tmp.resolve("kh")), HostKeyPrompt.TRUST_NEW,
                Duration.ofSeconds(5)), Credentials.withPassword("root", Secret.of("definitely-wrong")));
        RunSummary summary = new InstallEngine(wrong).install(topology, new Recorder());
        assertThat(summary.success()).isFalse();
        assertThat(failureLines(summary)).hasSize(4).allSatisfy(line -> assertThat(line)
                .contains("refused the SSH login of user root").doesNotContain("definitely-wrong"));
        assertThat(snapshot(lab)).isEqualTo(before);
    }

    @Test
    @Order(4)
    void anUnreachableHostStopsTheRunBeforeAnyChange(LocalLab lab, @TempDir Path tmp) throws Exception {
        List<Host> hosts = topology.hosts().stream()
                .map(h -> h.name().equals("tomcat2") ? h.withAddress("192.168.224.199") : h).toList();
        Map<String, String> before = snapshot(lab);
        RunSummary summary = new InstallEngine(shells(lab, tmp.resolve("kh"), HostKeyPrompt.TRUST_NEW))
                .install(topology.withHosts(hosts), new Recorder());
        assertThat(summary.success()).isFalse();
        assertThat(failureLines(summary)).singleElement().asString().startsWith("tomcat2 connect:").contains("192.168.224.199");
        assertThat(snapshot(lab)).isEqualTo(before);
    }

    @Test
    @Order(5)
    void installVerifyRerunPlanAndUninstall(LocalLab lab, @TempDir Path tmp) throws Exception {
        ShellFactory shells = shells(lab, tmp.resolve("kh"), HostKeyPrompt.TRUST_NEW);
        InstallEngine engine = new InstallEngine(shells);
        Map<String, String> before = snapshot(lab);

        RunSummary first = engine.install(topology, new Recorder());
        assertThat(first.success()).as(failureLines(first).toString()).isTrue();
        assertThat(first.changed()).isPositive();

        VerifyReport report = new Verifier(shells, 10).verify(topology, new Recorder());
        assertThat(report.passed()).as(report.checks().toString()).isTrue();
        assertThat(new LinkedHashSet<>(report.tomcatsSeen())).containsExactlyInAnyOrder("192.168.224.103", "192.168.224.104");
        assertThat(report.servedBy()).hasSize(10).containsOnly("NGINX-1");
        assertThat(report.vipHolders()).containsEntry("192.168.224.150", List.of("nginx1"));

        RunSummary second = engine.install(topology, new Recorder());
        assertThat(second.success()).isTrue();
        assertThat(second.changed()).as("a second install changes nothing").isZero();

        VrrpSettings v = topology.vrrp();
        Topology edited = topology.withVrrp(new VrrpSettings(v.version(), v.advertInterval(), v.preempt(), v.unicast(),
                245, v.backupPriority(), v.authentication(), v.checkScript(), v.instances()));
        Map<String, String> installed = snapshot(lab);
        Recorder plan = new Recorder();
        assertThat(engine.plan(edited, plan).success()).isTrue();
        List<RunEvent.FileDiff> diffs = plan.all(RunEvent.FileDiff.class);
        assertThat(diffs).singleElement().satisfies(d -> {
            assertThat(d.host()).isEqualTo("nginx1");
            assertThat(d.path()).isEqualTo("/etc/keepalived/keepalived.conf");
            List<String> changed = d.unifiedDiff().lines()
                    .filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++") && !l.startsWith("---")).toList();
            assertThat(changed).containsExactly("-    priority 250", "+    priority 245");
        });
        assertThat(snapshot(lab)).as("plan changes nothing").isEqualTo(installed);

        Recorder uninstalling = new Recorder();
        RunSummary uninstall = engine.uninstall(topology, uninstalling);
        assertThat(uninstall.success()).as(failureLines(uninstall).toString()).isTrue();
        // apt may upgrade an installed dependency (perl-base on the lab); uninstall keeps it and says so.
        List<String> kept = uninstalling.all(RunEvent.Notice.class).stream().map(n -> n.text().render(Locale.ENGLISH)).toList();
        Map<String, String> after = snapshot(lab);
        for (String host : before.keySet()) {
            List<String> was = before.get(host).lines().toList();
            List<String> now = after.get(host).lines().toList();
            List<String> changedLines = now.stream().filter(l -> !was.contains(l)).toList();
            assertThat(now).as(host).hasSameSizeAs(was);
            for (String line : changedLines) {
                String[] f = line.split(" ");
                assertThat(f[0]).as(host + ": " + line).isEqualTo("installed");
                assertThat(kept).as(host + ": only upgrades that uninstall reported may differ: " + line)
                        .anyMatch(k -> k.contains(f[1] + " ") && k.contains("-> " + f[2]));
            }
        }
    }

    /**
     * A front end with an active nftables firewall (policy drop, SSH and HTTP let in, as a careful
     * admin sets it up): pre-flight says the firewall blocks VRRP now, the install lets VRRP in from
     * the peer only, so exactly one front end holds the VIP, a second install changes nothing, and
     * uninstall takes out exactly HA Lab's rules and leaves the admin's firewall (and nftables) as
     * they were. The lab hosts have no firewall of their own, so the test puts one there and takes
     * it away again for the tests after it.
     */
    @Test
    @Order(6)
    void anActiveFirewallIsOpenedForVrrpAndClosedAgainByUninstall(LocalLab lab, @TempDir Path tmp) throws Exception {
        ShellFactory shells = shells(lab, tmp.resolve("kh"), HostKeyPrompt.TRUST_NEW);
        List<Host> frontEnds = topology.frontEnds();
        Map<String, String> rulesBefore = new LinkedHashMap<>();
        try {
            for (Host host : frontEnds) {
                run(shells, host, "DEBIAN_FRONTEND=noninteractive apt-get -q install -y --no-install-recommends nftables >/dev/null"
                        + " && nft -f - <<'EOF'\n" + ADMIN_FIREWALL + "EOF\n");
                rulesBefore.put(host.name(), run(shells, host, "nft list ruleset"));
            }
            InstallEngine engine = new InstallEngine(shells);
            Recorder installing = new Recorder();
            RunSummary first = engine.install(topology, installing);
            assertThat(first.success()).as(failureLines(first).toString()).isTrue();
            assertThat(installing.all(RunEvent.CheckFinished.class)).as("pre-flight names the closed firewall")
                    .anyMatch(c -> c.detail() != null && c.detail().render(Locale.ENGLISH).contains("firewall (nftables) blocks them"));
            assertThat(installing.all(RunEvent.StepChanged.class).stream().filter(c -> c.stepId().equals("firewall.vrrp"))
                    .map(RunEvent.StepChanged::host)).containsExactlyInAnyOrder("nginx1", "nginx2");
            for (Host host : frontEnds) {
                String peer = frontEnds.stream().filter(h -> !h.equals(host)).findFirst().orElseThrow().address();
                // nft shows the protocol by name where /etc/protocols exists, by number where it does not.
                assertThat(run(shells, host, "nft list chain inet filter input"))
                        .containsPattern("ip saddr " + peer.replace(".", "\\.") + " ip protocol (vrrp|112) accept comment \"halab-vrrp\"");
            }

            // With VRRP dropped, the backup would hear no master and take the VIP too (split brain).
            VerifyReport report = new Verifier(shells, 4).verify(topology, new Recorder());
            assertThat(report.passed()).as(report.checks().toString()).isTrue();
            assertThat(report.vipHolders()).containsEntry("192.168.224.150", List.of("nginx1"));

            RunSummary second = engine.install(topology, new Recorder());
            assertThat(second.success()).as(failureLines(second).toString()).isTrue();
            assertThat(second.changed()).as("the firewall is seen as open for VRRP: nothing to do").isZero();

            RunSummary uninstall = engine.uninstall(topology, new Recorder());
            assertThat(uninstall.success()).as(failureLines(uninstall).toString()).isTrue();
            for (Host host : frontEnds) {
                assertThat(run(shells, host, "nft list ruleset")).as(host.name() + ": the admin's firewall as it was")
                        .isEqualTo(rulesBefore.get(host.name()));
                assertThat(run(shells, host, "dpkg-query -W -f='${db:Status-Status}' nftables").strip())
                        .as(host.name() + ": nftables was the admin's, not HA Lab's").isEqualTo("installed");
            }
        } finally {
            // The tests after this one expect front ends without a firewall.
            for (Host host : frontEnds) {
                run(shells, host, "nft delete table inet filter 2>/dev/null; "
                        + "DEBIAN_FRONTEND=noninteractive apt-get -q purge -y nftables >/dev/null 2>&1; true");
            }
        }
    }

    /** A default-deny input chain as an admin might write it: SSH, HTTP, ping and replies only. */
    private static final String ADMIN_FIREWALL = """
            table inet filter {
                chain input {
                    type filter hook input priority filter; policy drop;
                    iif "lo" accept
                    ct state established,related accept
                    tcp dport { 22, 80 } accept
                    icmp type echo-request accept
                }
            }
            """;
}
