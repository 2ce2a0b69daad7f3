package dev.halab.cli;

import dev.halab.lab.LocalLab;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "power", mixinStandardHelpOptions = true,
        description = "Pull the plug on a host (off: all its processes die, link down, addresses gone) or boot it again (on).")
final class LabPowerCommand implements Callable<Integer> {

    enum State { on, off }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "nginx1, nginx2, tomcat1 or tomcat2")
    String host;

    @Parameters(index = "1", paramLabel = "on|off")
    State state;

    @Override
    public Integer call() {
        return LabCommand.guarded(spec, () -> {
            LocalLab.fromDefaultProfile().power(host, state == State.on);
            spec.commandLine().getOut().println(LabCommand.text("cli.power." + state.name(), host));
            return 0;
        });
    }
}
