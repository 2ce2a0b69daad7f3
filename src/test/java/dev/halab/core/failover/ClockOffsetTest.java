package dev.halab.core.failover;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.OutputListener;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.remote.RemoteShell;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clock offset estimate: several round trips, the tightest kept, offset and uncertainty from it.
 * Time is a parameter: a host whose clock runs a known amount ahead answers over round trips of
 * known, uneven legs.
 */
class ClockOffsetTest {
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    private static final Duration HOST_AHEAD = Duration.ofMillis(2_345);

    @Test
    void theTightestRoundTripIsKeptAndItsHalfIsTheUncertainty() {
        List<ClockOffset.Sample> samples = List.of(
                sample(0, 300, 10),   // a slow round trip, host read early: its midpoint guess is 140 ms off
                sample(1_000, 40, 30), // the tightest: 70 ms, host read 5 ms after the middle
                sample(2_000, 60, 90));
        ClockOffset offset = ClockOffset.fromSamples(samples);

        assertThat(offset.uncertainty()).isEqualTo(Duration.ofMillis(35));
        assertThat(offset.offset()).isEqualTo(HOST_AHEAD.plusMillis(5));
        assertThat(offset.offset().minus(HOST_AHEAD).abs()).isLessThanOrEqualTo(offset.uncertainty());
    }

    @Test
    void aSlowerSampleAloneWouldBeFurtherOffThanTheTightOne() {
        ClockOffset slow = ClockOffset.fromSamples(List.of(sample(0, 300, 10)));
        assertThat(slow.uncertainty()).isEqualTo(Duration.ofMillis(155));
        assertThat(slow.offset()).isEqualTo(HOST_AHEAD.plusMillis(145));
    }

    @Test
    void aHostBehindTheControllerHasANegativeOffset() {
        Instant asked = T0;
        ClockOffset offset = ClockOffset.fromSamples(List.of(
                new ClockOffset.Sample(asked, asked.plusMillis(10).minusSeconds(3), asked.plusMillis(20))));
        assertThat(offset.offset()).isEqualTo(Duration.ofSeconds(-3));
        assertThat(offset.uncertainty()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void noSampleIsAnError() {
        assertThatThrownBy(() -> ClockOffset.fromSamples(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void estimateMakesSeveralRoundTripsOverTheShellAndKeepsTheTightest() throws Exception {
        // Legs (out, back) per round, in ms; the fourth round is the tightest.
        ClockShell shell = new ClockShell(List.of(
                new long[] {120, 80}, new long[] {50, 70}, new long[] {200, 20}, new long[] {8, 12},
                new long[] {30, 30}, new long[] {90, 10}, new long[] {40, 45}));
        ClockOffset offset = ClockOffset.estimate(shell, shell::now);

        assertThat(shell.commands).hasSize(ClockOffset.ROUNDS).allMatch(c -> c.startsWith("date"));
        assertThat(offset.uncertainty()).isEqualTo(Duration.ofMillis(10));
        assertThat(offset.offset()).isEqualTo(HOST_AHEAD.minusMillis(2)); // read 8 ms after asking, 10 ms is the middle
        assertThat(offset.offset().minus(HOST_AHEAD).abs()).isLessThanOrEqualTo(offset.uncertainty());
    }

    @Test
    void answersThatAreNotAClockAreSkipped() throws Exception {
        ClockShell shell = new ClockShell(List.of(new long[] {1, 1}, new long[] {50, 50}));
        // The tight rounds (legs alternate: 0, 2, 4, 6) answer garbage: they must not count.
        shell.garbled.addAll(List.of(0, 2, 4, 6));
        ClockOffset offset = ClockOffset.estimate(shell, shell::now);
        assertThat(offset.uncertainty()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void aHostWhoseClockCannotBeReadIsNamed() {
        ClockShell shell = new ClockShell(List.of(new long[] {5, 5}));
        for (int i = 0; i < ClockOffset.ROUNDS; i++) {
            shell.garbled.add(i);
        }
        assertThatThrownBy(() -> ClockOffset.estimate(shell, shell::now))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.text().render(Locale.ENGLISH)).isEqualTo("Could not read the clock of nginx2 over SSH.");
                    assertThat(e.text().render(Locale.SIMPLIFIED_CHINESE)).isEqualTo("无法通过 SSH 读取 nginx2 的时钟。");
                });
    }

    /** A round trip asked at {@code at} ms: the host reads its clock {@code out} ms later, the answer takes {@code back} ms. */
    private static ClockOffset.Sample sample(long at, long out, long back) {
        Instant asked = T0.plusMillis(at);
        return new ClockOffset.Sample(asked, asked.plusMillis(out).plus(HOST_AHEAD), asked.plusMillis(out + back));
    }

    /**
     * A host whose clock is {@link #HOST_AHEAD} ahead of the controller's, answering {@code date} over
     * legs of given lengths (round i uses legs i modulo their number). The controller's clock is
     * {@link #now()}, moved by the legs only.
     */
    private static final class ClockShell implements RemoteShell {
        private final Deque<long[]> legs;
        private final List<long[]> all;
        private final List<String> commands = new ArrayList<>();
        private final List<Integer> garbled = new ArrayList<>();
        private Instant controller = T0;

        ClockShell(List<long[]> legs) {
            this.all = legs;
            this.legs = new ArrayDeque<>(legs);
        }

        Instant now() {
            return controller;
        }

        @Override
        public String hostName() {
            return "nginx2";
        }

        @Override
        public CommandResult run(RemoteCommand command, Duration timeout, OutputListener output) {
            int round = commands.size();
            commands.add(command.display());
            if (legs.isEmpty()) {
                legs.addAll(all);
            }
            long[] leg = legs.removeFirst();
            controller = controller.plusMillis(leg[0]);
            Instant host = controller.plus(HOST_AHEAD);
            String answer = garbled.contains(round) ? "date: invalid date"
                    : Long.toString(host.getEpochSecond() * 1_000_000_000L + host.getNano());
            controller = controller.plusMillis(leg[1]);
            output.line(OutputListener.Stream.STDOUT, answer);
            return new CommandResult(0, answer + "\n", "");
        }

        @Override
        public void upload(byte[] content, String remotePath, int mode) {
            throw new UnsupportedOperationException("a clock needs no upload");
        }

        @Override
        public void close() {
        }
    }
}
