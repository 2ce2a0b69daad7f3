package dev.halab.core.plan;

import dev.halab.core.failover.AlertKind;
import dev.halab.core.i18n.Bundles;
import dev.halab.core.i18n.LocalizedText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/preflight-and-alerts.md} (and {@code .zh_CN.md}) lists every pre-flight text and every
 * alert as {@link PreflightAndAlertsDocument} renders them from the bundles, so it never drifts.
 * {@code -Dhalab.writeDocs=true} rewrites the docs.
 */
class PreflightAndAlertsDocTest {
    private static final Path DOCS = Path.of(System.getProperty("halab.projectDir", ".")).resolve("docs");
    private static final String REGENERATE = "mvn test -Dtest=PreflightAndAlertsDocTest -Dhalab.writeDocs=true";

    @Test
    void everyKeyOfThePreflightBundleIsDocumented() throws IOException {
        Set<String> documented = new TreeSet<>();
        PreflightAndAlertsDocument.outcomes().stream().filter(o -> o.bundle().equals("preflight")).forEach(o -> documented.add(o.key()));
        PreflightAndAlertsDocument.remedies().forEach(o -> documented.add(o.key()));
        for (PreflightCheck check : PreflightCheck.values()) {
            documented.add("check." + check.id());
        }
        assertThat(documented).as("keys of preflight.properties missing from the document")
                .containsAll(keys("preflight"));
    }

    @Test
    void everyCheckHasAPassingTextAndEveryAlertIsListed() {
        for (PreflightCheck check : PreflightCheck.values()) {
            assertThat(PreflightAndAlertsDocument.outcomes()).as(check.id())
                    .anyMatch(o -> o.check() == check && o.status() == PreflightResult.Status.PASSED);
        }
        assertThat(PreflightAndAlertsDocument.alerts().stream().map(PreflightAndAlertsDocument.AlertExample::kind)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder(AlertKind.values());
    }

    @Test
    void everyTextIsInBothLanguagesWithEveryPlaceholderFilled() {
        List<LocalizedText> texts = new ArrayList<>();
        PreflightAndAlertsDocument.outcomes().forEach(o -> texts.add(o.text()));
        PreflightAndAlertsDocument.remedies().forEach(o -> texts.add(o.text()));
        PreflightAndAlertsDocument.alerts().forEach(a -> {
            texts.add(a.title());
            texts.add(a.hintText());
        });
        for (LocalizedText text : texts) {
            String en = text.render(Locale.ENGLISH);
            String zh = text.render(Bundles.CHINESE);
            assertThat(en).as(text.key()).doesNotStartWith(text.key()).doesNotContainPattern("\\{\\d+\\}");
            assertThat(zh).as(text.key()).doesNotStartWith(text.key()).doesNotContainPattern("\\{\\d+\\}")
                    .containsPattern("\\p{IsHan}").isNotEqualTo(en);
        }
    }

    @Test
    void theDocsAreGeneratedFromTheBundles() throws IOException {
        for (Locale locale : List.of(Locale.ENGLISH, Bundles.CHINESE)) {
            Path file = DOCS.resolve(PreflightAndAlertsDocument.fileName(locale));
            String expected = PreflightAndAlertsDocument.markdown(locale);
            if (Boolean.getBoolean("halab.writeDocs")) {
                Files.writeString(file, expected, StandardCharsets.UTF_8);
            }
            assertThat(file).as("regenerate with " + REGENERATE).exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file + " is stale; regenerate with " + REGENERATE)
                    .isEqualTo(expected);
        }
    }

    private static Set<String> keys(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PreflightAndAlertsDocTest.class.getResourceAsStream("/i18n/" + bundle + ".properties")) {
            assertThat(in).as(bundle + ".properties on the classpath").isNotNull();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }
}
