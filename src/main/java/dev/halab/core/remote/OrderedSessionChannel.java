package dev.halab.core.remote;

import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.connection.Connection;
import net.schmizz.sshj.connection.channel.ChannelInputStream;
import net.schmizz.sshj.connection.channel.direct.SessionChannel;

import java.nio.charset.Charset;

/**
 * An sshj session whose incoming data is delivered under one lock, the lock that
 * {@link SharedWindowReads} takes for every read of the command's output.
 * <p>
 * Why: a read re-opens the channel's one receive window by sending the adjustment first and
 * counting it only after, while holding the lock of its own stream alone. Data for the
 * <em>other</em> stream, sent by the host in answer to that adjustment, could be counted in
 * between: sshj then sees the window "consumed to below 0" and kills the whole connection.
 * With deliveries and reads under one lock, a delivery waits until the read has counted its
 * adjustment. Reads under this lock never wait for data (they read only what has arrived),
 * so the transport's reader thread waits at most for one read.
 */
final class OrderedSessionChannel extends SessionChannel {
    private final Object deliveryLock = new Object();

    OrderedSessionChannel(Connection connection, Charset remoteCharset) {
        super(connection, remoteCharset);
    }

    /** The lock under which data reaches this session's streams; readers take it to read. */
    Object deliveryLock() {
        return deliveryLock;
    }

    @Override
    protected void receiveInto(ChannelInputStream stream, SSHPacket packet) throws SSHException {
        synchronized (deliveryLock) {
            super.receiveInto(stream, packet);
        }
    }
}
