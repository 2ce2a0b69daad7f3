package dev.halab.gui.service;

import dev.halab.core.event.RunListener;
import dev.halab.core.failover.ChaosAction;
import dev.halab.core.failover.ChaosResult;
import dev.halab.core.failover.ChaosRunner;
import dev.halab.core.failover.ClusterState;
import dev.halab.core.failover.FailoverSession;
import dev.halab.core.failover.FailoverException;
import dev.halab.core.failover.FailoverMonitor;
import dev.halab.core.failover.MonitorEvent;
import dev.halab.core.failover.PowerSwitch;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.plan.InstallEngine;
import dev.halab.core.remote.HostKeyPrompt;
import dev.halab.core.remote.KnownHosts;
import dev.halab.core.remote.LoginPolicy;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.remote.ConnectionTest;
import dev.halab.core.remote.SshConnector;
import dev.halab.core.remote.SshTarget;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.verify.Verifier;
import dev.halab.core.vmware.VmrunPowerSwitch;
import dev.halab.core.resources.LocalLabAvailability;
import dev.halab.gui.common.CancelToken;
import dev.halab.gui.common.Texts;
import dev.halab.lab.LabException;
import dev.halab.lab.LabLogins;
import dev.halab.lab.LocalLab;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Wires the GUI's ports to the core engine: {@link InstallEngine} and {@link Verifier} for runs,
 * {@link SshConnector} for the connection test (trust on first use through the GUI's dialog),
 * {@link FailoverMonitor} + {@link ChaosRunner} for the dashboard, {@link LocalLab} for the
 * no-VM start. Each adapter only translates: requests in, core exceptions out as messages.
 */
public final class CoreServices {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration NET_CUT = Duration.ofSeconds(10);

    private final HostKeyPrompt prompt;

    private CoreServices(HostKeyPrompt prompt) {
        this.prompt = prompt;
    }

    static Services create(HostKeyPrompt prompt) {
        CoreServices core = new CoreServices(prompt);
        return new Services(core.new Install(), core::testConnection, core.new Monitor(), new Lab());
    }

    // ---- login

    /** The shared login rule; a login that cannot be decided is an error before any connection. */
    static dev.halab.core.remote.Credentials coreCredentials(Topology topology, Credentials credentials)
            throws LoginPolicy.LoginException {
        List<Path> keys = credentials.keyFile() == null ? List.of() : List.of(credentials.keyFile());
        return LoginPolicy.credentials(topology, new LoginPolicy.Given(credentials.user(), keys, credentials.password(),
                credentials.sudoPassword()), LabLogins.DEFAULT, LoginPolicy.userSshDir());
    }

    private ShellFactory shells(RunRequest request) throws ServiceException {
        try {
            KnownHosts knownHosts = LoginPolicy.knownHosts(request.topology(), null, LabLogins.DEFAULT);
            SshConnector connector = new SshConnector(knownHosts, prompt, CONNECT_TIMEOUT);
            return ShellFactory.ssh(connector, coreCredentials(request.topology(), request.credentials()));
        } catch (LoginPolicy.LoginException e) {
            throw new ServiceException(e.text(), e);
        }
    }

    static Optional<LocalLab> localLab(Topology topology) {
        if (topology == null || topology.lab() == null) {
            return Optional.empty();
        }
        return Optional.of(LocalLab.fromDefaultProfile());
    }

    // ---- connection test

    private ConnectionCheck testConnection(Topology topology, Host host, Credentials credentials, HostKeyPrompt dialog) {
        KnownHosts knownHosts;
        dev.halab.core.remote.Credentials login;
        try {
            knownHosts = LoginPolicy.knownHosts(topology, null, LabLogins.DEFAULT);
            login = coreCredentials(topology, credentials);
        } catch (LoginPolicy.LoginException e) {
            return new ConnectionCheck(false, null, e.text(), null);
        }
        SshConnector connector = new SshConnector(knownHosts, dialog, CONNECT_TIMEOUT);
        ConnectionTest.Outcome outcome = ConnectionTest.run(connector, knownHosts, SshTarget.of(host.name(), host.address()),
                login, host.address());
        String fingerprint = outcome.preferredFingerprint().map(Object::toString).orElse(null);
        LocalizedText message = outcome.failure().orElseGet(() -> Texts.of("connection.ok", login.user(), host.address()));
        return new ConnectionCheck(outcome.connected(), fingerprint, message, outcome.interfaceName().orElse(null));
    }

    // ---- install

    private final class Install implements InstallService {
        @Override
        public void preflight(RunRequest request, RunListener listener, CancelToken cancel) throws ServiceException {
            ShellFactory shells = shells(request);
            cancellable(cancel, () -> new InstallEngine(shells).preflight(request.topology(), listener));
        }

        @Override
        public void plan(RunRequest request, RunListener listener, CancelToken cancel) throws ServiceException {
            ShellFactory shells = shells(request);
            cancellable(cancel, () -> new InstallEngine(shells).plan(request.topology(), listener));
        }

        @Override
        public void install(RunRequest request, RunListener listener, CancelToken cancel) throws ServiceException {
            ShellFactory shells = shells(request);
            cancellable(cancel, () -> new InstallEngine(shells).install(request.topology(), listener));
        }

        @Override
        public void verify(RunRequest request, RunListener listener, CancelToken cancel) throws ServiceException {
            ShellFactory shells = shells(request);
            cancellable(cancel, () -> new Verifier(shells, Verifier.DEFAULT_REQUESTS).verify(request.topology(), listener));
        }

        /** The engine stops when its thread is interrupted; the flag is cleared after, for the pool. */
        private void cancellable(CancelToken cancel, Runnable run) {
            Thread worker = Thread.currentThread();
            cancel.whenCancelled(worker::interrupt);
            try {
                run.run();
            } finally {
                cancel.clear();
                Thread.interrupted();
            }
        }
    }

    // ---- monitor

    private final class Monitor implements MonitorService {
        @Override
        public MonitorSession open(RunRequest request, Consumer<MonitorUpdate> updates) throws ServiceException {
            Topology topology = request.topology();
            ShellFactory shells = shells(request);
            PowerSwitch power = localLab(topology).<PowerSwitch>map(lab -> lab::power)
                    .or(() -> VmrunPowerSwitch.forTopology(topology)).orElse(null);
            FailoverMonitor monitor = new FailoverMonitor(topology, shells, FailoverMonitor.MonitorSettings.defaults());
            ChaosRunner chaos = new ChaosRunner(topology, shells, power);
            FailoverSession session = new FailoverSession(monitor, chaos);
            MonitorSession adapter = CoreExerciseRun.withExercises(adapt(session, updates), topology, shells, monitor, chaos);
            try {
                session.estimateClocks(shells);
                monitor.start();
            } catch (RuntimeException e) {
                monitor.close();
                throw new ServiceException(Texts.of("error.unexpected", String.valueOf(e)), e);
            }
            return adapter;
        }
    }

    /**
     * The dashboard's view of a core failover session: monitor events become {@link MonitorUpdate}s,
     * chaos and restore go through the session (the same one the CLI uses).
     */
    public static MonitorService.MonitorSession adapt(FailoverSession session, Consumer<MonitorUpdate> updates) {
        FailoverMonitor monitor = session.monitor();
        Topology topology = monitor.topology();
        monitor.addListener(event -> toUpdates(monitor, event).forEach(updates));
        return new MonitorService.MonitorSession() {
            @Override
            public ChaosResult chaos(String node, ChaosAction method) throws ServiceException {
                try {
                    return session.fail(node, method, NET_CUT).result();
                } catch (FailoverException e) {
                    throw new ServiceException(e.text(), e);
                }
            }

            @Override
            public void restore(String host) throws ServiceException {
                try {
                    session.restore(topology.host(host));
                } catch (FailoverException e) {
                    throw new ServiceException(e.text(), e);
                }
            }

            @Override
            public void close() {
                monitor.close();
            }
        };
    }

    /**
     * Maps a core monitor event to what the dashboard shows; VIP and state events also say who
     * holds the VIP and which node "master" means now (both by the core's rules).
     */
    static List<MonitorUpdate> toUpdates(FailoverMonitor monitor, MonitorEvent event) {
        List<MonitorUpdate> updates = new ArrayList<>();
        if (event instanceof MonitorEvent.VrrpStateChanged e) {
            updates.add(new MonitorUpdate.VrrpState(e.receivedAt(), e.host(), e.instance(), e.state().name()));
            updates.add(roles(monitor, e.receivedAt()));
        } else if (event instanceof MonitorEvent.VipAdded e) {
            updates.add(holder(monitor, e.receivedAt(), e.vip(), e.host()));
            updates.add(roles(monitor, e.receivedAt()));
        } else if (event instanceof MonitorEvent.VipRemoved e) {
            updates.add(holder(monitor, e.receivedAt(), e.vip(), null));
            updates.add(roles(monitor, e.receivedAt()));
        } else if (event instanceof MonitorEvent.ProbeResult e) {
            updates.add(new MonitorUpdate.Probe(e.receivedAt(), e.ok(), e.servedBy(), e.upstream(), e.latency(), e.failure(), e.vip()));
        } else if (event instanceof MonitorEvent.ServiceHealth e) {
            updates.add(new MonitorUpdate.Health(e.receivedAt(), e.host(), e.service().name().toLowerCase(Locale.ROOT), e.up()));
        } else if (event instanceof MonitorEvent.NodeReachability e) {
            updates.add(new MonitorUpdate.Health(e.receivedAt(), e.host(), "host", e.reachable()));
        } else if (event instanceof MonitorEvent.AlertRaised e) {
            updates.add(new MonitorUpdate.Alert(e.receivedAt(), e.alert().id(), e.alert().title(), e.alert().hint(), true));
        } else if (event instanceof MonitorEvent.AlertCleared e) {
            updates.add(new MonitorUpdate.Alert(e.receivedAt(), e.alert().id(), e.alert().title(), e.alert().hint(), false));
        } else if (event instanceof MonitorEvent.OutageMeasured e) {
            updates.add(new MonitorUpdate.FailoverMeasured(e.receivedAt(), e.vip(), e.host(), e.outage()));
        }
        return updates;
    }

    private static MonitorUpdate roles(FailoverMonitor monitor, Instant at) {
        ClusterState state = monitor.state();
        try {
            return new MonitorUpdate.Roles(at, FailoverSession.resolve(monitor.topology(), "master", state).name(),
                    FailoverSession.resolve(monitor.topology(), "backup", state).name());
        } catch (FailoverException e) {
            throw new IllegalStateException("master and backup always resolve", e);
        }
    }

    private static MonitorUpdate holder(FailoverMonitor monitor, Instant at, String vip, String fallback) {
        List<String> holders = monitor.state().holders(vip);
        // two holders = split brain (an alert says so); the badge then stays with the first
        return new MonitorUpdate.VipHolder(at, vip, holders.isEmpty() ? fallback : holders.get(0));
    }

    // ---- local lab

    private static final class Lab implements LabService {
        @Override
        public Optional<LocalizedText> unavailableReason() {
            return LocalLabAvailability.reasonUnavailable(); // Linux, root and systemd-nspawn
        }

        @Override
        public Credentials up(Consumer<LocalizedText> progress) throws ServiceException {
            try {
                LocalLab lab = LocalLab.fromDefaultProfile();
                lab.up(progress::accept);
                return new Credentials("root", lab.sshPrivateKey(), null, null);
            } catch (LabException e) {
                throw new ServiceException(Texts.of("lab.failed", e.text()), e);
            }
        }
    }
}
