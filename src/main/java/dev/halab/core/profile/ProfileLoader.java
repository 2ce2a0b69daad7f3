package dev.halab.core.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.resources.ProjectResources;
import dev.halab.core.topology.Topology;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads and writes VM profiles (JSON). Unknown fields are rejected with their name and path, so a
 * typo such as {@code "prority"} is reported instead of silently ignored.
 */
public final class ProfileLoader {
    private static final String BUNDLE = "core";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Not FAIL_ON_MISSING_CREATOR_PROPERTIES: it would make optional fields (upstreamWeight,
            // interface, lab, initialState, ...) mandatory. Numbers and flags whose default 0/false
            // would silently mean something are marked @JsonProperty(required = true) instead.
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ProfileLoader() {
    }

    /** A profile name shipped in vm-profiles/ (e.g. {@code tutorial}) or a path to a JSON file. */
    public static Topology load(String nameOrPath) throws ProfileException {
        Path asPath = Path.of(nameOrPath);
        if (Files.isRegularFile(asPath)) {
            return load(asPath);
        }
        String resource = "vm-profiles/" + (nameOrPath.endsWith(".json") ? nameOrPath : nameOrPath + ".json");
        try (InputStream in = ProjectResources.open(resource)) {
            if (in == null) {
                throw new ProfileException(LocalizedText.of(BUNDLE, "profile.notFound", nameOrPath,
                        String.join(", ", shippedProfileNames())), null);
            }
            return parse(in.readAllBytes(), nameOrPath);
        } catch (IOException e) {
            throw new ProfileException(LocalizedText.of(BUNDLE, "profile.unreadable", nameOrPath, e.getMessage()), e);
        }
    }

    public static Topology load(Path file) throws ProfileException {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new ProfileException(LocalizedText.of(BUNDLE, "profile.notFound", file,
                    String.join(", ", shippedProfileNames())), e);
        } catch (IOException e) {
            throw new ProfileException(LocalizedText.of(BUNDLE, "profile.unreadable", file, e.getMessage()), e);
        }
    }

    public static Topology parse(byte[] json, String source) throws ProfileException {
        try {
            var tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new ProfileException(LocalizedText.of(BUNDLE, "profile.notObject", source), null);
            }
            var version = tree.get("schemaVersion");
            if (version == null || !version.isInt() || version.intValue() != Topology.SCHEMA_VERSION) {
                throw new ProfileException(LocalizedText.of(BUNDLE, "profile.schemaVersion", source,
                        version == null ? "-" : version.toString(), Topology.SCHEMA_VERSION), null);
            }
            return MAPPER.treeToValue(tree, Topology.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ProfileException(LocalizedText.of(BUNDLE, "profile.unknownField", source,
                    e.getPropertyName(), path(e), knownFields(e)), e);
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Missing required creator property")) {
                throw missingOrMisspelt(json, source, e);
            }
            throw new ProfileException(LocalizedText.of(BUNDLE, "profile.wrongType", source, path(e),
                    e.getOriginalMessage().lines().findFirst().orElse("")), e);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new ProfileException(LocalizedText.of(BUNDLE, "profile.badJson", source,
                    location == null ? 0 : location.getLineNr(), location == null ? 0 : location.getColumnNr(),
                    e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ProfileException(LocalizedText.of(BUNDLE, "profile.unreadable", source, e.getMessage()), e);
        }
    }

    public static String toJson(Topology topology) {
        try {
            return MAPPER.writeValueAsString(topology) + "\n";
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

    /**
     * Jackson reports a missing required field before an unknown one, so a typo such as
     * "masterPrority" would read "masterPriority is missing". Name the unknown field instead.
     */
    private static ProfileException missingOrMisspelt(byte[] json, String source, MismatchedInputException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        String missingPath = path(e);
        try {
            JsonNode parent = MAPPER.readTree(json);
            for (JsonMappingException.Reference ref : refs.subList(0, refs.size() - 1)) {
                parent = ref.getFieldName() != null ? parent.path(ref.getFieldName()) : parent.path(ref.getIndex());
            }
            Object from = refs.get(refs.size() - 1).getFrom();
            if (parent.isObject() && from instanceof Class<?> type) {
                Set<String> known = MAPPER.getDeserializationConfig()
                        .introspect(MAPPER.constructType(type)).findProperties().stream()
                        .map(p -> p.getName()).collect(Collectors.toCollection(TreeSet::new));
                for (Iterator<String> names = parent.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!known.contains(name)) {
                        String at = missingPath.contains(".") ? missingPath.substring(0, missingPath.lastIndexOf('.') + 1) + name : name;
                        return new ProfileException(LocalizedText.of(BUNDLE, "profile.unknownField", source, name, at,
                                String.join(", ", known)), e);
                    }
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // Fall back to the plain "missing" message below.
        }
        return new ProfileException(LocalizedText.of(BUNDLE, "profile.missingField", source, missingPath), e);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String knownFields(UnrecognizedPropertyException e) {
        return e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(Object::toString)
                .sorted().collect(Collectors.joining(", "));
    }
}
