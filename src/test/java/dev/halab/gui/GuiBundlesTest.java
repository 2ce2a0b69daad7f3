package dev.halab.gui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every GUI text exists in English and Chinese, parses as MessageFormat, and every key the code names exists. */
class GuiBundlesTest {
    /** A literal key passed to Texts/Ui helpers, e.g. texts.get("wizard.next"), Texts.of("x") or Ui.label(texts, "ha.vip"). */
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:[Tt]exts\\.(?:of|get|bind)\\(|Ui\\.(?:label|button)\\(texts, |section\\()\"([a-zA-Z0-9_.-]+)\"");

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        assertThat(load("i18n/gui_zh_CN.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("i18n/gui.properties").stringPropertyNames());
    }

    @Test
    void everyTextIsAValidMessageFormat() throws IOException {
        for (String file : new String[] {"i18n/gui.properties", "i18n/gui_zh_CN.properties"}) {
            Properties texts = load(file);
            for (String key : texts.stringPropertyNames()) {
                new MessageFormat(texts.getProperty(key));
            }
        }
    }

    @Test
    void everyKeyNamedInTheCodeExists() throws IOException {
        Set<String> known = load("i18n/gui.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        Set<String> found = new TreeSet<>();
        Path sources = Path.of(System.getProperty("halab.projectDir", "."), "src/main/java/dev/halab/gui");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(m.group(1));
                    if (!m.group(1).endsWith(".") && !known.contains(m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(found).as("keys found in the code").hasSizeGreaterThan(80);
        assertThat(missing).isEmpty();
    }

    @Test
    void keysBuiltFromEnumsExist() throws IOException {
        Set<String> known = load("i18n/gui.properties").stringPropertyNames();
        for (var action : dev.halab.core.failover.ChaosAction.values()) {
            assertThat(known).contains("chaos." + action.name());
        }
        for (var page : dev.halab.gui.wizard.WizardPage.values()) {
            assertThat(known).contains(page.key(), "wizard.hint." + page.name());
        }
        for (var status : dev.halab.gui.wizard.RunStatus.values()) {
            assertThat(known).contains("run.status." + status.name());
        }
        for (var phase : dev.halab.gui.install.InstallViewModel.Phase.values()) {
            assertThat(known).contains("install.phase." + phase.name());
        }
        for (var screen : MainWindow.Screen.values()) {
            assertThat(known).contains("screen." + screen.name());
        }
        for (var scenario : dev.halab.core.failover.ScenarioKind.values()) {
            assertThat(known).contains("scenario." + scenario.cliName() + ".name");
        }
        for (var outcome : dev.halab.gui.scenario.ScenarioViewModel.Outcome.values()) {
            assertThat(known).contains("scenario.outcome." + switch (outcome) {
                case NOT_STARTED -> "notStarted";
                case WAITING -> "waiting";
                case MET -> "met";
                case OFF_SCRIPT -> "offScript";
            });
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = GuiBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
