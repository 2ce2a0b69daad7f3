package dev.halab.cli;

import dev.halab.core.plan.InstallEngine;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Remedy;
import dev.halab.core.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Optional;

/** {@code halab plan --profile P}: dry run; every command and a unified diff of every file that would change. */
@Command(name = "plan", mixinStandardHelpOptions = true)
public final class PlanCommand extends EngineCommandSupport {
    @Option(names = "--unicast", description = "VRRP by unicast between the front ends instead of multicast "
            + "(when pre-flight finds that multicast does not get through).")
    boolean unicast;

    @Override
    public Integer call() {
        Optional<Topology> topology = topology().map(t -> unicast ? new Remedy.UseUnicast().apply(t) : t);
        if (topology.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        Optional<ShellFactory> shells = shells(topology.get(), false);
        if (shells.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        return exitCode(new InstallEngine(shells.get()).plan(topology.get(), printer()).success());
    }
}
