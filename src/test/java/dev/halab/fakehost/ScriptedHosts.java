package dev.halab.fakehost;

import dev.halab.core.remote.RemoteException;
import dev.halab.core.remote.RemoteShell;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Host;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens {@link ScriptedHost}s from one transcript, one per host and run, and checks afterwards
 * that the run said exactly what was recorded: {@link #problems()} names every unexpected command
 * and every recorded exchange that never happened, and every shell must have been closed.
 */
public final class ScriptedHosts implements ShellFactory {
    private final Transcript transcript;
    private final Map<String, ScriptedHost> opened = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    public ScriptedHosts(Transcript transcript) {
        this.transcript = transcript;
    }

    public static ScriptedHosts replaying(String transcriptName) {
        return new ScriptedHosts(Transcript.load(transcriptName));
    }

    @Override
    public RemoteShell open(Host host) throws RemoteException {
        ScriptedHost shell = new ScriptedHost(host.name(), transcript.exchanges(host.name()), this);
        if (opened.putIfAbsent(host.name(), shell) != null) {
            problem(host.name() + ": opened a second time in one run");
        }
        return shell;
    }

    void problem(String text) {
        problems.add(text);
    }

    /** Everything that differs from the transcript; empty when the run matched it exactly. */
    public List<String> problems() {
        List<String> all = new ArrayList<>(problems);
        for (String host : transcript.byHost().keySet()) {
            ScriptedHost shell = opened.get(host);
            if (shell == null) {
                all.add(host + ": never connected, the transcript expects "
                        + transcript.exchanges(host).get(0).describe());
                continue;
            }
            List<Exchange> left = shell.leftOver();
            if (!left.isEmpty()) {
                all.add(host + ": expected " + left.get(0).describe() + " but the run never sent it"
                        + (left.size() > 1 ? " (nor the " + (left.size() - 1) + " exchanges after it)" : ""));
            }
        }
        opened.forEach((host, shell) -> {
            if (!shell.closed()) {
                all.add(host + ": the shell was never closed");
            }
        });
        return all;
    }
}
