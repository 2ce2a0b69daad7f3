package dev.halab.core.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.resources.ProjectResources;
import dev.halab.core.topology.Topology;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and writes VM profiles (JSON), by shipped name or file path. Reading is capped at
 * {@link #MAX_BYTES} and strict ({@link ProfileParser}): a typo such as {@code "prority"}, a quoted
 * number or a duplicate key is reported with its path instead of silently read some other way.
 */
public final class ProfileLoader {
    private static final String BUNDLE = "core";
    /** Shipped profiles are about 1.5 KiB; anything near this cap is not a profile. */
    public static final int MAX_BYTES = 256 * 1024;
    /** A shipped profile's name; anything else is taken as a file path only. */
    private static final Pattern SHIPPED_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}(\\.json)?");

    private ProfileLoader() {
    }

    /** A profile name shipped in vm-profiles/ (e.g. {@code tutorial}) or a path to a JSON file. */
    public static Topology load(String nameOrPath) throws ProfileException {
        Path asPath;
        try {
            asPath = Path.of(nameOrPath);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ProfileException(LocalizedText.of(BUNDLE, "profile.notFound", nameOrPath,
                    String.join(", ", shippedProfileNames())), e);
        }
        if (Files.isRegularFile(asPath)) {
            return load(asPath);
        }
        if (!SHIPPED_NAME.matcher(nameOrPath).matches()) {
            throw new ProfileException(LocalizedText.of(BUNDLE, "profile.notFound", nameOrPath,
                    String.join(", ", shippedProfileNames())), null);
        }
        String resource = "vm-profiles/" + (nameOrPath.endsWith(".json") ? nameOrPath : nameOrPath + ".json");
        try (InputStream in = ProjectResources.open(resource)) {
            if (in == null) {
                throw new ProfileException(LocalizedText.of(BUNDLE, "profile.notFound", nameOrPath,
                        String.join(", ", shippedProfileNames())), null);
            }
            return parse(readCapped(in, nameOrPath), nameOrPath);
        } catch (IOException e) {
            throw new ProfileException(LocalizedText.of(BUNDLE, "profile.unreadable", nameOrPath, e.getMessage()), e);
        }
    }

    public static Topology load(Path file) throws ProfileException {
        try {
            try (InputStream in = Files.newInputStream(file)) {
                return parse(readCapped(in, file), file.toString());
            }
        } catch (NoSuchFileException e) {
            throw new ProfileException(LocalizedText.of(BUNDLE, "profile.notFound", file,
                    String.join(", ", shippedProfileNames())), e);
        } catch (IOException e) {
            throw new ProfileException(LocalizedText.of(BUNDLE, "profile.unreadable", file, e.getMessage()), e);
        }
    }

    /** Strict parsing of profile JSON; see {@link ProfileParser}. */
    public static Topology parse(byte[] json, String source) throws ProfileException {
        if (json.length > MAX_BYTES) {
            throw tooLarge(source);
        }
        return ProfileParser.parse(json, source);
    }

    public static String toJson(Topology topology) {
        try {
            return ProfileParser.MAPPER.writeValueAsString(topology) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a topology always serialises", e);
        }
    }

    public static void save(Topology topology, Path file) throws IOException {
        Files.writeString(file, toJson(topology));
    }

    /** Profiles shipped in vm-profiles/, by name without ".json". */
    public static List<String> shippedProfileNames() {
        return ProjectResources.list("vm-profiles").stream()
                .filter(n -> n.endsWith(".json"))
                .map(n -> n.substring(0, n.length() - ".json".length()))
                .sorted().toList();
    }

    private static ProfileException tooLarge(Object source) {
        return new ProfileException(LocalizedText.of(BUNDLE, "profile.tooLarge", source, MAX_BYTES / 1024), null);
    }

    /** Reads at most one byte more than the cap, so /dev/zero or a huge file is refused, not loaded. */
    private static byte[] readCapped(InputStream in, Object source) throws IOException, ProfileException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(source);
        }
        return bytes;
    }
}
