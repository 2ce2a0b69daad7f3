package dev.halab.core.tutorial;

import dev.halab.core.i18n.LocalizedText;

import java.util.List;

/**
 * One place where HA Lab deliberately does not do what the tutorial says, with both sides quoted so
 * a student can hold them next to each other.
 *
 * @param id            stable id (bundle keys {@code difference.ID.title} and {@code .why}, GUI node ids)
 * @param tutorialLines lines quoted exactly from the tutorial (a test finds each one in its text)
 * @param halabLines    what HA Lab writes or runs instead
 * @param halabFile     the generated file {@code halabLines} come from (a test finds them in it), or
 *                      null when they are commands or facts rather than file content
 * @param nopreempt     whether {@code halabFile} is the one rendered for a non-preemptive profile
 */
public record Difference(String id, List<String> tutorialLines, List<String> halabLines, String halabFile,
                         boolean nopreempt) {

    static final String BUNDLE = "tutorial";

    public Difference {
        tutorialLines = List.copyOf(tutorialLines);
        halabLines = List.copyOf(halabLines);
    }

    public LocalizedText title() {
        return LocalizedText.of(BUNDLE, "difference." + id + ".title");
    }

    /** Why the tutorial's lines fail or mislead, and why HA Lab's work. */
    public LocalizedText why() {
        return LocalizedText.of(BUNDLE, "difference." + id + ".why");
    }
}
