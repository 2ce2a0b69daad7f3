package dev.halab.core.remote;

import net.schmizz.sshj.connection.channel.Channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A command's stdout and stderr, read so that sshj's one receive window per channel can never
 * overrun a stream's buffer.
 * <p>
 * Why: sshj gives both streams one window, but a read on either stream re-opens it by the free
 * space of <em>that</em> stream's buffer. A stderr read while stdout's buffer is nearly full (its
 * reader slower than the host) lets the host send more stdout than that buffer holds; sshj then
 * fails with "Attempted overflow" and the connection dies. Here every read takes the session's
 * delivery lock (see {@link OrderedSessionChannel}, which also keeps a delivery from slipping between
 * a re-opening and its count), reads only bytes already received (so it never waits inside sshj while
 * holding the lock), and stderr is read only while stdout's backlog leaves room for the window it
 * may re-open. Waiting for data is a short poll, because sshj offers no way to wait on two streams.
 */
final class SharedWindowReads {
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Object lock;
    private final Channel channel;
    private final InputStream stdout;
    private final InputStream stderr;
    private final long stderrGate;

    /**
     * @param channel           the session whose stdout and stderr are read
     * @param streamBufferBytes the most one stream's buffer holds (sshj's maximum circular buffer size)
     * @param windowBytes       the channel's receive window (the most one re-opening grants)
     */
    SharedWindowReads(OrderedSessionChannel channel, long streamBufferBytes, long windowBytes) {
        this.lock = channel.deliveryLock();
        this.channel = channel;
        this.stdout = channel.getInputStream();
        this.stderr = channel.getErrorStream();
        // Data in flight (up to one window) plus the window a stderr read re-opens must still fit.
        this.stderrGate = Math.max(0, streamBufferBytes - 2 * windowBytes - 2L * channel.getLocalMaxPacketSize());
    }

    InputStream stdout() {
        return new Gated(stdout, false);
    }

    InputStream stderr() {
        return new Gated(stderr, true);
    }

    /** The most stdout may hold for stderr to be read (for tests). */
    long stderrGate() {
        return stderrGate;
    }

    private final class Gated extends InputStream {
        private final InputStream stream;
        private final boolean isStderr;

        Gated(InputStream stream, boolean isStderr) {
            this.stream = stream;
            this.isStderr = isStderr;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            long pause = FIRST_PAUSE_NANOS;
            while (true) {
                synchronized (lock) {
                    int available = stream.available();
                    if (available > 0 && (!isStderr || stdout.available() <= stderrGate)) {
                        return stream.read(b, off, Math.min(len, available));
                    }
                    if (available == 0 && channel.isEOF()) {
                        return -1; // the host sent its end, and everything before it has been read
                    }
                }
                if (stream.available() == 0 && !channel.isOpen()) {
                    // Closed (or failed) without an end from the host: sshj ends the stream or reports the
                    // error. Outside the lock, because this read may wait for that end, and deliveries
                    // must not wait for it.
                    return stream.read(b, off, len);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedIOException("reading a command's output was interrupted");
                }
                LockSupport.parkNanos(pause);
                pause = Math.min(LONGEST_PAUSE_NANOS, pause * 2);
            }
        }

        @Override
        public int available() throws IOException {
            return stream.available();
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
