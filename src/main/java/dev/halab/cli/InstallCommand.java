package dev.halab.cli;

import dev.halab.core.plan.InstallEngine;
import dev.halab.core.plan.RunSummary;
import dev.halab.core.report.SessionLog;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Remedy;
import dev.halab.core.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Optional;

/** {@code halab install --profile P [--yes]}: pre-flight on all hosts, then only the steps still needed. */
@Command(name = "install", mixinStandardHelpOptions = true)
public final class InstallCommand extends EngineCommandSupport {
    @Option(names = {"-y", "--yes"})
    boolean yes;

    @Option(names = "--unicast", description = "VRRP by unicast between the front ends instead of multicast "
            + "(when pre-flight finds that multicast does not get through).")
    boolean unicast;

    @Override
    public Integer call() {
        Optional<Topology> topology = topology().map(t -> unicast ? new Remedy.UseUnicast().apply(t) : t);
        if (topology.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        Optional<ShellFactory> shells = shells(topology.get(), yes);
        if (shells.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        RunSummary summary = new InstallEngine(shells.get()).install(topology.get(), printer());
        SessionLog.install(profile.value(), summary);
        return exitCode(summary.success());
    }
}
