package dev.halab.fakehost;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.OutputListener;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.remote.RemoteShell;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Host;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Wraps real shells and writes down every exchange, to make a {@link Transcript}. A failure can be
 * injected: a command of one host matching a predicate is not sent, and answers the given result
 * instead (recorded like any other answer), e.g. {@code nginx -t} refusing the configuration.
 */
public final class RecordingShells implements ShellFactory {
    private final ShellFactory real;
    private final Map<String, List<Exchange>> byHost = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Injection> injections = new ArrayList<>();

    private record Injection(String host, Predicate<String> command, CommandResult result) {
    }

    public RecordingShells(ShellFactory real) {
        this.real = real;
    }

    /** On {@code host}, a command whose transcript key matches answers {@code result} without being run. */
    public RecordingShells inject(String host, Predicate<String> command, CommandResult result) {
        injections.add(new Injection(host, command, result));
        return this;
    }

    public Transcript transcript(List<String> hostOrder) {
        Map<String, List<Exchange>> ordered = new LinkedHashMap<>();
        for (String host : hostOrder) {
            if (byHost.containsKey(host)) {
                ordered.put(host, byHost.get(host));
            }
        }
        return new Transcript(ordered);
    }

    @Override
    public RemoteShell open(Host host) throws RemoteException {
        RemoteShell shell = real.open(host);
        List<Exchange> log = byHost.computeIfAbsent(host.name(), h -> Collections.synchronizedList(new ArrayList<>()));
        return new RemoteShell() {
            @Override
            public String hostName() {
                return shell.hostName();
            }

            @Override
            public CommandResult run(RemoteCommand command, Duration timeout, OutputListener output) throws RemoteException {
                String key = Transcript.key(command);
                CommandResult result = injected(host.name(), key);
                if (result == null) {
                    result = shell.run(command, timeout, output);
                }
                log.add(Exchange.command(host.name(), key, result.exitCode(), result.stdout(), result.stderr()));
                return result;
            }

            @Override
            public void upload(byte[] content, String remotePath, int mode) throws RemoteException {
                shell.upload(content, remotePath, mode);
                log.add(Exchange.upload(host.name(), remotePath, String.format("%04o", mode),
                        Transcript.normalise(new String(content, StandardCharsets.UTF_8))));
            }

            @Override
            public void close() {
                shell.close();
            }
        };
    }

    private CommandResult injected(String host, String key) {
        return injections.stream().filter(i -> i.host().equals(host) && i.command().test(key))
                .map(Injection::result).findFirst().orElse(null);
    }
}
