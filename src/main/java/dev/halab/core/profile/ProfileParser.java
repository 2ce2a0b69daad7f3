package dev.halab.core.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Topology;

import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns profile JSON into a {@link Topology}, strictly: no type coercion ({@code "51"}, {@code 51.9}
 * and {@code "false"} are not numbers or flags), no duplicate keys, nothing after the closing brace,
 * no {@code null} list element. Every refusal is a {@link ProfileException} naming the JSON path and
 * saying what to write instead; nothing here throws anything else for any input.
 */
final class ProfileParser {
    private static final String BUNDLE = "core";
    private static final int SHOWN_VALUE_CHARS = 40;

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // Not FAIL_ON_MISSING_CREATOR_PROPERTIES: it would make optional fields (upstreamWeight,
            // interface, lab, initialState, ...) mandatory. Numbers and flags whose default 0/false
            // would silently mean something are marked @JsonProperty(required = true) instead.
            .withCoercionConfig(LogicalType.Integer, ProfileParser::onlyItsOwnShape)
            .withCoercionConfig(LogicalType.Float, c -> {
                onlyItsOwnShape(c);
                c.setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
            })
            .withCoercionConfig(LogicalType.Boolean, ProfileParser::onlyItsOwnShape)
            .withCoercionConfig(LogicalType.Textual, ProfileParser::onlyItsOwnShape)
            .withCoercionConfig(LogicalType.Enum, ProfileParser::onlyItsOwnShape)
            .withCoercionConfig(LogicalType.POJO, ProfileParser::onlyItsOwnShape)
            .withCoercionConfig(LogicalType.Collection, ProfileParser::onlyItsOwnShape)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ProfileParser() {
    }

    /**
     * Refuses every scalar-to-scalar coercion ("51" for 51, 0 for false, 1 for "1"...). Integer to
     * a decimal field stays allowed: JSON has one number type and {@code "advertInterval": 1} is a number.
     */
    private static void onlyItsOwnShape(com.fasterxml.jackson.databind.cfg.MutableCoercionConfig config) {
        for (CoercionInputShape shape : List.of(CoercionInputShape.String, CoercionInputShape.Boolean, CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.EmptyString, CoercionInputShape.EmptyArray,
                CoercionInputShape.EmptyObject)) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
        config.setAcceptBlankAsEmpty(false);
    }

    static Topology parse(byte[] json, String source) throws ProfileException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw syntaxError(e, source);
        } catch (IOException e) {
            throw new ProfileException(LocalizedText.of(BUNDLE, "profile.unreadable", source, e.getMessage()), e);
        }
        if (tree == null || tree.isMissingNode() || !tree.isObject()) {
            throw new ProfileException(LocalizedText.of(BUNDLE, "profile.notObject", source), null);
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.isInt() || version.intValue() != Topology.SCHEMA_VERSION) {
            throw new ProfileException(LocalizedText.of(BUNDLE, "profile.schemaVersion", source,
                    version == null ? "-" : version.toString(), Topology.SCHEMA_VERSION), null);
        }
        rejectNullElements(tree, "", source);
        try {
            return MAPPER.treeToValue(tree, Topology.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ProfileException(LocalizedText.of(BUNDLE, "profile.unknownField", source,
                    e.getPropertyName(), path(e), knownFields(e)), e);
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Missing required creator property")) {
                throw MisspeltFields.missingOrMisspelt(tree, source, e);
            }
            throw wrongType(tree, source, path(e), e.getTargetType(), e);
        } catch (JsonMappingException e) {
            // e.g. a number too large for its field, caught by the parser under the mapper
            throw wrongType(tree, source, path(e), null, e);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new ProfileException(LocalizedText.of(BUNDLE, "profile.unreadable", source, String.valueOf(e.getMessage())), e);
        }
    }

    private static ProfileException syntaxError(JsonProcessingException e, String source) {
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith("Duplicate field")) {
            String field = original.replaceFirst("^Duplicate field '(.*)'$", "$1");
            String at = e.getProcessor() instanceof JsonParser parser
                    ? pointerToPath(parser.getParsingContext().pathAsPointer().toString()) : field;
            return new ProfileException(LocalizedText.of(BUNDLE, "profile.duplicateField", source, field, at), e);
        }
        if (e instanceof MismatchedInputException && original.startsWith("Trailing token")) {
            return new ProfileException(LocalizedText.of(BUNDLE, "profile.trailingContent", source,
                    line(e), column(e)), e);
        }
        if (e instanceof InputCoercionException) {
            return new ProfileException(LocalizedText.of(BUNDLE, "profile.numberTooLarge", source, line(e), column(e)), e);
        }
        return new ProfileException(LocalizedText.of(BUNDLE, "profile.badJson", source, line(e), column(e), original), e);
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static int column(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
    }

    /** A {@code null} inside a list would become a host or instance with no fields at all. */
    private static void rejectNullElements(JsonNode node, String at, String source) throws ProfileException {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    throw new ProfileException(LocalizedText.of(BUNDLE, "profile.nullElement", source, at + "[" + i + "]"), null);
                }
                rejectNullElements(node.get(i), at + "[" + i + "]", source);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                rejectNullElements(field.getValue(), at.isEmpty() ? field.getKey() : at + "." + field.getKey(), source);
            }
        }
    }

    private static ProfileException wrongType(JsonNode tree, String source, String at, Class<?> target, Exception cause) {
        return new ProfileException(LocalizedText.of(BUNDLE, "profile.wrongType", source, at, expected(target),
                shown(valueAt(tree, at))), cause);
    }

    /** What the field wants, in words: "a whole number without quotes", "one of MASTER_BACKUP, DUAL_MASTER"... */
    private static LocalizedText expected(Class<?> target) {
        if (target == null) {
            return LocalizedText.of(BUNDLE, "profile.expect.smallNumber");
        }
        if (target.isEnum()) {
            return LocalizedText.of(BUNDLE, "profile.expect.oneOf", Arrays.stream(target.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")));
        }
        String kind;
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            kind = "wholeNumber";
        } else if (target == boolean.class || target == Boolean.class) {
            kind = "flag";
        } else if (target == String.class) {
            kind = "text";
        } else if (Number.class.isAssignableFrom(target)) {
            kind = "number";
        } else if (List.class.isAssignableFrom(target) || target.isArray()) {
            kind = "list";
        } else {
            kind = "object";
        }
        return LocalizedText.of(BUNDLE, "profile.expect." + kind);
    }

    private static JsonNode valueAt(JsonNode tree, String at) {
        JsonNode node = tree;
        for (String part : at.split("(?=\\[)|\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            node = part.startsWith("[") ? node.path(Integer.parseInt(part.substring(1, part.length() - 1))) : node.path(part);
        }
        return node;
    }

    private static String shown(JsonNode value) {
        String text = value.isMissingNode() ? "-" : value.toString();
        return text.length() <= SHOWN_VALUE_CHARS ? text : text.substring(0, SHOWN_VALUE_CHARS) + "…";
    }

    /** {@code /hosts/1/name} → {@code hosts[1].name}. */
    static String pointerToPath(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                path.append('[').append(part).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.toString();
    }

    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String knownFields(UnrecognizedPropertyException e) {
        return e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(Object::toString)
                .sorted().collect(Collectors.joining(", "));
    }
}
