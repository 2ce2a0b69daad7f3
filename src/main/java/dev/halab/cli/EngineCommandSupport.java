package dev.halab.cli;

import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Problem;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.TopologyValidator;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** What plan / install / verify / uninstall share: profile, credentials, output, exit codes. */
abstract class EngineCommandSupport implements Callable<Integer> {

    @CommandLine.Mixin
    ProfileOption profile;

    @CommandLine.Mixin
    CredentialsOptions login;

    @Option(names = {"-v", "--verbose"})
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The words of this command line, in its language. */
    CliText texts() {
        return CliText.of(spec);
    }

    /** The valid topology, or empty after printing its problems (exit {@link HalabCommand#EXIT_INVALID}). */
    Optional<Topology> topology() {
        Optional<Topology> topology = profile.load(err());
        if (topology.isEmpty()) {
            return Optional.empty();
        }
        List<Problem> problems = TopologyValidator.validate(topology.get());
        if (TopologyValidator.hasErrors(problems)) {
            ProfileOption.print(problems, err(), texts());
            return Optional.empty();
        }
        return topology;
    }

    Optional<ShellFactory> shells(Topology topology, boolean yes) {
        return login.shells(topology, yes, out(), err());
    }

    CliRunPrinter printer() {
        return new CliRunPrinter(out(), verbose, texts());
    }

    static int exitCode(boolean success) {
        return success ? 0 : HalabCommand.EXIT_FAILED;
    }
}
