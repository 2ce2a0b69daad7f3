package dev.halab.cli;

import dev.halab.core.plan.InstallEngine;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Topology;
import picocli.CommandLine.Command;

import java.util.Optional;

/** {@code halab plan --profile P}: dry run; every command and a unified diff of every file that would change. */
@Command(name = "plan", mixinStandardHelpOptions = true)
public final class PlanCommand extends EngineCommandSupport {
    @Override
    public Integer call() {
        Optional<Topology> topology = topology();
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
