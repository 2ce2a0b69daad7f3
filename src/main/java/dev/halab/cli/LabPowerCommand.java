package dev.halab.cli;

import dev.halab.lab.LocalLab;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "power", mixinStandardHelpOptions = true)
final class LabPowerCommand implements Callable<Integer> {

    enum State { on, off }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", descriptionKey = "host")
    String host;

    @Parameters(index = "1", paramLabel = "on|off", descriptionKey = "state")
    State state;

    @Override
    public Integer call() {
        return LabCommand.guarded(spec, () -> {
            LocalLab.fromDefaultProfile().power(host, state == State.on);
            spec.commandLine().getOut().println(texts().text(LabCommand.BUNDLE, "cli.power." + state.name(), host));
            return 0;
        });
    }

    private CliText texts() {
        return CliText.of(spec);
    }
}
