package dev.halab.gui.companion;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every key the companion's code names exists in its bundle (the pairs are checked by BundlePairsTest). */
class CompanionBundleTest {
    private static final Pattern KEY_IN_CODE = Pattern.compile("CompanionBundle\\.(?:of|bind)\\(\"([a-zA-Z0-9_.-]+)\"");

    @Test
    void everyKeyNamedInTheCodeExists() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/i18n/companion.properties")) {
            texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        Set<String> missing = new TreeSet<>();
        Set<String> found = new TreeSet<>();
        Path sources = Path.of(System.getProperty("halab.projectDir", "."), "src/main/java/dev/halab/gui/companion");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(m.group(1));
                    if (!texts.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(found).hasSizeGreaterThan(5);
        assertThat(missing).isEmpty();
    }
}
