package dev.halab.cli;

import dev.halab.core.remote.KnownHosts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code halab forget-host ADDRESS}: drops the recorded SSH host keys of a re-created machine. */
@Command(name = "forget-host", mixinStandardHelpOptions = true)
public final class ForgetHostCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ADDRESS", descriptionKey = "address")
    String address;

    @Option(names = "--known-hosts", paramLabel = "FILE")
    Path knownHostsFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        KnownHosts store = knownHostsFile != null ? new KnownHosts(knownHostsFile) : KnownHosts.userDefault();
        int removed = store.forget(address);
        spec.commandLine().getOut().println(texts().text(CredentialsOptions.BUNDLE,
                removed > 0 ? "cli.forgotten" : "cli.notKnown", removed, address, store.file()));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private CliText texts() {
        return CliText.of(spec);
    }
}
