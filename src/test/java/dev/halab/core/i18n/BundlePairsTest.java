package dev.halab.core.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every area's English and Chinese bundles (resources/i18n/AREA.properties and
 * AREA_zh_CN.properties) have the same keys, the same {n} placeholders, and patterns that
 * MessageFormat accepts. Covers every area, including ones added later.
 */
class BundlePairsTest {
    private static final Path I18N = Path.of(System.getProperty("halab.projectDir", ".")).resolve("resources/i18n");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Test
    void everyAreaHasBothLanguagesWithTheSameKeysAndPlaceholders() throws IOException {
        List<String> areas = areas();
        assertThat(areas).contains("core", "template", "cli");
        List<String> mistakes = new ArrayList<>();
        for (String area : areas) {
            Path english = I18N.resolve(area + ".properties");
            Path chinese = I18N.resolve(area + "_zh_CN.properties");
            if (!Files.exists(english) || !Files.exists(chinese)) {
                mistakes.add(area + ": needs both " + english.getFileName() + " and " + chinese.getFileName());
                continue;
            }
            Properties en = load(english);
            Properties zh = load(chinese);
            for (String key : difference(en.stringPropertyNames(), zh.stringPropertyNames())) {
                mistakes.add(area + ": key " + key + " is in English only");
            }
            for (String key : difference(zh.stringPropertyNames(), en.stringPropertyNames())) {
                mistakes.add(area + ": key " + key + " is in Chinese only");
            }
            for (String key : en.stringPropertyNames()) {
                if (!zh.containsKey(key)) {
                    continue;
                }
                String enText = en.getProperty(key);
                String zhText = zh.getProperty(key);
                checkPattern(area, key, "en", enText, mistakes);
                checkPattern(area, key, "zh_CN", zhText, mistakes);
                if (!placeholders(enText).equals(placeholders(zhText))) {
                    mistakes.add(area + ": " + key + " uses placeholders " + placeholders(enText) + " in English but "
                            + placeholders(zhText) + " in Chinese");
                }
            }
        }
        assertThat(mistakes).isEmpty();
    }

    private static List<String> areas() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".properties"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()).replaceFirst("_zh_CN$", ""))
                    .distinct().sorted().toList();
        }
    }

    private static void checkPattern(String area, String key, String language, String text, List<String> mistakes) {
        try {
            new MessageFormat(text);
        } catch (IllegalArgumentException e) {
            mistakes.add(area + "_" + language + ": " + key + " is not a valid MessageFormat pattern: " + e.getMessage());
        }
    }

    /** Placeholders MessageFormat really substitutes (text inside '...' quotes is literal). */
    private static Set<String> placeholders(String text) {
        StringBuilder unquoted = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i++;
                    continue;
                }
                quoted = !quoted;
            } else if (!quoted) {
                unquoted.append(c);
            }
        }
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(unquoted);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
