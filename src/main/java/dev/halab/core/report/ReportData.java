package dev.halab.core.report;

import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Topology;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Everything a lab report shows: the lab (its topology, from which the generated files are
 * rendered again), what was recorded, who hands it in and when, in which language.
 */
public record ReportData(Topology topology, LabSession session, String student, LocalDate date, Locale locale) {
    static final String BUNDLE = "report";

    public ReportData {
        if (student == null || student.isBlank()) {
            throw new IllegalArgumentException(text("report.noStudent").render(Locale.ENGLISH));
        }
        student = student.strip();
    }

    String t(String key, Object... args) {
        return text(key, args).render(locale);
    }

    static LocalizedText text(String key, Object... args) {
        return LocalizedText.of(BUNDLE, key, args);
    }
}
