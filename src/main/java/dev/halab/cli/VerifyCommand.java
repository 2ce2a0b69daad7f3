package dev.halab.cli;

import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Topology;
import dev.halab.core.verify.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Optional;

/** {@code halab verify --profile P}: the tutorial's check, automated. */
@Command(name = "verify", mixinStandardHelpOptions = true)
public final class VerifyCommand extends EngineCommandSupport {
    @Option(names = {"-n", "--requests"}, defaultValue = "10")
    int requests;

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
        return exitCode(new Verifier(shells.get(), Math.max(2, requests)).verify(topology.get(), printer()).passed());
    }
}
