package dev.halab.core.vmware;

import dev.halab.core.failover.PowerSwitch;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Powers VMware virtual machines off and on through {@code vmrun}, for hosts whose profile entry
 * names their {@code .vmx} file, so "power off the master" works on the student's VMware as it
 * does in the local lab. Power off is {@code stop hard}: pulling the plug, as the demonstration
 * needs, not a clean shutdown. Commands are argument lists (no shell), so paths with spaces work
 * on Windows, macOS and Linux alike.
 */
public final class VmrunPowerSwitch implements PowerSwitch {
    static final String BUNDLE = "vmware";
    private static final long HANG_GUARD_MINUTES = 5;

    private final Vmrun vmrun;
    private final Map<String, String> vmxByHost;
    private final CommandRunner runner;

    /** Runs a command and returns its exit code and output; a test double can record the lines. */
    @FunctionalInterface
    public interface CommandRunner {
        Result run(List<String> command) throws IOException, InterruptedException;

        /** @param output stdout and stderr together */
        record Result(int exitCode, String output) {
        }
    }

    public VmrunPowerSwitch(Vmrun vmrun, Map<String, String> vmxByHost, CommandRunner runner) {
        this.vmrun = vmrun;
        this.vmxByHost = Map.copyOf(vmxByHost);
        this.runner = runner;
    }

    /** The switch for a profile: present when at least one host names its {@code .vmx}. */
    public static Optional<PowerSwitch> forTopology(Topology topology) {
        Map<String, String> vmx = vmxByHost(topology);
        return vmx.isEmpty() ? Optional.empty() : Optional.of(new VmrunPowerSwitch(Vmrun.locate(), vmx, VmrunPowerSwitch::runProcess));
    }

    /** Whether a power action can be offered: the local lab can, VMware hosts can when they name a .vmx. */
    public static boolean canPower(Topology topology) {
        return topology.lab() != null || !vmxByHost(topology).isEmpty();
    }

    /** Whether this one machine can be powered off: in the local lab, or when it names its .vmx. */
    public static boolean canPower(Topology topology, String hostName) {
        return topology.lab() != null || vmxByHost(topology).containsKey(hostName);
    }

    static Map<String, String> vmxByHost(Topology topology) {
        Map<String, String> vmx = new LinkedHashMap<>();
        for (Host host : topology.hosts()) {
            if (host.vmx() != null && !host.vmx().isBlank()) {
                vmx.put(host.name(), host.vmx().trim());
            }
        }
        return vmx;
    }

    /** {@code vmrun -T ws stop "D:\VMs\nginx1\nginx1.vmx" hard} and {@code ... start ... nogui}. */
    public List<String> command(String hostName, boolean on) {
        String vmx = vmxByHost.get(hostName);
        if (vmx == null) {
            throw new VmwareException(LocalizedText.of(BUNDLE, "vmware.noVmx", hostName));
        }
        return on ? List.of(vmrun.executable(), "-T", vmrun.product().hostType(), "start", vmx, "nogui")
                : List.of(vmrun.executable(), "-T", vmrun.product().hostType(), "stop", vmx, "hard");
    }

    @Override
    public void power(String hostName, boolean on) throws VmwareException {
        List<String> command = command(hostName, on);
        Path vmx = Path.of(vmxByHost.get(hostName));
        if (!Files.isRegularFile(vmx)) {
            throw new VmwareException(LocalizedText.of(BUNDLE, "vmware.vmxMissing", hostName, vmx));
        }
        CommandRunner.Result result;
        try {
            result = runner.run(command);
        } catch (IOException e) {
            throw new VmwareException(LocalizedText.of(BUNDLE, "vmware.vmrunMissing", vmrun.executable(), String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VmwareException(LocalizedText.of(BUNDLE, "vmware.interrupted", hostName));
        }
        if (result.exitCode() != 0) {
            throw new VmwareException(LocalizedText.of(BUNDLE, on ? "vmware.startFailed" : "vmware.stopFailed",
                    hostName, result.exitCode(), result.output().strip()));
        }
    }

    private static CommandRunner.Result runProcess(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new CommandRunner.Result(-1, "vmrun did not end within " + HANG_GUARD_MINUTES + " minutes");
        }
        return new CommandRunner.Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
