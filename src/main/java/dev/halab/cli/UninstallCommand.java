package dev.halab.cli;

import dev.halab.core.plan.InstallEngine;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Optional;
import java.util.stream.Collectors;

/** {@code halab uninstall --profile P [--yes]}: restores backups and removes what HA Lab installed, asking first. */
@Command(name = "uninstall", mixinStandardHelpOptions = true)
public final class UninstallCommand extends EngineCommandSupport {
    @Option(names = {"-y", "--yes"})
    boolean yes;

    @Override
    public Integer call() {
        Optional<Topology> topology = topology();
        if (topology.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        if (!yes) {
            String hosts = topology.get().hosts().stream().map(h -> h.name() + " (" + h.address() + ")")
                    .collect(Collectors.joining(", "));
            if (!CredentialsOptions.confirm(texts().text(CredentialsOptions.BUNDLE, "cli.uninstallQuestion", hosts), err(), texts())) {
                out().println(texts().text(CredentialsOptions.BUNDLE, "cli.cancelled"));
                out().flush();
                return HalabCommand.EXIT_INVALID;
            }
        }
        Optional<ShellFactory> shells = shells(topology.get(), yes);
        if (shells.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        return exitCode(new InstallEngine(shells.get()).uninstall(topology.get(), printer()).success());
    }
}
