package dev.halab.fakehost;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.halab.core.command.RemoteCommand;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recorded conversation of one engine run with its hosts: per host, the exchanges in the order
 * they happened. Stored as JSON lines under {@code src/test/resources/transcripts/}; recorded from
 * the local lab by {@code TranscriptRecorderIT}.
 *
 * <p>Commands are keyed by their display form with two normalisations, so that a transcript
 * recorded once replays on any later run: the facts probe's script body is shown as
 * {@code <facts-probe.sh>} (its output format is what matters, not its text) and the run's
 * backup folder {@code /var/backups/halab/YYYYMMDD-HHMMSS} as {@code /var/backups/halab/RUN}.
 */
public final class Transcript {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RUN_ID = Pattern.compile("/var/backups/halab/\\d{8}-\\d{6}");
    /** The pre-flight VRRP check ends with a random nonce of the run (see {@code PreflightRunner}). */
    private static final Pattern VRRP_CHECK_NONCE = Pattern.compile("(?s)^(sudo python3 -c '# HA Lab VRRP network check.*) ([0-9a-f]{8})$");
    private static final Pattern MANIFEST_CHECKSUM = Pattern.compile("\"checksum\" : \"[0-9a-f]{64}\"");
    static final String PROBE_MARKER = "<facts-probe.sh>";

    private final Map<String, List<Exchange>> byHost;

    public Transcript(Map<String, List<Exchange>> byHost) {
        Map<String, List<Exchange>> copy = new LinkedHashMap<>();
        byHost.forEach((host, exchanges) -> copy.put(host, List.copyOf(exchanges)));
        this.byHost = copy;
    }

    /** Loads {@code transcripts/NAME.jsonl} from the test class path. */
    public static Transcript load(String name) {
        String resource = "/transcripts/" + name + ".jsonl";
        try (InputStream in = Transcript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no transcript " + resource + " on the test class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Transcript parse(String text) throws IOException {
        Map<String, List<Exchange>> byHost = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Exchange exchange = JSON.readValue(line, Exchange.class);
            byHost.computeIfAbsent(exchange.host(), h -> new ArrayList<>()).add(exchange);
        }
        return new Transcript(byHost);
    }

    public List<Exchange> exchanges(String host) {
        return byHost.getOrDefault(host, List.of());
    }

    public Map<String, List<Exchange>> byHost() {
        return byHost;
    }

    /** Writes the transcript, host by host, with a comment line saying what it is. */
    public void write(Path file, String comment) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(comment.replace("\n", " ")).append('\n');
        for (List<Exchange> exchanges : byHost.values()) {
            for (Exchange exchange : exchanges) {
                out.append(JSON.writeValueAsString(exchange)).append('\n');
            }
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }

    /** The command as a transcript keys it: its display form, normalised (see the class comment). */
    public static String key(RemoteCommand command) {
        List<Object> parts = command.parts();
        RemoteCommand shown = command;
        if (parts.size() >= 4 && "halab-facts".equals(parts.get(3))) {
            List<String> plain = new ArrayList<>();
            for (Object part : parts) {
                plain.add(String.valueOf(part));
            }
            plain.set(2, PROBE_MARKER);
            shown = RemoteCommand.of(plain);
            if (command.privileged()) {
                shown = shown.asRoot();
            }
        }
        return normalise(shown.display());
    }

    /** The nonce a command carries (the pre-flight VRRP check), if any. */
    static Optional<String> nonce(String key) {
        Matcher m = VRRP_CHECK_NONCE.matcher(key);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }

    /** Whether a command sent now is the recorded one: equal, but for the nonce that each run draws anew. */
    static boolean sameCommand(String sent, String recorded) {
        return withoutNonce(sent).equals(withoutNonce(recorded));
    }

    private static String withoutNonce(String key) {
        Matcher m = VRRP_CHECK_NONCE.matcher(key);
        return m.matches() ? m.group(1) + " NONCE" : key;
    }

    /**
     * Replaces the run's backup folder name, which changes with every run, and so the manifest's
     * checksum over a text that holds that name.
     */
    public static String normalise(String text) {
        return text == null ? null : MANIFEST_CHECKSUM.matcher(RUN_ID.matcher(text).replaceAll("/var/backups/halab/RUN"))
                .replaceAll("\"checksum\" : \"SHA256\"");
    }
}
