package dev.halab.cli;

import dev.halab.lab.LabException;
import dev.halab.lab.LocalLab;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * {@code halab lab up|down|status|power HOST off|on|ssh HOST [CMD]}: the local lab of four real
 * hosts on this machine (needs root). A thin front end over {@link LocalLab}.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        subcommands = {LabUpCommand.class, LabDownCommand.class, LabStatusCommand.class,
                LabPowerCommand.class, LabSshCommand.class})
public final class LabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final String BUNDLE = "lab";

    /**
     * Runs a lab action; a {@link LabException} is the user's problem to fix (not root, subnet in
     * use, ...) and is printed as its message, without a stack trace.
     */
    static int guarded(CommandLine.Model.CommandSpec spec, Callable<Integer> action) {
        try {
            return action.call();
        } catch (LabException e) {
            CliText texts = CliText.of(spec);
            spec.commandLine().getErr().println(texts.text(BUNDLE, "cli.error", texts.render(e.text())));
            return HalabCommand.EXIT_FAILED;
        } catch (Exception e) {
            throw new CommandLine.ExecutionException(spec.commandLine(), e.toString(), e);
        }
    }

    /** For testing the lab commands alone: {@code java -cp ... dev.halab.cli.LabCommand up}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new LabCommand()).execute(args));
    }
}
