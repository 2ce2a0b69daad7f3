package dev.halab.core.exercise;

import dev.halab.core.i18n.LocalizedText;

import java.util.List;

/**
 * What HA Lab saw while the mistake was planted.
 *
 * @param findings the names of every alert kind and state finding seen
 * @param texts    their titles, for the student
 * @param matched  whether one of them is the exercise's expected diagnosis
 */
public record Diagnosis(List<String> findings, List<LocalizedText> texts, boolean matched) {
    public Diagnosis {
        findings = List.copyOf(findings);
        texts = List.copyOf(texts);
    }
}
