package dev.halab.core.template;

import dev.halab.core.i18n.LocalizedText;

import java.util.Locale;

/**
 * A template that cannot be rendered: not found, bad syntax, a value it needs is missing, or a
 * value was given that it never uses (usually a typo in the template or a stale key in the code).
 * Unchecked because shipped templates are tested; it only happens with an edited override.
 */
public class TemplateException extends RuntimeException {
    private final String template;
    private final String key;
    private final transient LocalizedText text;

    public TemplateException(String template, String key, LocalizedText text, Throwable cause) {
        super(text.render(Locale.ENGLISH), cause);
        this.template = template;
        this.key = key;
        this.text = text;
    }

    /** The template's path under {@code installers/}, e.g. {@code nginx/halab-tomcat.conf.mustache}. */
    public String template() {
        return template;
    }

    /** The value's name, or null when the problem is not about one value (not found, syntax). */
    public String key() {
        return key;
    }

    public LocalizedText text() {
        return text;
    }
}
