package dev.halab.core.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.resources.LineEndings;
import dev.halab.core.resources.ProjectResources;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders {@code installers/<component>/<file>.mustache} templates strictly: a value the template
 * needs but was not given, and a value given that the template never names, are both errors that
 * name the template and the key. Templates are loaded through {@link ProjectResources}, so a file
 * under {@code $HALAB_HOME/installers/} overrides the shipped one. No HTML escaping: the output
 * is configuration, not a web page. Output has Unix line endings even from a CRLF template.
 *
 * <p>Values are strings, numbers, booleans (sections shown or not), maps (nested values) and
 * lists of maps (repeated sections). Optional blocks are sections over a boolean or a list with
 * zero or one element, so the key is always present and a typo is always caught.
 */
public final class TemplateRenderer {
    public static final String FOLDER = "installers/";
    private static final String BUNDLE = "template";
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            .strictSections(true);

    private TemplateRenderer() {
    }

    /**
     * @param template path under {@code installers/}, e.g. {@code keepalived/keepalived.conf.mustache}
     * @param values   every value the template uses, and nothing else
     */
    public static String render(String template, Map<String, ?> values) {
        String source = ProjectResources.readString(FOLDER + template).map(LineEndings::toLf).orElseThrow(() ->
                new TemplateException(template, null, LocalizedText.of(BUNDLE, "template.notFound", template, FOLDER), null));
        Template compiled;
        try {
            compiled = COMPILER.compile(source);
        } catch (MustacheException e) {
            throw new TemplateException(template, null,
                    LocalizedText.of(BUNDLE, "template.syntax", template, e.getMessage()), e);
        }
        Set<String> used = namesUsedBy(compiled);
        checkValues(template, values, used, "");
        try {
            // a value may carry a CR too (a profile saved on Windows): the output is LF only
            return LineEndings.toLf(compiled.execute(values));
        } catch (MustacheException.Context e) {
            throw new TemplateException(template, e.key,
                    LocalizedText.of(BUNDLE, "template.missingValue", template, e.key, e.lineNo), e);
        } catch (MustacheException e) {
            throw new TemplateException(template, null,
                    LocalizedText.of(BUNDLE, "template.syntax", template, e.getMessage()), e);
        }
    }

    /** Every variable and section name in the template, at any depth; {@code a.b} counts as a and b. */
    static Set<String> namesUsedBy(Template template) {
        Set<String> names = new HashSet<>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
            }

            @Override
            public void visitVariable(String name) {
                add(name);
            }

            @Override
            public boolean visitInclude(String name) {
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                add(name);
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                add(name);
                return true;
            }

            private void add(String name) {
                names.addAll(java.util.List.of(name.split("\\.")));
            }
        });
        return names;
    }

    /** Rejects null values and keys the template never names, in nested maps and lists too. */
    private static void checkValues(String template, Map<String, ?> values, Set<String> used, String prefix) {
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            String key = prefix + entry.getKey();
            if (entry.getValue() == null) {
                throw new TemplateException(template, key,
                        LocalizedText.of(BUNDLE, "template.nullValue", template, key), null);
            }
            if (!used.contains(entry.getKey())) {
                throw new TemplateException(template, key,
                        LocalizedText.of(BUNDLE, "template.unusedValue", template, key, String.join(", ", new TreeSet<>(used))), null);
            }
            checkNested(template, entry.getValue(), used, key);
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkNested(String template, Object value, Set<String> used, String key) {
        if (value instanceof Map<?, ?> map) {
            checkValues(template, (Map<String, ?>) map, used, key + ".");
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                checkNested(template, item, used, key + "[" + i++ + "]");
            }
        }
    }
}
