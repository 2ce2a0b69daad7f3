package dev.halab.cli;

import dev.halab.lab.LocalLab;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "down", mixinStandardHelpOptions = true)
final class LabDownCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return LabCommand.guarded(spec, () -> {
            LocalLab.fromDefaultProfile().down();
            spec.commandLine().getOut().println(texts().text(LabCommand.BUNDLE, "cli.down.done"));
            return 0;
        });
    }

    private CliText texts() {
        return CliText.of(spec);
    }
}
