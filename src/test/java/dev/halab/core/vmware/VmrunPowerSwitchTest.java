package dev.halab.core.vmware;

import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The vmrun command lines for Workstation and Fusion, where vmrun is found, and the errors a student sees. */
class VmrunPowerSwitchTest {
    private static final String WS = "C:\\Program Files (x86)\\VMware\\VMware Workstation\\vmrun.exe";
    private static final String FUSION = "/Applications/VMware Fusion.app/Contents/Library/vmrun";

    @Test
    void workstationOnWindowsPowersOffHardAndOnWithoutAWindow() {
        Vmrun vmrun = Vmrun.locate("Windows 11", Map.of(), WS::equals);
        assertThat(vmrun).isEqualTo(new Vmrun(WS, VmwareProduct.WORKSTATION));
        VmrunPowerSwitch power = new VmrunPowerSwitch(vmrun, Map.of("nginx1", "D:\\VMs\\nginx 1\\nginx1.vmx"), c -> null);
        assertThat(power.command("nginx1", false)).containsExactly(WS, "-T", "ws", "stop", "D:\\VMs\\nginx 1\\nginx1.vmx", "hard");
        assertThat(power.command("nginx1", true)).containsExactly(WS, "-T", "ws", "start", "D:\\VMs\\nginx 1\\nginx1.vmx", "nogui");
    }

    @Test
    void fusionOnMacOs() {
        Vmrun vmrun = Vmrun.locate("Mac OS X", Map.of(), FUSION::equals);
        assertThat(vmrun).isEqualTo(new Vmrun(FUSION, VmwareProduct.FUSION));
        String vmx = "/Users/li/Virtual Machines.localized/nginx1.vmwarevm/nginx1.vmx";
        VmrunPowerSwitch power = new VmrunPowerSwitch(vmrun, Map.of("nginx1", vmx), c -> null);
        assertThat(power.command("nginx1", false)).containsExactly(FUSION, "-T", "fusion", "stop", vmx, "hard");
        assertThat(power.command("nginx1", true)).containsExactly(FUSION, "-T", "fusion", "start", vmx, "nogui");
    }

    @Test
    void environmentOverridesProgramAndProductAndPathIsTheLastResort() {
        assertThat(Vmrun.locate("Linux", Map.of("HALAB_VMRUN", "/opt/vmware/bin/vmrun", "HALAB_VMRUN_TYPE", "player"), p -> false))
                .isEqualTo(new Vmrun("/opt/vmware/bin/vmrun", VmwareProduct.PLAYER));
        assertThat(Vmrun.locate("Linux", Map.of(), "/usr/bin/vmrun"::equals)).isEqualTo(new Vmrun("/usr/bin/vmrun", VmwareProduct.WORKSTATION));
        assertThat(Vmrun.locate("Windows 10", Map.of(), p -> false)).isEqualTo(new Vmrun("vmrun", VmwareProduct.WORKSTATION));
    }

    @Test
    void powerRunsTheCommandAndReportsVmrunsErrorInBothLanguages(@TempDir Path tmp) throws Exception {
        Path vmx = Files.writeString(tmp.resolve("nginx1.vmx"), "config.version = \"8\"\n");
        List<List<String>> ran = new ArrayList<>();
        VmrunPowerSwitch ok = new VmrunPowerSwitch(new Vmrun("vmrun", VmwareProduct.WORKSTATION), Map.of("nginx1", vmx.toString()),
                command -> {
                    ran.add(command);
                    return new VmrunPowerSwitch.CommandRunner.Result(0, "");
                });
        ok.power("nginx1", false);
        assertThat(ran).containsExactly(List.of("vmrun", "-T", "ws", "stop", vmx.toString(), "hard"));

        VmrunPowerSwitch failing = new VmrunPowerSwitch(new Vmrun("vmrun", VmwareProduct.WORKSTATION), Map.of("nginx1", vmx.toString()),
                command -> new VmrunPowerSwitch.CommandRunner.Result(255, "Error: The virtual machine is not powered on\n"));
        assertThatThrownBy(() -> failing.power("nginx1", false)).isInstanceOfSatisfying(VmwareException.class, e -> {
            assertThat(e.getMessage()).contains("nginx1", "255", "not powered on");
            assertThat(e.text().render(Locale.SIMPLIFIED_CHINESE)).contains("无法关闭");
        });
    }

    @Test
    void aMissingVmxOrHostWithoutOneIsAClearErrorAndNothingRuns(@TempDir Path tmp) {
        List<List<String>> ran = new ArrayList<>();
        VmrunPowerSwitch power = new VmrunPowerSwitch(new Vmrun("vmrun", VmwareProduct.WORKSTATION),
                Map.of("nginx1", tmp.resolve("gone.vmx").toString()), command -> {
                    ran.add(command);
                    return new VmrunPowerSwitch.CommandRunner.Result(0, "");
                });
        assertThatThrownBy(() -> power.power("nginx1", false)).hasMessageContaining("gone.vmx");
        assertThatThrownBy(() -> power.power("nginx2", false)).hasMessageContaining("nginx2 has no VMware .vmx");
        assertThat(ran).isEmpty();
    }

    @Test
    void theSwitchExistsOnlyWhenTheProfileNamesAVmx() throws Exception {
        Topology tutorial = ProfileLoader.load("tutorial");
        assertThat(VmrunPowerSwitch.forTopology(tutorial)).isEmpty();
        assertThat(VmrunPowerSwitch.canPower(tutorial)).isFalse();
        List<Host> hosts = tutorial.hosts().stream()
                .map(h -> h.name().equals("nginx1") ? h.withVmx("D:\\VMs\\nginx1\\nginx1.vmx") : h).toList();
        Topology withVmx = tutorial.withHosts(hosts);
        assertThat(VmrunPowerSwitch.forTopology(withVmx)).isPresent();
        assertThat(VmrunPowerSwitch.canPower(withVmx)).isTrue();
    }

    @Test
    void aProfileNamesTheVmxPerHost(@TempDir Path tmp) throws Exception {
        Path projectDir = Path.of(System.getProperty("halab.projectDir", "."));
        String json = Files.readString(projectDir.resolve("vm-profiles/tutorial.json")).replace(
                "\"nginxHeader\": \"NGINX-1\" }", "\"nginxHeader\": \"NGINX-1\", \"vmx\": \"D:\\\\VMs\\\\nginx1.vmx\" }");
        Path profile = Files.writeString(tmp.resolve("vmware.json"), json);
        Topology topology = ProfileLoader.load(profile);
        assertThat(topology.host("nginx1").vmx()).isEqualTo("D:\\VMs\\nginx1.vmx");
        assertThat(topology.host("nginx2").vmx()).isNull();
    }
}
