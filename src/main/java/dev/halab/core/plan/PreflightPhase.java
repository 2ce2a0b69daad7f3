package dev.halab.core.plan;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.facts.HostFacts;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.step.StepTexts;
import dev.halab.core.topology.VrrpInstance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pre-flight phase of a run: checks from facts ({@link Preflight}), then checks that need
 * the hosts (the VIP must not answer a ping when no host holds it). Any finding fails its host
 * and stops the run before anything changes. New checks go here: from facts into
 * {@link Preflight#check}, over the network as a method of this class called from {@link #run}.
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
        for (Preflight.Finding finding : Preflight.check(run.topology, facts)) {
            run.fail(run.hosts.get(finding.host()), "preflight", finding.text());
        }
        for (VrrpInstance instance : run.topology.instances()) {
            if (Preflight.vipUnclaimed(run.topology, facts, instance)) {
                vipMustNotAnswer(instance);
            }
        }
        for (HostRun host : run.hosts.values()) {
            if (!host.facts.aptBusy().isEmpty()) {
                run.notice(host, StepTexts.text("preflight.aptBusy", host.name(), String.join(" ", host.facts.aptBusy())));
            }
        }
        return !run.anyFailed();
    }

    /** Pinged from the instance's master: an answer means another machine uses the address. */
    private void vipMustNotAnswer(VrrpInstance instance) {
        HostRun front = run.hosts.get(run.topology.masterOf(instance).name());
        try {
            CommandResult ping = front.shell.run(RemoteCommand.of("ping", "-c", "1", "-W", "1", "-n", instance.vip()), SHORT_TIMEOUT);
            if (ping.ok()) {
                run.fail(front, "preflight", StepTexts.text("preflight.vipAnswers", instance.vip(), front.name()));
            }
        } catch (RemoteException e) {
            run.fail(front, "preflight", e.text());
        }
    }
}
