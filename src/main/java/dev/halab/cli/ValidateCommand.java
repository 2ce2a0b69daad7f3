package dev.halab.cli;

import dev.halab.core.topology.Problem;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.TopologyValidator;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code halab validate --profile P}: every problem of a profile, one line each; exit 2 on errors. */
@Command(name = "validate", mixinStandardHelpOptions = true)
public final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ProfileOption profile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<Topology> topology = profile.load(spec.commandLine().getErr());
        if (topology.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        List<Problem> problems = TopologyValidator.validate(topology.get());
        ProfileOption.print(problems, out, texts());
        long errors = problems.stream().filter(Problem::isError).count();
        if (errors > 0) {
            return HalabCommand.EXIT_INVALID;
        }
        out.println(texts().text("cli", "validate.ok", profile.value(), problems.size()));
        out.flush();
        return 0;
    }

    private CliText texts() {
        return CliText.of(spec);
    }
}
