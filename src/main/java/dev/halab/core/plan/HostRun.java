package dev.halab.core.plan;

import dev.halab.core.facts.HostFacts;
import dev.halab.core.facts.Manifest;
import dev.halab.core.remote.RemoteShell;
import dev.halab.core.step.Handler;
import dev.halab.core.topology.Host;

import java.util.LinkedHashSet;
import java.util.Set;

/** One host's state during a run; touched only by the worker thread that works on that host. */
final class HostRun {
    final Host host;
    RemoteShell shell;
    HostFacts facts;
    Manifest manifest = Manifest.empty();
    boolean factsStale;
    String failedStep;
    final Set<Handler> pendingHandlers = new LinkedHashSet<>();
    final Set<String> startedServices = new LinkedHashSet<>();

    HostRun(Host host) {
        this.host = host;
    }

    boolean failed() {
        return failedStep != null;
    }

    String name() {
        return host.name();
    }
}
