package dev.halab.cli;

import dev.halab.lab.LabStatus;
import dev.halab.lab.LocalLab;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true)
final class LabStatusCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return LabCommand.guarded(spec, () -> {
            LabStatus status = LocalLab.fromDefaultProfile().status();
            var out = spec.commandLine().getOut();
            out.println(texts().text(LabCommand.BUNDLE, "cli.status.header"));
            for (LabStatus.HostStatus host : status.hosts()) {
                out.println(texts().text(LabCommand.BUNDLE, "cli.status.row", pad(host.name(), 8), pad(host.state().name(), 7),
                        pad(host.address(), 15), texts().text(LabCommand.BUNDLE, host.sshAnswers() ? "cli.yes" : "cli.no")));
            }
            LocalLab lab = LocalLab.fromDefaultProfile();
            out.println(texts().text(LabCommand.BUNDLE, "cli.status.network", lab.config().bridge(),
                    texts().text(LabCommand.BUNDLE, status.networkUp() ? "cli.up" : "cli.down"),
                    texts().text(LabCommand.BUNDLE, status.repoServing() ? "cli.up" : "cli.down")));
            // Only root can read the password file; anyone else gets no password line.
            lab.rootPassword().ifPresent(password -> out.println(texts().text(LabCommand.BUNDLE, "cli.status.password", password)));
            return status.allUp() ? 0 : 3;
        });
    }

    private static String pad(String text, int width) {
        return String.format("%-" + width + "s", text);
    }

    private CliText texts() {
        return CliText.of(spec);
    }
}
