package dev.halab.core.tutorial;

import dev.halab.core.i18n.LocalizedText;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a student would type by hand for one install or scenario step, next to what HA Lab ran.
 * Commands hold {@code ${name}} placeholders filled from the topology ({@link CommandVariables}).
 *
 * @param key      an install step id ({@code nginx.site}) or {@code scenario.KIND.STEP} ({@code scenario.preempt.step2})
 * @param tutorial the tutorial's own line for this step, quoted exactly, or empty where the tutorial has none
 * @param host     the host the command is typed on, as a placeholder ({@code ${master}}) or "any"
 * @param byHand   the command to type
 * @param halabRan what HA Lab ran for the same step
 */
public record StepCommand(String key, String tutorial, String host, String byHand, String halabRan) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

    /** What the command's output means: what to look for, and what a wrong result tells. */
    public LocalizedText meaning() {
        return LocalizedText.of(Difference.BUNDLE, "command." + key + ".meaning");
    }

    public StepCommand render(Map<String, String> variables) {
        return new StepCommand(key, tutorial, fill(host, variables), fill(byHand, variables), fill(halabRan, variables));
    }

    static String fill(String text, Map<String, String> variables) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for ${" + m.group(1) + "} in " + text);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
