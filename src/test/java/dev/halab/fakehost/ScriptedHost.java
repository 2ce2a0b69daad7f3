package dev.halab.fakehost;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.OutputListener;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.remote.RemoteShell;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A host that answers from a transcript: each command must be the next one the transcript holds
 * for this host, and gets the recorded exit code and output; each upload must match the next
 * recorded upload (path, mode, content). Anything else is a test failure naming the command,
 * collected by {@link ScriptedHosts} and also thrown into the engine as a connection failure so
 * that the host stops there.
 */
public final class ScriptedHost implements RemoteShell {
    private final String name;
    private final List<Exchange> script;
    private final ScriptedHosts owner;
    private int next;
    private boolean broken;
    private volatile boolean closed;

    ScriptedHost(String name, List<Exchange> script, ScriptedHosts owner) {
        this.name = name;
        this.script = script;
        this.owner = owner;
    }

    @Override
    public String hostName() {
        return name;
    }

    @Override
    public synchronized CommandResult run(RemoteCommand command, Duration timeout, OutputListener output) throws RemoteException {
        String key = Transcript.key(command);
        Exchange expected = take("`" + key + "`");
        if (expected.uploadsFile() || !Transcript.sameCommand(key, expected.command())) {
            throw mismatch("unexpected command `" + key + "`; the transcript expects " + expected.describe());
        }
        String stdout = nullToEmpty(expected.stdout());
        // The peer heard the recorded run's nonce; this run sent its own.
        Optional<String> recordedNonce = Transcript.nonce(expected.command());
        Optional<String> nonce = Transcript.nonce(key);
        if (recordedNonce.isPresent() && nonce.isPresent()) {
            stdout = stdout.replace(recordedNonce.get(), nonce.get());
        }
        String stderr = nullToEmpty(expected.stderr());
        stdout.lines().forEach(line -> output.line(OutputListener.Stream.STDOUT, line));
        stderr.lines().forEach(line -> output.line(OutputListener.Stream.STDERR, line));
        return new CommandResult(expected.exit(), stdout, stderr);
    }

    @Override
    public synchronized void upload(byte[] content, String remotePath, int mode) throws RemoteException {
        String octal = String.format("%04o", mode);
        String text = Transcript.normalise(new String(content, StandardCharsets.UTF_8));
        String what = "upload " + remotePath + " (" + octal + ")";
        Exchange expected = take(what);
        if (!expected.uploadsFile() || !remotePath.equals(expected.upload()) || !octal.equals(expected.mode())) {
            throw mismatch("unexpected " + what + "; the transcript expects " + expected.describe());
        }
        if (!text.equals(expected.content())) {
            throw mismatch(what + " has other content than recorded:\n--- recorded\n" + expected.content()
                    + "\n+++ uploaded now\n" + text);
        }
    }

    private Exchange take(String what) throws RemoteException {
        if (closed) {
            throw mismatch(what + " after the shell was closed");
        }
        if (broken) {
            throw mismatch(what + " after an earlier mismatch");
        }
        if (next >= script.size()) {
            throw mismatch("unexpected " + what + " after the end of the transcript (" + script.size() + " exchanges)");
        }
        return script.get(next++);
    }

    private RemoteException mismatch(String problem) {
        if (!broken) {
            owner.problem(name + ": " + problem + " (exchange " + next + ")");
        }
        broken = true;
        return new RemoteException(RemoteException.Kind.IO,
                LocalizedText.of("install", "remote.io", name, "transcript", problem), null);
    }

    /** Exchanges the transcript holds that the run never asked for. */
    synchronized List<Exchange> leftOver() {
        return broken ? List.of() : script.subList(next, script.size());
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
