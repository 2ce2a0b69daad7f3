package dev.halab.core.failover;

import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.remote.OutputListener;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.remote.RemoteShell;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Host;

import java.time.Duration;
import java.time.Instant;

/**
 * One front end's watch stream for the {@link FailoverMonitor}: connect, run the
 * {@link WatchScript}, hand each parsed line over, and when the channel ends or falls silent
 * (no heartbeat for {@code silenceLimit}) say so and reconnect.
 */
final class HostWatch {
    private static final String BUNDLE = "failover";

    /** What the watch reports to the monitor. */
    interface Sink {
        void reachability(String host, boolean reachable, LocalizedText detail);

        void snapshotBegins(String host);

        void snapshotEnded(String host, Instant receivedAt);

        void line(String host, HostLine line, Instant receivedAt, boolean inSnapshot);
    }

    private final Host host;
    private final String interfaceName;
    private final ShellFactory shells;
    private final FailoverMonitor.MonitorSettings settings;
    private final Sink sink;
    private volatile RemoteShell current;
    private volatile long lastLineNanos = System.nanoTime();
    private volatile boolean reported;
    private volatile boolean reachable;
    private volatile boolean silenced;
    private volatile boolean closed;

    HostWatch(Host host, String interfaceName, ShellFactory shells, FailoverMonitor.MonitorSettings settings, Sink sink) {
        this.host = host;
        this.interfaceName = interfaceName;
        this.shells = shells;
        this.settings = settings;
        this.sink = sink;
    }

    void loop() {
        while (!closed) {
            LocalizedText why;
            try (RemoteShell shell = shells.open(host)) {
                current = shell;
                silenced = false;
                lastLineNanos = System.nanoTime();
                if (closed) {
                    return;
                }
                boolean[] inSnapshot = {false};
                shell.run(WatchScript.command(interfaceName, settings.notifyLog()), Duration.ofDays(366),
                        (stream, text) -> onLine(stream, text, inSnapshot));
                why = LocalizedText.of(BUNDLE, "monitor.channelEnded");
            } catch (RemoteException e) {
                why = e.text();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(HostWatch.class).warn("watch of {} failed", host.name(), e);
                why = LocalizedText.of(BUNDLE, "monitor.channelFailed", String.valueOf(e.getMessage()));
            } finally {
                current = null;
            }
            if (silenced) {
                why = LocalizedText.of(BUNDLE, "monitor.channelSilent", settings.silenceLimit().toMillis());
            }
            if (closed) {
                return;
            }
            if (reachable || !reported) {
                reachable = false;
                reported = true;
                sink.reachability(host.name(), false, why);
            }
            try {
                Thread.sleep(settings.reconnectDelay().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onLine(OutputListener.Stream stream, String text, boolean[] inSnapshot) {
        lastLineNanos = System.nanoTime();
        if (stream != OutputListener.Stream.STDOUT || closed) {
            return;
        }
        Instant receivedAt = Instant.now();
        HostLine line = HostLine.parse(text);
        if (line instanceof HostLine.SnapshotBegin) {
            inSnapshot[0] = true;
            reachable = true;
            reported = true;
            sink.reachability(host.name(), true, LocalizedText.of(BUNDLE, "monitor.channelOpen"));
            sink.snapshotBegins(host.name());
            return;
        }
        if (line instanceof HostLine.SnapshotEnd) {
            inSnapshot[0] = false;
            sink.snapshotEnded(host.name(), receivedAt);
            return;
        }
        sink.line(host.name(), line, receivedAt, inSnapshot[0]);
    }

    void closeIfSilent(long nowNanos) {
        RemoteShell shell = current;
        if (shell != null && nowNanos - lastLineNanos > settings.silenceLimit().toNanos()) {
            silenced = true;
            current = null;
            // Closing from another thread makes the blocked run() in loop() return.
            Thread closer = new Thread(shell::close, "halab-watch-close-" + host.name());
            closer.setDaemon(true);
            closer.start();
        }
    }

    void close() {
        closed = true;
        RemoteShell shell = current;
        if (shell != null) {
            shell.close();
        }
    }
}
