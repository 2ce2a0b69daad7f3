package dev.halab.core.plan;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.resources.ProjectResources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The VRRP network check on one front end ({@code resources/install/vrrp-probe.py}): listens for
 * VRRP adverts for a few seconds while sending a few harmless probes (VRID 0, tagged with the
 * run's nonce) to the other front end. Both front ends run it at the same time.
 */
public final class VrrpProbe {
    private static final String SCRIPT_RESOURCE = "install/vrrp-probe.py";
    /** VRRP's multicast group (RFC 3768 / 5798). */
    public static final String GROUP = "224.0.0.18";
    /** Long enough to hear a router advertising every second at least three times. */
    public static final Duration LISTEN = Duration.ofSeconds(4);

    /** An advert heard: its sender and VRID; {@code probe} is the nonce of an HA Lab probe, or "-". */
    public record Advert(String source, int vrid, int version, int priority, int count, String probe) {
        public boolean isProbe() {
            return !"-".equals(probe);
        }
    }

    /** What one front end heard; {@code error} is set when the check could not run there. */
    public record Outcome(List<Advert> adverts, String error) {
        public Outcome {
            adverts = List.copyOf(adverts);
        }

        public static Outcome failed(String error) {
            return new Outcome(List.of(), error);
        }

        public boolean ran() {
            return error == null;
        }
    }

    private VrrpProbe() {
    }

    /** {@code destination} is {@link #GROUP} for multicast VRRP, the peer's address for unicast. */
    public static RemoteCommand command(String iface, String source, String destination, Duration listen, String nonce) {
        String script = ProjectResources.readString(SCRIPT_RESOURCE)
                .orElseThrow(() -> new IllegalStateException(SCRIPT_RESOURCE + " is missing from the build"));
        return RemoteCommand.of("python3", "-c", script, iface, source, destination,
                String.valueOf(listen.toMillis() / 1000.0), nonce).asRoot();
    }

    public static Outcome parse(CommandResult result) {
        List<Advert> adverts = new ArrayList<>();
        boolean ended = false;
        String error = null;
        for (String line : result.stdout().split("\n")) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "advert" -> {
                    if (f.length >= 7) {
                        adverts.add(new Advert(f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                                Integer.parseInt(f[4]), Integer.parseInt(f[5]), f[6]));
                    }
                }
                case "senderror" -> error = f.length > 1 ? f[1] : "send failed";
                case "end" -> ended = true;
                default -> { }
            }
        }
        if (!ended) {
            return Outcome.failed(lastLine(result.stderr().isBlank() ? result.stdout() : result.stderr()));
        }
        return new Outcome(adverts, error);
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "exit without output" : lines.get(lines.size() - 1).strip();
    }
}
