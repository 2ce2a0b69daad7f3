package dev.halab.gui.wizard;

import java.util.List;

/** The wizard's pages in order; each knows which topology fields it edits (for inline problems). */
public enum WizardPage {
    START(List.of()),
    MACHINES(List.of("hosts", "lab")),
    HIGH_AVAILABILITY(List.of("vrrp", "network", "mode", "nginx", "tomcat")),
    PREFLIGHT(List.of()),
    REVIEW(List.of());

    private final List<String> fieldPrefixes;

    WizardPage(List<String> fieldPrefixes) {
        this.fieldPrefixes = fieldPrefixes;
    }

    public boolean owns(String field) {
        return fieldPrefixes.stream().anyMatch(p -> field.equals(p) || field.startsWith(p + ".") || field.startsWith(p + "["));
    }

    public String key() {
        return "page." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
