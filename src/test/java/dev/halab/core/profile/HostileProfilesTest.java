package dev.halab.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.halab.core.i18n.Bundles;
import dev.halab.core.resources.ProjectResources;
import dev.halab.core.template.HostFiles;
import dev.halab.core.topology.Problem;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.TopologyValidator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of every shipped profile removed, set to null and given each wrong JSON type, and every
 * list given a null element: reading, validating and (when valid) rendering must end in a
 * {@link ProfileException} or a list of problems, each with a message in both languages, and never
 * in a NullPointerException or any other unexpected exception.
 */
class HostileProfilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> WRONG_VALUES = List.of(JsonNodeFactory.instance.nullNode(),
            JsonNodeFactory.instance.textNode("51"), JsonNodeFactory.instance.numberNode(51.9),
            JsonNodeFactory.instance.numberNode(-1), JsonNodeFactory.instance.booleanNode(false),
            JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode(),
            JsonNodeFactory.instance.textNode(""));

    @Test
    void noBrokenFieldEverEndsInAnUnexpectedException() throws Exception {
        List<String> failures = new ArrayList<>();
        int variants = 0;
        // One profile of each shape: master/backup with authentication, dual-master, VRRPv3, local lab.
        for (String name : List.of("tutorial", "dual-master", "fast-failover", "local-lab")) {
            JsonNode original = JSON.readTree(ProjectResources.readString("vm-profiles/" + name + ".json").orElseThrow());
            for (Breakage breakage : breakages(original, "")) {
                ObjectNode copy = original.deepCopy();
                breakage.apply().accept(copy);
                variants++;
                String outcome = outcomeOf(JSON.writeValueAsBytes(copy));
                if (outcome != null) {
                    failures.add(name + " with " + breakage.what() + ": " + outcome);
                }
            }
        }
        assertThat(variants).isGreaterThan(400);
        assertThat(failures).isEmpty();
    }

    /** Null if the outcome is a clean refusal or a clean result, else what went wrong. */
    private static String outcomeOf(byte[] json) {
        try {
            Topology topology = ProfileLoader.parse(json, "x.json");
            List<Problem> problems = TopologyValidator.validate(topology);
            for (Problem problem : problems) {
                problem.render(Locale.ENGLISH);
                problem.render(Bundles.CHINESE);
            }
            if (!TopologyValidator.hasErrors(problems)) {
                HostFiles.forAllHosts(topology);
            }
            return null;
        } catch (ProfileException e) {
            String english = e.text().render(Locale.ENGLISH);
            String chinese = e.text().render(Bundles.CHINESE);
            if (english.startsWith(e.text().key()) || !chinese.matches("(?s).*\\p{IsHan}.*")) {
                return "untranslated message " + english;
            }
            return null;
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    record Breakage(String what, Consumer<ObjectNode> apply) {
    }

    private static List<Breakage> breakages(JsonNode node, String at) {
        List<Breakage> all = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(field -> {
                String path = at.isEmpty() ? field : at + "." + field;
                all.add(new Breakage(path + " removed", root -> ((ObjectNode) find(root, at)).remove(field)));
                for (JsonNode wrong : WRONG_VALUES) {
                    all.add(new Breakage(path + " = " + wrong, root -> ((ObjectNode) find(root, at)).set(field, wrong.deepCopy())));
                }
                all.addAll(breakages(node.get(field), path));
            });
        } else if (node.isArray()) {
            all.add(new Breakage(at + " with a null element", root -> ((ArrayNode) find(root, at)).addNull()));
            all.add(new Breakage(at + " emptied", root -> ((ArrayNode) find(root, at)).removeAll()));
            for (int i = 0; i < node.size(); i++) {
                all.addAll(breakages(node.get(i), at + "[" + i + "]"));
            }
        }
        return all;
    }

    private static JsonNode find(JsonNode root, String at) {
        JsonNode node = root;
        for (String part : at.split("(?=\\[)|\\.")) {
            if (!part.isEmpty()) {
                node = part.startsWith("[") ? node.get(Integer.parseInt(part.substring(1, part.length() - 1))) : node.get(part);
            }
        }
        return node;
    }
}
