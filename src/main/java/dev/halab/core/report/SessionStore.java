package dev.halab.core.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Keeps one {@link LabSession} per profile in the per-user data folder
 * ({@code $XDG_DATA_HOME/halab/sessions}, else {@code ~/.local/share/halab/sessions};
 * {@code -Dhalab.dataDir} or {@code HALAB_DATA_DIR} overrides). Each change is written at once,
 * atomically, so the record survives a crash of the app. Thread-safe.
 */
public final class SessionStore {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private final Path dir;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().registerModule(instantsAsText()).enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SessionStore(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** The store in the per-user data folder. */
    public static SessionStore user() {
        return new SessionStore(defaultDir(), Clock.systemUTC());
    }

    public static Path defaultDir() {
        String configured = System.getProperty("halab.dataDir", System.getenv("HALAB_DATA_DIR"));
        Path base;
        if (configured != null && !configured.isBlank()) {
            base = Path.of(configured);
        } else {
            String xdg = System.getenv("XDG_DATA_HOME");
            base = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share"))
                    .resolve("halab");
        }
        return base.resolve("sessions");
    }

    public Path dir() {
        return dir;
    }

    /** The session of a profile; a fresh one if none was recorded (or the file is unreadable). */
    public synchronized LabSession load(String profile) {
        Path file = fileOf(profile);
        if (Files.isRegularFile(file)) {
            try {
                return json.readValue(file.toFile(), LabSession.class);
            } catch (IOException e) {
                org.slf4j.LoggerFactory.getLogger(SessionStore.class).warn("unreadable session record {}, starting a new one", file, e);
            }
        }
        return LabSession.start(profile, clock.instant());
    }

    /** Applies a change and writes the result. */
    public synchronized LabSession update(String profile, UnaryOperator<LabSession> change) {
        LabSession updated = change.apply(load(profile));
        Path file = fileOf(profile);
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".session", ".tmp");
            json.writeValue(temp.toFile(), updated);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the session record " + file, e);
        }
        return updated;
    }

    /** Starts the profile's record afresh (a new lab, a new student). */
    public synchronized void clear(String profile) throws IOException {
        Files.deleteIfExists(fileOf(profile));
    }

    /** ISO-8601 times ("2026-11-30T18:04:37.123Z"), readable in the file, without an extra Jackson module. */
    private static SimpleModule instantsAsText() {
        SimpleModule module = new SimpleModule("instants");
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        });
        module.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return Instant.parse(parser.getValueAsString());
            }
        });
        return module;
    }

    private Path fileOf(String profile) {
        String name = Path.of(profile).getFileName().toString().replaceFirst("\\.json$", "");
        if (!SAFE_NAME.matcher(name).matches()) {
            name = Integer.toHexString(profile.hashCode());
        }
        return dir.resolve(name + ".json");
    }
}
