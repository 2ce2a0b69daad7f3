package dev.halab.cli;

import dev.halab.lab.LabConfig;
import dev.halab.lab.LabProgress;
import dev.halab.lab.LocalLab;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Build (first time) and boot the lab; harmless if it is already up.")
final class LabUpCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--fresh", description = "Discard the hosts' disks: hosts as after first boot, no packages installed.")
    boolean fresh;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Lab profile: local-lab (default; Debian 12 hosts), local-lab-bullseye, local-lab-trixie, "
                    + "local-lab-mixed, or the path of a lab profile file.")
    String profile = "local-lab";

    @Option(names = {"-v", "--verbose"}, description = "Show the output of debootstrap and apt-get while caches are built.")
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
