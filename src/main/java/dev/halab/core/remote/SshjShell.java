package dev.halab.core.remote;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.command.Secret;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.resources.LineEndings;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link RemoteShell} over one authenticated sshj connection: each command is a new channel on
 * the same connection (no new handshake), stdout and stderr are read line by line as they arrive
 * (through {@link SharedWindowReads}, which keeps sshj's shared window from overrunning a stream).
 * Made by {@link SshConnector}, which also decides the {@link Privilege}.
 */
public final class SshjShell implements RemoteShell {
    private static final String BUNDLE = "install";

    private final SshTarget target;
    private final SSHClient client;
    private final Privilege privilege;
    private final Secret sudoPassword;
    /** Reads stderr while the calling thread reads stdout; daemon threads so a stuck read never blocks exit. */
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "halab-ssh-read");
        thread.setDaemon(true);
        return thread;
    });

    SshjShell(SshTarget target, SSHClient client, Privilege privilege, Secret sudoPassword) {
        this.target = target;
        this.client = client;
        this.privilege = privilege;
        this.sudoPassword = sudoPassword;
    }

    @Override
    public String hostName() {
        return target.name();
    }

    public SshTarget target() {
        return target;
    }

    public Privilege privilege() {
        return privilege;
    }

    @Override
    public CommandResult run(RemoteCommand command, Duration timeout, OutputListener output) throws RemoteException {
        RemoteCommand wire = privilege.wrap(command, sudoPassword);
        byte[] stdin = wire.stdin() == null ? null : wire.stdin().reveal().getBytes(StandardCharsets.UTF_8);
        return execute(wire.renderForExecution(), stdin, timeout, output);
    }

    /**
     * The marker of the first stderr line of every command: the id of the process group it runs
     * in on the host (not shown to anyone; used to end the command on timeout or cancel).
     */
    static final String GROUP_MARKER = "halab-pgid ";

    /**
     * Wraps a command line so that it ends on the host too when it overruns or is cancelled:
     * {@code timeout} (a process group leader) kills the whole group after the budget by itself,
     * and reports its process id first so that a cancel can end the group from here.
     */
    static String bounded(String line, Duration timeout) {
        long seconds = Math.max(1, timeout.toSeconds());
        return "sh -c " + RemoteCommand.quote("echo \"" + GROUP_MARKER + "$$\" >&2; exec timeout -k 5 " + seconds + " sh -c \"$1\"")
                + " halab-run " + RemoteCommand.quote(line);
    }

    /** Runs a command line with raw bytes as stdin (file contents); not through sudo. */
    private CommandResult execute(String line, byte[] stdin, Duration timeout, OutputListener output) throws RemoteException {
        GroupId group = new GroupId();
        try (OrderedSessionChannel session = openSession()) {
            Session.Command command = session.exec(bounded(line, timeout));
            SharedWindowReads reads = new SharedWindowReads(session, client.getTransport().getConfig().getMaxCircularBufferSize(),
                    client.getConnection().getWindowSize());
            Future<String> stderr = readers.submit(() -> readLines(reads.stderr(), OutputListener.Stream.STDERR, output, group));
            Future<String> stdout = readers.submit(() -> readLines(reads.stdout(), OutputListener.Stream.STDOUT, output, null));
            try (OutputStream in = command.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                    in.flush();
                }
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                String out = stdout.get(remaining(deadline), TimeUnit.NANOSECONDS);
                String err = stderr.get(remaining(deadline), TimeUnit.NANOSECONDS);
                command.join(Math.max(1, remaining(deadline)), TimeUnit.NANOSECONDS);
                Integer exit = command.getExitStatus();
                return new CommandResult(exit == null ? -1 : exit, out, err);
            } catch (TimeoutException | InterruptedException e) {
                endGroup(group.value);
                throw e;
            }
        } catch (TimeoutException e) {
            throw new RemoteException(RemoteException.Kind.TIMEOUT,
                    LocalizedText.of(BUNDLE, "remote.timeout", target.name(), target.address(), timeout.toSeconds()), e);
        } catch (ExecutionException e) {
            throw ioFailure(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ioFailure(e);
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    /**
     * A new channel on the connection; a connection that is gone (cut, closed, the host went down)
     * is a clear {@link RemoteException}, not sshj's "Not connected" state error.
     */
    private OrderedSessionChannel openSession() throws RemoteException, IOException {
        try {
            if (client.isConnected() && client.isAuthenticated()) {
                // What client.startSession() does, with the session that orders deliveries and reads.
                OrderedSessionChannel session = new OrderedSessionChannel(client.getConnection(), client.getRemoteCharset());
                session.open();
                return session;
            }
        } catch (IllegalStateException lostMeanwhile) {
            // Dropped between the check and the channel: the same lost connection.
        }
        throw new RemoteException(RemoteException.Kind.IO, LocalizedText.of(BUNDLE, "remote.connectionLost", target.name(), target.address()), null);
    }

    /** The host's process group of a running command, once its first stderr line has told it. */
    private static final class GroupId {
        volatile String value;
    }

    /**
     * Ends a command's process group on the host (TERM, then KILL), over a channel of its own;
     * as root when the command may have become root through sudo. Best effort: the host may be gone.
     */
    private void endGroup(String group) {
        if (group == null || !group.chars().allMatch(Character::isDigit)) {
            return;
        }
        if (!client.isConnected()) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        String script = "kill -TERM -- -" + group + " 2>/dev/null; sleep 1; kill -KILL -- -" + group + " 2>/dev/null; true";
        RemoteCommand kill = privilege.wrap(RemoteCommand.shell(script).asRoot(), sudoPassword);
        byte[] stdin = kill.stdin() == null ? null : kill.stdin().reveal().getBytes(StandardCharsets.UTF_8);
        try (Session session = client.startSession()) {
            Session.Command command = session.exec(kill.renderForExecution());
            try (OutputStream in = command.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            command.join(15, TimeUnit.SECONDS);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(SshjShell.class).warn("could not end process group {} on {}: {}", group,
                    target.name(), e.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /**
     * Streams every line to the listener as it arrives and collects them within a bound (see
     * {@link BoundedOutput}), so that a command flooding its output cannot exhaust this process's memory.
     */
    private String readLines(InputStream stream, OutputListener.Stream kind, OutputListener output, GroupId group)
            throws IOException {
        BoundedOutput all = new BoundedOutput();
        BoundedLineReader reader = new BoundedLineReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        try (stream) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (group != null && group.value == null && line.startsWith(GROUP_MARKER)) {
                    group.value = line.substring(GROUP_MARKER.length()).strip();
                    continue;
                }
                all.add(line);
                output.line(kind, line);
            }
        }
        long charsLeftOut = all.charsLeftOut() + reader.charsLeftOut();
        if (charsLeftOut > 0) {
            org.slf4j.LoggerFactory.getLogger(SshjShell.class).warn("{} of a command on {}: {}", kind, target.name(),
                    BoundedOutput.leftOutLine(all.linesLeftOut(), charsLeftOut));
        }
        return all.text();
    }

    private RemoteException ioFailure(Throwable cause) {
        return new RemoteException(RemoteException.Kind.IO,
                LocalizedText.of(BUNDLE, "remote.io", target.name(), target.address(), String.valueOf(cause.getMessage())), cause);
    }

    /**
     * Writes the file with the given mode. As root: {@code cat >} with the content as stdin. As a
     * sudo user: to a private temporary file first, then {@code install} as root, because the
     * sudo password already occupies sudo's stdin.
     */
    @Override
    public void upload(byte[] content, String remotePath, int mode) throws RemoteException {
        content = LineEndings.toLf(content); // text for a Unix host, even when written on Windows
        String octal = String.format("%04o", mode);
        if (privilege == Privilege.ROOT) {
            String line = RemoteCommand.of("sh", "-c", "mkdir -p \"$(dirname \"$1\")\" && umask 077 && cat > \"$1\" && chmod \"$2\" \"$1\"", "halab-upload",
                    remotePath, octal).renderForExecution();
            CommandResult result = execute(line, content, Duration.ofMinutes(2), OutputListener.IGNORE);
            if (!result.ok()) {
                throw uploadFailed(remotePath, result);
            }
            return;
        }
        String temporary = RemoteCommand.of("sh", "-c", "umask 077 && t=$(mktemp) && cat > \"$t\" && echo \"$t\"")
                .renderForExecution();
        CommandResult staged = execute(temporary, content, Duration.ofMinutes(2), OutputListener.IGNORE);
        if (!staged.ok()) {
            throw uploadFailed(remotePath, staged);
        }
        String temp = staged.stdout().strip();
        CommandResult installed = run(RemoteCommand.of("sh", "-c", "install -D -m \"$2\" -o root -g root \"$1\" \"$3\"; s=$?; rm -f \"$1\"; exit $s",
                "halab-upload", temp, octal, remotePath).asRoot(), Duration.ofMinutes(1));
        if (!installed.ok()) {
            throw uploadFailed(remotePath, installed);
        }
    }

    private RemoteException uploadFailed(String path, CommandResult result) {
        return new RemoteException(RemoteException.Kind.IO, LocalizedText.of(BUNDLE, "remote.uploadFailed",
                path, target.name(), result.stderr().strip()), null);
    }

    @Override
    public void close() {
        readers.shutdownNow();
        try {
            client.disconnect();
        } catch (IOException ignored) {
            // Closing a connection that is already gone has nothing left to do.
        }
    }
}
