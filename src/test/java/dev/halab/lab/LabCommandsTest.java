package dev.halab.lab;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabCommandsTest {

    private static final String PROFILE = """
            {"network": {"prefixLength": 24, "interface": "eth0"},
             "hosts": [{"name": "nginx1", "address": "192.168.224.101"},
                       {"name": "tomcat1", "address": "192.168.224.103"}],
             "lab": {"controllerAddress": "192.168.224.1", "bridge": "halab0"}}
            """;
    private final LabConfig config = LabConfig.fromProfileJson(PROFILE, Map.of());
    private final LabHost nginx1 = config.host("nginx1");

    @Test
    void blackholeCoversTheWholeSubnetWithTheLabsMetric() {
        assertThat(LabCommands.addBlackhole(config))
                .containsExactly("ip", "route", "replace", "blackhole", "192.168.224.0/24", "metric", "4000");
        assertThat(LabCommands.deleteBlackhole(config))
                .containsExactly("ip", "route", "del", "blackhole", "192.168.224.0/24", "metric", "4000");
    }

    @Test
    void bridgeGetsTheControllerAddress() {
        assertThat(LabCommands.createBridge(config)).contains(
                List.of("ip", "addr", "add", "192.168.224.1/24", "dev", "halab0"));
    }

    @Test
    void hostNetworkIsAVethIntoItsOwnNamespaceWithoutAnyRoute() {
        List<List<String>> commands = LabCommands.createHostNetwork(config, nginx1);
        assertThat(commands.get(0)).containsExactly("ip", "netns", "add", "halab-nginx1");
        assertThat(commands.get(1)).containsExactly("ip", "link", "add", "hl-nginx1", "type", "veth",
                "peer", "name", "eth0", "netns", "halab-nginx1");
        assertThat(commands).noneMatch(c -> c.contains("route") || c.contains("default"));
    }

    @Test
    void plugInAndUnplugTouchOnlyTheHostsInterface() {
        assertThat(LabCommands.plugIn(config, nginx1)).containsExactly(
                List.of("ip", "-n", "halab-nginx1", "addr", "replace", "192.168.224.101/24", "dev", "eth0"),
                List.of("ip", "-n", "halab-nginx1", "link", "set", "eth0", "up"));
        assertThat(LabCommands.unplug(config, nginx1)).containsExactly(
                List.of("ip", "-n", "halab-nginx1", "link", "set", "eth0", "down"),
                List.of("ip", "-n", "halab-nginx1", "addr", "flush", "dev", "eth0"));
    }

    @Test
    void nspawnBootsWithTheFlagsThatWorkWithoutSystemdAsPid1() {
        List<String> argv = LabCommands.nspawn(nginx1, Path.of("/var/lib/halab/lab/hosts/nginx1/merged"));
        assertThat(argv).startsWith("systemd-nspawn").endsWith("-b")
                .contains("--register=no", "--keep-unit", "--console=pipe",
                        "--network-namespace-path=/run/netns/halab-nginx1", "-M", "nginx1");
    }

    @Test
    void execGoesThroughSshWithTheLabKeyAndOnlyTheLabsKnownHosts() {
        List<String> argv = LabCommands.sshToHost(nginx1, Path.of("/s/id_ed25519"), Path.of("/s/known_hosts"), "echo 'a b'");
        assertThat(argv).startsWith("ssh", "-F", "/dev/null", "-i", "/s/id_ed25519")
                .contains("UserKnownHostsFile=/s/known_hosts", "StrictHostKeyChecking=yes", "BatchMode=yes")
                .endsWith("root@192.168.224.101", "--", "echo 'a b'");
        // Nothing of the host's is run on this machine: no nsenter, no chroot.
        assertThat(argv).noneMatch(a -> a.contains("nsenter") || a.contains("chroot"));
    }

    @Test
    void overlaysAreNosuidNodevHereAndTheHostBootsWithSetuidInItsOwnMountNamespace() {
        Path merged = Path.of("/var/lib/halab/lab/hosts/nginx1/merged");
        assertThat(LabCommands.mountOverlay(Path.of("/r"), Path.of("/u"), Path.of("/w"), merged))
                .contains("nosuid,nodev,lowerdir=/r,upperdir=/u,workdir=/w");
        List<String> boot = LabCommands.bootWithSetuidInside(merged, List.of("/usr/bin/systemd-nspawn", "-b"));
        assertThat(boot).startsWith("unshare", "--mount", "--propagation", "private", "sh", "-c")
                .contains(merged.toString()).endsWith("/usr/bin/systemd-nspawn", "-b");
        assertThat(boot.get(6)).contains("remount,bind,suid,nodev");
    }

    @Test
    void aptSourceIsTheTrustedFlatRepoOnTheController() {
        assertThat(LabCommands.aptSource(config, "bullseye"))
                .isEqualTo("deb [trusted=yes] http://192.168.224.1:8624/bullseye/ ./\n");
    }

    @Test
    void configDefaultsAndEnvironmentOverrides() {
        assertThat(config.subnet()).isEqualTo("192.168.224.0/24");
        assertThat(config.stateDir()).isEqualTo(LabConfig.DEFAULT_STATE_DIR);
        LabConfig custom = LabConfig.fromProfileJson(PROFILE, Map.of("HALAB_LAB_STATE_DIR", "/tmp/x"));
        assertThat(custom.stateDir()).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void theFirewallLetsOnlyRootReachTheSubnetAndRoutesNothingInOrOut() {
        String rules = LabCommands.firewallRules(config);
        assertThat(rules).startsWith("table inet halab_lab_halab0 {")
                .contains("hook output", "ip daddr 192.168.224.0/24 meta skuid != 0", "reject")
                .contains("hook forward", "ip daddr 192.168.224.0/24 iifname != \"halab0\" counter drop",
                        "ip saddr 192.168.224.0/24 oifname != \"halab0\" counter drop");
        assertThat(LabCommands.createBridge(config)).contains(
                List.of("ip", "link", "set", "dev", "halab0", "alias", "halab-lab " + config.stateDir()));
    }

    @Test
    void aLabErrorIsDataRenderedInTheLanguageShown() {
        String unknown = PROFILE.replace("\"bridge\": \"halab0\"", "\"bridge\": \"halab0\", \"suite\": \"sid\"");
        LabException e = org.assertj.core.api.Assertions.catchThrowableOfType(LabException.class,
                () -> LabConfig.fromProfileJson(unknown, Map.of()));
        assertThat(e.text().key()).isEqualTo("profile.suite");
        assertThat(e.text().render(java.util.Locale.ENGLISH)).contains("sid").contains("bullseye, bookworm, trixie");
        assertThat(e.text().render(dev.halab.core.i18n.Bundles.CHINESE)).contains("Debian 版本“sid”未知");
        assertThat(e.getMessage()).as("logs get English").isEqualTo(e.text().render(java.util.Locale.ENGLISH));
    }

    @Test
    void suitesComeFromTheLabSectionPerLabAndPerHost() {
        assertThat(config.suites()).containsExactly("bookworm");
        String mixed = PROFILE.replace("\"bridge\": \"halab0\"",
                "\"bridge\": \"halab0\", \"suite\": \"trixie\", \"hostSuites\": {\"nginx1\": \"bullseye\"}");
        LabConfig lab = LabConfig.fromProfileJson(mixed, Map.of());
        assertThat(lab.suiteOf(lab.host("nginx1"))).isEqualTo("bullseye");
        assertThat(lab.suiteOf(lab.host("tomcat1"))).isEqualTo("trixie");
        assertThat(lab.suites()).containsExactly("bullseye", "trixie");
        assertThatThrownBy(() -> LabConfig.fromProfileJson(mixed.replace("\"trixie\"", "\"sid\""), Map.of()))
                .isInstanceOf(LabException.class).hasMessageContaining("sid").hasMessageContaining("bullseye, bookworm, trixie");
        assertThatThrownBy(() -> LabConfig.fromProfileJson(mixed.replace("{\"nginx1\"", "{\"nginx9\""), Map.of()))
                .isInstanceOf(LabException.class).hasMessageContaining("nginx9");
    }

    @Test
    void theShippedReleaseProfilesBootTheirReleases() {
        assertThat(LabConfig.load("local-lab").suites()).containsExactly("bookworm");
        assertThat(LabConfig.load("local-lab-bullseye").suites()).containsExactly("bullseye");
        assertThat(LabConfig.load("local-lab-trixie").suites()).containsExactly("trixie");
        LabConfig mixed = LabConfig.load("local-lab-mixed");
        assertThat(mixed.suiteOf(mixed.host("nginx1"))).isEqualTo("bullseye");
        assertThat(mixed.suiteOf(mixed.host("nginx2"))).isEqualTo("trixie");
    }

    @Test
    void addressesWithALeadingZeroAreRefusedWithTheReason() {
        String bad = PROFILE.replace("192.168.224.103", "192.168.224.010");
        assertThatThrownBy(() -> LabConfig.fromProfileJson(bad, Map.of()))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("hosts[1].address").hasMessageContaining("192.168.224.010")
                .hasMessageContaining("leading zero");
        String badController = PROFILE.replace("192.168.224.1\"", "192.168.224.01\"");
        assertThatThrownBy(() -> LabConfig.fromProfileJson(badController, Map.of()))
                .hasMessageContaining("lab.controllerAddress").hasMessageContaining("leading zero");
    }

    @Test
    void aPrefixShorterThanSlash24IsRefused() {
        String wide = PROFILE.replace("\"prefixLength\": 24", "\"prefixLength\": 16");
        assertThatThrownBy(() -> LabConfig.fromProfileJson(wide, Map.of()))
                .isInstanceOf(LabException.class).hasMessageContaining("16").hasMessageContaining("/24");
        assertThat(LabConfig.fromProfileJson(PROFILE.replace("\"prefixLength\": 24", "\"prefixLength\": 25"), Map.of())
                .subnet()).isEqualTo("192.168.224.0/25");
    }

    @Test
    void missingFieldsAndBadJsonAreNamed() {
        assertThatThrownBy(() -> LabConfig.fromProfileJson("{\"hosts\": []", Map.of()))
                .isInstanceOf(LabException.class).hasMessageContaining("JSON");
        assertThatThrownBy(() -> LabConfig.fromProfileJson(PROFILE.replace("\"lab\":", "\"labx\":"), Map.of()))
                .isInstanceOf(LabException.class).hasMessageContaining("\"lab\"");
    }

    @Test
    void theProfileIsFoundLikeEveryOtherResourceNeverInTheCurrentFolder(@org.junit.jupiter.api.io.TempDir Path home)
            throws Exception {
        java.nio.file.Files.createDirectories(home.resolve("vm-profiles"));
        java.nio.file.Files.writeString(home.resolve("vm-profiles/local-lab.json"), PROFILE.replace("halab0", "halabhome0"));
        String before = System.getProperty("halab.home");
        System.setProperty("halab.home", home.toString());
        try {
            assertThat(LabConfig.load().bridge()).isEqualTo("halabhome0");
        } finally {
            if (before == null) {
                System.clearProperty("halab.home");
            } else {
                System.setProperty("halab.home", before);
            }
        }
    }

    @Test
    void hostsOutsideTheControllersSubnetAreRejected() {
        String bad = PROFILE.replace("192.168.224.103", "10.0.0.3");
        assertThatThrownBy(() -> LabConfig.fromProfileJson(bad, Map.of()))
                .hasMessageContaining("tomcat1").hasMessageContaining("192.168.224.0/24");
        assertThatThrownBy(() -> LabConfig.fromProfileJson(bad, Map.of()))
                .isInstanceOf(LabException.class).hasMessageContaining("10.0.0.3");
    }

    @Test
    void theShippedLocalLabProfileHasTheTutorialsAddresses() throws Exception {
        LabConfig shipped = LabConfig.load(Path.of(System.getProperty("halab.projectDir", "."), "vm-profiles", "local-lab.json"));
        assertThat(shipped.hosts()).extracting(LabHost::name).containsExactly("nginx1", "nginx2", "tomcat1", "tomcat2");
        assertThat(shipped.hosts()).extracting(LabHost::address)
                .containsExactly("192.168.224.101", "192.168.224.102", "192.168.224.103", "192.168.224.104");
        assertThat(shipped.bridge()).isEqualTo("halab0");
    }
}
