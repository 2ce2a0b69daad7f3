package dev.halab.cli;

import dev.halab.core.i18n.LocalizedText;
import dev.halab.lab.LabConfig;
import dev.halab.lab.LabProgress;
import dev.halab.lab.LocalLab;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "up", mixinStandardHelpOptions = true)
final class LabUpCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--fresh")
    boolean fresh;

    @Option(names = "--profile", paramLabel = "NAME")
    String profile = "local-lab";

    @Option(names = {"-v", "--verbose"})
    boolean verbose;

    @Override
    public Integer call() {
        return LabCommand.guarded(spec, () -> {
            LabProgress progress = printer(spec.commandLine().getOut(), verbose, CliText.of(spec));
            LabConfig config = profile.endsWith(".json") ? LabConfig.load(java.nio.file.Path.of(profile))
                    : LabConfig.load(profile);
            new LocalLab(config).up(progress, fresh);
            return 0;
        });
    }

    /** Prints each progress step as it comes, in the command line's language; tool output too with {@code verbose}. */
    static LabProgress printer(PrintWriter out, boolean verbose, CliText texts) {
        return new LabProgress() {
            @Override
            public void step(LocalizedText message) {
                out.println(texts.render(message));
                out.flush();
            }

            @Override
            public void detail(String line) {
                if (verbose) {
                    out.println("  " + line);
                    out.flush();
                }
            }
        };
    }
}
