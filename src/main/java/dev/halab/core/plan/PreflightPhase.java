package dev.halab.core.plan;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.event.RunEvent;
import dev.halab.core.facts.HostFacts;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.topology.VrrpInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The pre-flight phase of a run: checks that need the hosts (does an unclaimed VIP answer a
 * ping?), then every named check of {@link Preflight} per host, each reported as a
 * {@link RunEvent.CheckFinished}. A failed check fails its host and stops the run before anything
 * changes. New checks go here: from facts into {@link Preflight#checks}, over the network as a
 * method of this class called from {@link #run} whose result is passed on to it.
 */
final class PreflightPhase {
    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(60);

    private final Run run;

    PreflightPhase(Run run) {
        this.run = run;
    }

    /** True when every check passed on every host. */
    boolean run() {
        Map<String, HostFacts> facts = new LinkedHashMap<>();
        run.hosts.values().forEach(h -> facts.put(h.name(), h.facts));
        Set<String> answering = new HashSet<>();
        for (VrrpInstance instance : run.topology.instances()) {
            if (Preflight.vipUnclaimed(run.topology, facts, instance) && vipAnswers(instance)) {
                answering.add(instance.vip());
            }
        }
        for (HostRun host : run.hosts.values()) {
            report(Preflight.loggedIn(host.host));
        }
        for (Preflight.Check check : Preflight.checks(run.topology, facts, answering)) {
            report(check);
        }
        return !run.anyFailed();
    }

    /** Pinged from the instance's master: an answer means another machine uses the address. */
    private boolean vipAnswers(VrrpInstance instance) {
        HostRun front = run.hosts.get(run.topology.masterOf(instance).name());
        try {
            CommandResult ping = front.shell.run(RemoteCommand.of("ping", "-c", "1", "-W", "1", "-n", instance.vip()), SHORT_TIMEOUT);
            return ping.ok();
        } catch (RemoteException e) {
            run.fail(front, "preflight", e.text());
            return false;
        }
    }

    private void report(Preflight.Check check) {
        run.emit(new RunEvent.CheckFinished(Instant.now(), check.host(), check.id(), check.title(), check.passed(), check.detail()));
        HostRun host = run.hosts.get(check.host());
        if (!check.passed()) {
            run.fail(host, "preflight", check.detail());
        } else if (Preflight.APT.equals(check.id()) && !host.facts.aptBusy().isEmpty()) {
            run.notice(host, check.detail());
        }
    }
}
