package dev.halab.failover;

import dev.halab.core.event.RunEvent;
import dev.halab.core.failover.ChaosRunner;
import dev.halab.core.failover.FailoverMonitor;
import dev.halab.core.failover.PowerSwitch;
import dev.halab.core.plan.InstallEngine;
import dev.halab.core.plan.RunSummary;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.remote.Credentials;
import dev.halab.core.remote.HostKeyPrompt;
import dev.halab.core.remote.KnownHosts;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.remote.SshConnector;
import dev.halab.core.topology.Topology;
import dev.halab.lab.LocalLab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What failover ITs and the benchmark need from the local lab: SSH shells with the lab's key and
 * host keys (a changed or unknown key is refused), the install engine, the lab's power switch.
 */
final class LabFailover {
    private LabFailover() {
    }

    static ShellFactory shells(LocalLab lab) {
        SshConnector connector = new SshConnector(new KnownHosts(lab.knownHostsFile()), HostKeyPrompt.REFUSE, Duration.ofSeconds(10));
        return ShellFactory.ssh(connector, Credentials.withKey("root", lab.sshPrivateKey()));
    }

    static PowerSwitch power(LocalLab lab) {
        return lab::power;
    }

    static Topology profile(String name) throws Exception {
        return ProfileLoader.load(name);
    }

    /** Installs (or reconfigures) the lab for a profile; fails with the engine's failures. */
    static void install(LocalLab lab, Topology topology) {
        List<String> failures = new ArrayList<>();
        RunSummary summary = new InstallEngine(shells(lab)).install(topology, event -> {
            if (event instanceof RunEvent.StepFailed f) {
                failures.add(f.host() + " " + f.stepId() + ": " + f.why().render(Locale.ENGLISH));
            }
        });
        if (!summary.success()) {
            throw new AssertionError("install of " + topology.name() + " failed: " + failures);
        }
    }

    static FailoverMonitor monitor(LocalLab lab, Topology topology, FailoverMonitor.MonitorSettings settings) {
        FailoverMonitor monitor = new FailoverMonitor(topology, shells(lab), settings);
        // Printed with the hosts' journals if a test fails (see LabExtension).
        monitor.addListener(dev.halab.lab.LabDiagnostics::monitorEvent);
        return monitor;
    }

    static ChaosRunner chaos(LocalLab lab, Topology topology) {
        return new ChaosRunner(topology, shells(lab), power(lab));
    }
}
