package dev.halab.core.remote;

import dev.halab.core.command.RemoteCommand;

import java.time.Duration;

/**
 * The one way core talks to a host: run a command (streaming its output line by line), upload a
 * file. Every call blocks; callers are worker threads. One instance per host, reused for every
 * command of a run (the SSH connection stays open), closed at the end.
 */
public interface RemoteShell extends AutoCloseable {

    /** The host this shell talks to, as named in the topology. */
    String hostName();

    /**
     * Runs a command and waits for it. Commands marked {@link RemoteCommand#asRoot()} run through
     * sudo when the login user is not root. A non-zero exit code is a result, not an exception.
     */
    CommandResult run(RemoteCommand command, Duration timeout, OutputListener output) throws RemoteException;

    default CommandResult run(RemoteCommand command, Duration timeout) throws RemoteException {
        return run(command, timeout, OutputListener.IGNORE);
    }

    /** Writes a file (as root where needed) with the given octal mode, e.g. {@code 0644}. */
    void upload(byte[] content, String remotePath, int mode) throws RemoteException;

    @Override
    void close();
}
