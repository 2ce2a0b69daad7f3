package dev.halab.core.failover;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.remote.OutputListener;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.remote.RemoteShell;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * A host's clock minus the controller's, estimated the NTP way over SSH: the controller notes when
 * it asks ({@code t0}) and when the host's answer arrives ({@code t1}); the host's time {@code h}
 * was read somewhere in between, so {@code offset = h - (t0 + t1) / 2} is wrong by at most half the
 * round trip. Several round trips are made and the tightest one is kept.
 *
 * @param offset      host clock minus controller clock
 * @param uncertainty half the round trip of the sample kept: the offset is within ± this
 */
public record ClockOffset(Duration offset, Duration uncertainty) {
    /** Round trips made per estimate. */
    public static final int ROUNDS = 7;
    private static final RemoteCommand READ_CLOCK = RemoteCommand.of("date", "+%s%N");

    /** One round trip: the controller's clock when asked and answered, the host's clock in between. */
    public record Sample(Instant asked, Instant hostTime, Instant answered) {
        Duration roundTrip() {
            return Duration.between(asked, answered);
        }

        ClockOffset offset() {
            Instant middle = asked.plus(roundTrip().dividedBy(2));
            return new ClockOffset(Duration.between(middle, hostTime), roundTrip().dividedBy(2));
        }
    }

    /** The estimate of the tightest sample (the shortest round trip). */
    public static ClockOffset fromSamples(List<Sample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no clock samples");
        }
        return samples.stream().min(Comparator.comparing(Sample::roundTrip)).orElseThrow().offset();
    }

    /** Estimates over an open shell with {@link #ROUNDS} round trips; the controller's clock is {@code now}. */
    public static ClockOffset estimate(RemoteShell shell, Supplier<Instant> now) throws RemoteException {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            Instant[] answered = new Instant[1];
            Instant asked = now.get();
            var result = shell.run(READ_CLOCK, Duration.ofSeconds(10), (stream, line) -> {
                if (stream == OutputListener.Stream.STDOUT && answered[0] == null) {
                    answered[0] = now.get();
                }
            });
            String text = result.stdout().strip();
            if (!result.ok() || !text.matches("\\d{10,20}")) {
                continue;
            }
            long nanos = Long.parseLong(text);
            Instant hostTime = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
            samples.add(new Sample(asked, hostTime, answered[0] == null ? now.get() : answered[0]));
        }
        if (samples.isEmpty()) {
            throw new RemoteException(RemoteException.Kind.IO,
                    dev.halab.core.i18n.LocalizedText.of("failover", "clock.unreadable", shell.hostName()), null);
        }
        return fromSamples(samples);
    }
}
