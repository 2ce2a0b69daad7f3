package dev.halab.cli;

import dev.halab.lab.LabConfig;
import dev.halab.lab.LabProgress;
import dev.halab.lab.LocalLab;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
            var out = spec.commandLine().getOut();
            LabProgress progress = new LabProgress() {
                @Override
                public void step(String message) {
                    out.println(message);
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
            LabConfig config = profile.endsWith(".json") ? LabConfig.load(java.nio.file.Path.of(profile))
                    : LabConfig.load(profile);
            new LocalLab(config).up(progress, fresh);
            return 0;
        });
    }
}
