package dev.halab.core.template;

import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file of every host of every shipped profile, compared with the reviewed copy in
 * {@code src/test/resources/golden/<profile>/<host>/<flattened path>}. After an intended template
 * change, regenerate them with {@code mvn -Dtest=GoldenFilesTest -Dhalab.updateGolden=true test}
 * and review the diff in git.
 */
class GoldenFilesTest {
    private static final boolean UPDATE = Boolean.getBoolean("halab.updateGolden");

    static Path goldenRoot() {
        return Path.of(System.getProperty("halab.projectDir", ".")).resolve("src/test/resources/golden");
    }

    /** {@code /etc/nginx/sites-enabled/halab-tomcat.conf} -> {@code etc__nginx__sites-enabled__halab-tomcat.conf}. */
    static String flatten(String absolutePath) {
        return absolutePath.substring(1).replace("/", "__");
    }

    static Stream<Arguments> everyFile() {
        List<Arguments> cases = new ArrayList<>();
        TestProfiles.shipped().forEach((profile, topology) -> {
            for (Host host : topology.hosts()) {
                for (GeneratedFile file : HostFiles.forHost(topology, host)) {
                    cases.add(Arguments.of(profile, host.name(), file));
                }
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyFile")
    void generatedFileMatchesGolden(String profile, String host, GeneratedFile file) throws IOException {
        Path golden = goldenRoot().resolve(profile).resolve(host).resolve(flatten(file.path()));
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, file.content());
        }
        assertThat(golden).as("golden file missing; run with -Dhalab.updateGolden=true and review the new file").exists();
        assertThat(file.content())
                .as("%s on %s differs from %s; if the change is intended, regenerate with -Dhalab.updateGolden=true",
                        file.path(), host, golden)
                .isEqualTo(Files.readString(golden));
    }

    @Test
    void noGoldenFileIsLeftOverFromARemovedFileHostOrProfile() throws IOException {
        Set<Path> expected = new HashSet<>();
        for (Map.Entry<String, Topology> entry : TestProfiles.shipped().entrySet()) {
            for (Host host : entry.getValue().hosts()) {
                for (GeneratedFile file : HostFiles.forHost(entry.getValue(), host)) {
                    expected.add(goldenRoot().resolve(entry.getKey()).resolve(host.name()).resolve(flatten(file.path())));
                }
            }
        }
        if (!Files.isDirectory(goldenRoot())) {
            assertThat(UPDATE).as("%s is missing; create it with -Dhalab.updateGolden=true", goldenRoot()).isTrue();
            return;
        }
        try (Stream<Path> files = Files.walk(goldenRoot())) {
            List<Path> stale = files.filter(Files::isRegularFile).filter(p -> !expected.contains(p)).toList();
            if (UPDATE) {
                for (Path path : stale) {
                    Files.delete(path);
                }
                return;
            }
            assertThat(stale).as("golden files no profile produces any more; delete them "
                    + "(or run with -Dhalab.updateGolden=true)").isEmpty();
        }
    }
}
