package dev.halab.core.remote;

import dev.halab.core.topology.Host;

/** Opens a {@link RemoteShell} to a host of the topology; the engine opens one per host and run. */
@FunctionalInterface
public interface ShellFactory {
    RemoteShell open(Host host) throws RemoteException;

    /** Over SSH, with one set of credentials for all hosts. */
    static ShellFactory ssh(SshConnector connector, Credentials credentials) {
        return host -> connector.connect(SshTarget.of(host.name(), host.address()), credentials);
    }
}
