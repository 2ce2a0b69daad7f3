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
    void execRunsTheCommandWithShInsideAllOfTheHostsNamespaces() {
        List<String> argv = LabCommands.execInHost(4242, "echo 'a b'");
        assertThat(argv).startsWith("nsenter", "-t", "4242").contains("-m", "-u", "-i", "-n", "-p", "-r", "-w")
                .endsWith("/bin/sh", "-c", "echo 'a b'");
    }

    @Test
    void aptSourceIsTheTrustedFlatRepoOnTheController() {
        assertThat(LabCommands.aptSource(config)).isEqualTo("deb [trusted=yes] http://192.168.224.1:8624/ ./\n");
    }

    @Test
    void configDefaultsAndEnvironmentOverrides() {
        assertThat(config.rootPassword()).isEqualTo("halab");
        assertThat(config.subnet()).isEqualTo("192.168.224.0/24");
        assertThat(config.toString()).doesNotContain("halab\"").doesNotContain("rootPassword");
        LabConfig custom = LabConfig.fromProfileJson(PROFILE, Map.of("HALAB_LAB_PASSWORD", "s3cret",
                "HALAB_LAB_STATE_DIR", "/tmp/x"));
        assertThat(custom.rootPassword()).isEqualTo("s3cret");
        assertThat(custom.stateDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(custom.toString()).doesNotContain("s3cret");
    }

    @Test
    void hostsOutsideTheControllersSubnetAreRejected() {
        String bad = PROFILE.replace("192.168.224.103", "10.0.0.3");
        assertThatThrownBy(() -> LabConfig.fromProfileJson(bad, Map.of()))
                .hasMessageContaining("tomcat1").hasMessageContaining("192.168.224.0/24");
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
