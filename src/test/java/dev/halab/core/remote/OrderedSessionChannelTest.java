package dev.halab.core.remote;

import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.connection.Connection;
import net.schmizz.sshj.transport.Transport;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The race behind "Window consumed to below 0" (CI, 2026-12-01: a connection died under load while a
 * command wrote a stderr line between two stdout floods), replayed step by step on sshj's own
 * session classes. Only the transport under them is scripted: when a read sends its window
 * adjustment, the "host" answers at once with stderr data that uses the new window, from the
 * transport's reader thread, before sshj has counted the adjustment.
 */
class OrderedSessionChannelTest {
    private static final long WINDOW = 64 * 1024;
    private static final int PACKET = 8 * 1024;
    /** How long the scripted host waits for its answer to be delivered while the adjustment is being sent. */
    private static final long ANSWER_WAIT_MS = 2_000;

    @Test
    void stderrDataAnsweringAStdoutReadsWindowAdjustmentWaitsUntilTheAdjustmentIsCounted() throws Exception {
        AtomicReference<OrderedSessionChannel> channelRef = new AtomicReference<>();
        AtomicReference<Throwable> deliveryFailure = new AtomicReference<>();
        CompletableFuture<Void> answer = new CompletableFuture<>();
        Transport transport = transport(packet -> {
            if (packet.array()[packet.rpos()] != Message.CHANNEL_WINDOW_ADJUST.toByte() || answer.isDone()) {
                return;
            }
            // The host got the adjustment and sends 4 KiB of stderr, more than the window had left before it.
            Thread reader = new Thread(() -> {
                try {
                    channelRef.get().handle(Message.CHANNEL_EXTENDED_DATA,
                            new SSHPacket().putUInt32(1).putString(new byte[4096]));
                } catch (Throwable e) {
                    deliveryFailure.set(e);
                }
                answer.complete(null);
            }, "scripted-transport-reader");
            reader.start();
            try {
                // sshj counts the adjustment only after this write returns; give the answer every chance to come first.
                answer.get(ANSWER_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (Exception stillWaitingOnTheDeliveryLock) {
                // Expected with the fix: the delivery waits until the read is done.
            }
        });
        OrderedSessionChannel channel = new OrderedSessionChannel(connection(transport), StandardCharsets.UTF_8);
        channelRef.set(channel);
        SharedWindowReads reads = new SharedWindowReads(channel, 16 * 1024 * 1024, WINDOW);

        // The host fills stdout until 1 KiB of window is left (below sshj's threshold for re-opening it).
        long stdoutBytes = WINDOW - 1024;
        for (long sent = 0; sent < stdoutBytes; sent += PACKET) {
            int size = (int) Math.min(PACKET, stdoutBytes - sent);
            channel.handle(Message.CHANNEL_DATA, new SSHPacket().putString(new byte[size]));
        }

        InputStream stdout = reads.stdout();
        byte[] buffer = new byte[(int) stdoutBytes];
        int read = stdout.read(buffer, 0, buffer.length);
        answer.get(ANSWER_WAIT_MS * 5, TimeUnit.MILLISECONDS);

        assertThat(read).isEqualTo(stdoutBytes);
        assertThat(deliveryFailure.get()).as("delivering the host's stderr answer").isNull();
        assertThat(channel.getErrorStream().available()).isEqualTo(4096);
        assertThat(channel.getLocalWinSize()).isEqualTo(WINDOW - 4096);
    }

    private interface Writes {
        void write(SSHPacket packet) throws Exception;
    }

    /** A transport that only writes (to the script) and gives sshj's default configuration. */
    private static Transport transport(Writes writes) {
        DefaultConfig config = new DefaultConfig();
        return (Transport) Proxy.newProxyInstance(Transport.class.getClassLoader(), new Class<?>[] {Transport.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConfig" -> config;
                    case "write" -> {
                        writes.write((SSHPacket) args[0]);
                        yield 0L;
                    }
                    case "getTimeoutMs" -> 30_000;
                    case "isRunning" -> true;
                    default -> defaultValue(method.getReturnType());
                });
    }

    private static Connection connection(Transport transport) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getTransport" -> transport;
                    case "getWindowSize" -> WINDOW;
                    case "getMaxPacketSize" -> PACKET;
                    case "getTimeoutMs" -> 30_000;
                    case "nextID" -> 0;
                    default -> defaultValue(method.getReturnType());
                });
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
