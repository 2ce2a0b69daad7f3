package dev.halab.core.failover;

import dev.halab.core.remote.RemoteException;
import dev.halab.core.remote.RemoteShell;
import dev.halab.core.topology.Host;

/**
 * Opens a new SSH connection to a host (host key verified, credentials known to the provider).
 * The monitor opens one per front end for its long-lived stream and separate ones for actions, so
 * a stream never waits behind a command.
 */
@FunctionalInterface
public interface ShellProvider {
    RemoteShell open(Host host) throws RemoteException;
}
