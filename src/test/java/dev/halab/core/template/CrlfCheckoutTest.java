package dev.halab.core.template;

import dev.halab.core.resources.LineEndings;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Windows checkout with {@code core.autocrlf=true} turns every template into CRLF: rendered
 * from such a copy of {@code installers/} (used as {@code halab.home}), every file of every host
 * of every profile and variant must be byte-identical to the LF rendering.
 */
class CrlfCheckoutTest {
    private final String previousHome = System.getProperty("halab.home");

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty("halab.home");
        } else {
            System.setProperty("halab.home", previousHome);
        }
    }

    @Test
    void everyTemplateRenderedFromACrlfCopyGivesTheSameLfBytes(@TempDir Path home) throws IOException {
        System.clearProperty("halab.home");
        Map<String, byte[]> lf = renderAll();
        assertThat(lf).isNotEmpty();
        assertThat(lf.values()).allSatisfy(bytes -> assertThat(bytes).doesNotContain((byte) '\r'));

        Path installers = Path.of(System.getProperty("halab.projectDir", ".")).resolve("installers");
        int copied = 0;
        try (Stream<Path> files = Files.walk(installers)) {
            for (Path template : files.filter(Files::isRegularFile).toList()) {
                Path copy = home.resolve("installers").resolve(installers.relativize(template).toString());
                Files.createDirectories(copy.getParent());
                String text = Files.readString(template, StandardCharsets.UTF_8);
                assertThat(text).as("%s is LF in the repository", template).doesNotContain("\r");
                Files.writeString(copy, text.replace("\n", "\r\n"), StandardCharsets.UTF_8);
                copied++;
            }
        }
        assertThat(copied).isGreaterThanOrEqualTo(5);
        System.setProperty("halab.home", home.toString());

        Map<String, byte[]> fromCrlf = renderAll();
        assertThat(fromCrlf.keySet()).containsExactlyElementsOf(lf.keySet());
        fromCrlf.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(lf.get(name)));
    }

    @Test
    void lineEndingsBecomeLfForTextAndBytes() {
        assertThat(LineEndings.toLf("#!/bin/bash\r\necho ok\r\nold mac\rend")).isEqualTo("#!/bin/bash\necho ok\nold mac\nend");
        assertThat(LineEndings.toLf("a\r\nb\r".getBytes(StandardCharsets.UTF_8))).isEqualTo("a\nb\n".getBytes(StandardCharsets.UTF_8));
        byte[] unchanged = "中文\n".getBytes(StandardCharsets.UTF_8);
        assertThat(LineEndings.toLf(unchanged)).isSameAs(unchanged);
    }

    private static Map<String, byte[]> renderAll() {
        Map<String, byte[]> rendered = new LinkedHashMap<>();
        TestProfiles.all().forEach((profile, topology) -> renderProfile(profile, topology, rendered));
        return rendered;
    }

    private static void renderProfile(String profile, Topology topology, Map<String, byte[]> rendered) {
        for (Host host : topology.hosts()) {
            List<GeneratedFile> files = HostFiles.forHost(topology, host);
            for (GeneratedFile file : files) {
                rendered.put(profile + "/" + host.name() + file.path(), file.content().getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
