package dev.halab.cli;

import dev.halab.core.failover.ChaosResult;
import dev.halab.core.failover.ChaosRunner;
import dev.halab.core.failover.FailoverException;
import dev.halab.core.failover.FailoverSession;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code halab restore --profile P [--node master|backup|HOST]}: undoes every failover action (idempotent). */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Undoes failover actions on one front end or all: powers it on (local lab) if it cannot be reached, "
                + "brings the link up, starts nginx and keepalived where they are not running. Safe to repeat.")
public final class RestoreCommand extends EngineCommandSupport {

    @Option(names = "--node", paramLabel = "master|backup|HOST", description = "Which front end (default: all).")
    String node;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation. New host keys are trusted only with --trust-new-host-keys.")
    boolean yes;

    @Override
    public Integer call() {
        Optional<Topology> loaded = topology();
        if (loaded.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        Topology topology = loaded.get();
        List<Host> targets = new ArrayList<>(topology.frontEnds());
        if (node != null) {
            try {
                // master/backup mean the profile's roles here: no monitor runs to say who holds the VIP now.
                targets = List.of(FailoverSession.resolve(topology, node, null));
            } catch (FailoverException e) {
                err().println(texts().error(e.text()));
                err().flush();
                return HalabCommand.EXIT_INVALID;
            }
        }
        Optional<ShellFactory> shells = shells(topology, yes);
        if (shells.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        ChaosRunner chaos = new ChaosRunner(topology, shells.get(), MonitorCommand.powerSwitch(topology));
        boolean ok = true;
        for (Host host : targets) {
            try {
                ChaosResult result = chaos.restore(host);
                out().println(texts().text(MonitorCommand.BUNDLE, "cli.restore.done", result.description()));
            } catch (FailoverException e) {
                ok = false;
                err().println(texts().error(e.text()));
            }
        }
        out().flush();
        err().flush();
        return ok ? 0 : HalabCommand.EXIT_FAILED;
    }
}
