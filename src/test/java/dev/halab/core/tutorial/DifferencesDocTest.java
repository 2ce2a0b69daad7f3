package dev.halab.core.tutorial;

import dev.halab.core.i18n.Bundles;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.template.GeneratedFile;
import dev.halab.core.template.HostFiles;
import dev.halab.core.topology.Topology;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The differences quote the tutorial exactly and HA Lab's generated files truly, and the docs
 * are what {@link DifferencesDocument} writes. {@code -Dhalab.writeDocs=true} rewrites the docs.
 */
class DifferencesDocTest {
    private static final Path DOCS = Path.of(System.getProperty("halab.projectDir", ".")).resolve("docs");

    static List<String> tutorialLines() throws IOException {
        try (InputStream in = DifferencesDocTest.class.getResourceAsStream("/tutorial/tutorial-keepalived-nginx-tomcat.txt")) {
            assertThat(in).as("the tutorial text in test resources").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::stripTrailing).toList();
        }
    }

    @Test
    void everyQuotedTutorialLineIsALineOfTheTutorial() throws IOException {
        Set<String> tutorial = new HashSet<>(tutorialLines());
        List<String> missing = new ArrayList<>();
        for (Difference difference : TutorialDifferences.all()) {
            difference.tutorialLines().stream().filter(line -> !tutorial.contains(line))
                    .forEach(line -> missing.add(difference.id() + ": " + line));
        }
        assertThat(missing).as("quoted lines not found in the tutorial").isEmpty();
    }

    @Test
    void linesFromAGeneratedFileAreInThatFileAsRenderedForTheTutorialProfiles() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Difference difference : TutorialDifferences.all()) {
            if (difference.halabFile() == null) {
                continue;
            }
            Topology topology = ProfileLoader.load(difference.nopreempt() ? "tutorial-nopreempt" : "tutorial");
            List<String> file = HostFiles.forHost(topology, topology.host("nginx1")).stream()
                    .filter(f -> f.path().equals(difference.halabFile())).map(GeneratedFile::content)
                    .findFirst().orElseThrow().lines().toList();
            difference.halabLines().stream().filter(line -> file.stream().noneMatch(l -> l.stripTrailing().equals(line)
                            || l.strip().equals(line)))
                    .forEach(line -> missing.add(difference.id() + ": " + line));
        }
        assertThat(missing).as("HA Lab lines not in the generated file").isEmpty();
    }

    @Test
    void idsAreUniqueAndEveryItemHasBothSidesAndTextsInBothLanguages() {
        List<Difference> all = TutorialDifferences.all();
        assertThat(all.stream().map(Difference::id).distinct()).hasSize(all.size());
        for (Difference difference : all) {
            assertThat(difference.tutorialLines()).as(difference.id()).isNotEmpty();
            assertThat(difference.halabLines()).as(difference.id()).isNotEmpty();
            for (LocalizedText text : List.of(difference.title(), difference.why())) {
                for (Locale locale : List.of(Locale.ENGLISH, Bundles.CHINESE)) {
                    assertThat(text.render(locale)).as(text.key()).doesNotStartWith(text.key());
                }
            }
        }
    }

    @Test
    void theDocsAreGeneratedFromTheData() throws IOException {
        for (Locale locale : List.of(Locale.ENGLISH, Bundles.CHINESE)) {
            Path file = DOCS.resolve(DifferencesDocument.fileName(locale));
            String expected = DifferencesDocument.markdown(locale);
            if (Boolean.getBoolean("halab.writeDocs")) {
                Files.writeString(file, expected, StandardCharsets.UTF_8);
            }
            assertThat(file).as("regenerate with mvn test -Dtest=DifferencesDocTest -Dhalab.writeDocs=true").exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file + " is stale; regenerate with "
                    + "mvn test -Dtest=DifferencesDocTest -Dhalab.writeDocs=true").isEqualTo(expected);
        }
    }
}
