package dev.halab.core.profile;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.halab.core.i18n.LocalizedText;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Jackson reports a missing required field before an unknown one, so a typo such as
 * "masterPrority" would read "masterPriority is missing". This names the unknown field instead.
 */
final class MisspeltFields {
    private static final String BUNDLE = "core";

    private MisspeltFields() {
    }

    static ProfileException missingOrMisspelt(JsonNode tree, String source, MismatchedInputException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        String missingPath = ProfileParser.path(e);
        try {
            JsonNode parent = tree;
            for (JsonMappingException.Reference ref : refs.subList(0, refs.size() - 1)) {
                parent = ref.getFieldName() != null ? parent.path(ref.getFieldName()) : parent.path(ref.getIndex());
            }
            Object from = refs.get(refs.size() - 1).getFrom();
            if (parent.isObject() && from instanceof Class<?> type) {
                Set<String> known = ProfileParser.MAPPER.getDeserializationConfig()
                        .introspect(ProfileParser.MAPPER.constructType(type)).findProperties().stream()
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
        } catch (RuntimeException ignored) {
            // Fall back to the plain "missing" message below.
        }
        return new ProfileException(LocalizedText.of(BUNDLE, "profile.missingField", source, missingPath), e);
    }
}
