package dev.halab.core.profile;

import dev.halab.core.i18n.Bundles;
import dev.halab.core.resources.ProjectResources;
import dev.halab.core.topology.Mode;
import dev.halab.core.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProfileLoaderTest {

    private static String tutorialJson() {
        return ProjectResources.readString("vm-profiles/tutorial.json").orElseThrow();
    }

    private static ProfileException failureOf(String json) {
        return catchThrowableOfType(ProfileException.class,
                () -> ProfileLoader.parse(json.getBytes(StandardCharsets.UTF_8), "broken.json"));
    }

    @Test
    void everyShippedProfileLoadsByName() throws Exception {
        for (String name : ProfileLoader.shippedProfileNames()) {
            Topology topology = ProfileLoader.load(name);
            assertThat(topology.name()).isEqualTo(name);
            assertThat(topology.frontEnds()).hasSize(2);
        }
        assertThat(ProfileLoader.load("dual-master").mode()).isEqualTo(Mode.DUAL_MASTER);
    }

    @Test
    void aProfileLoadsFromAFilePathAndSurvivesARoundTrip(@TempDir Path dir) throws Exception {
        Topology tutorial = ProfileLoader.load("tutorial");
        Path file = dir.resolve("mine.json");
        ProfileLoader.save(tutorial, file);
        assertThat(ProfileLoader.load(file.toString())).isEqualTo(tutorial);
    }

    @Test
    void optionalFieldsMayBeLeftOut() throws Exception {
        String json = tutorialJson().replace(", \"upstreamWeight\": 1", "");
        assertThat(json).doesNotContain("upstreamWeight");
        Topology topology = ProfileLoader.parse(json.getBytes(StandardCharsets.UTF_8), "short.json");
        assertThat(topology.backEnds()).allSatisfy(b -> assertThat(b.effectiveUpstreamWeight()).isEqualTo(1));
    }

    @Test
    void anUnknownFieldIsNamedWithItsPathAndTheAllowedFields() {
        ProfileException e = failureOf(tutorialJson().replace("\"masterPriority\"", "\"masterPrority\""));
        assertThat(e.text().key()).isEqualTo("profile.unknownField");
        String message = e.text().render(Locale.ENGLISH);
        assertThat(message).contains("masterPrority", "vrrp", "masterPriority", "broken.json");
        assertThat(e.text().render(Bundles.CHINESE)).contains("masterPrority").containsPattern("\\p{IsHan}");
    }

    @Test
    void aWrongSchemaVersionSaysWhichVersionIsRead() {
        ProfileException e = failureOf(tutorialJson().replace("\"schemaVersion\": 1", "\"schemaVersion\": 7"));
        assertThat(e.text().key()).isEqualTo("profile.schemaVersion");
        assertThat(e.text().render(Locale.ENGLISH)).contains("schemaVersion 7", "schemaVersion 1");
    }

    @Test
    void aMissingSchemaVersionIsRefusedToo() {
        ProfileException e = failureOf(tutorialJson().replace("\"schemaVersion\": 1,", ""));
        assertThat(e.text().key()).isEqualTo("profile.schemaVersion");
    }

    @Test
    void badJsonGivesLineAndColumn() {
        ProfileException e = failureOf(tutorialJson().replace("\"mode\": \"MASTER_BACKUP\",", "\"mode\": \"MASTER_BACKUP\""));
        assertThat(e.text().key()).isEqualTo("profile.badJson");
        assertThat(e.text().render(Locale.ENGLISH)).contains("line 6");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        ProfileException e = failureOf(tutorialJson().replace("\"vrid\": 51", "\"vrid\": \"fifty-one\""));
        assertThat(e.text().key()).isEqualTo("profile.wrongType");
        assertThat(e.text().render(Locale.ENGLISH)).contains("vrrp.instances[0].vrid");
    }

    @Test
    void aMissingRequiredNumberOrFlagIsNamedInsteadOfDefaultingToZeroOrFalse() {
        ProfileException e = failureOf(tutorialJson().replace("\"preempt\": true,", ""));
        assertThat(e.text().key()).isEqualTo("profile.missingField");
        assertThat(e.text().render(Locale.ENGLISH)).contains("vrrp.preempt");
        ProfileException vrid = failureOf(tutorialJson().replace("\"vrid\": 51, ", ""));
        assertThat(vrid.text().render(Locale.ENGLISH)).contains("vrrp.instances[0].vrid");
    }

    @Test
    void anArrayInsteadOfAnObjectIsRefused() {
        assertThat(failureOf("[1, 2]").text().key()).isEqualTo("profile.notObject");
    }

    @Test
    void anUnknownProfileNameListsTheShippedOnes() {
        assertThatThrownBy(() -> ProfileLoader.load("no-such-profile"))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("no-such-profile").hasMessageContaining("tutorial, tutorial-nopreempt");
    }

    @Test
    void aFileThatDoesNotExistIsReportedWithItsPath(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");
        assertThat(Files.exists(missing)).isFalse();
        assertThatThrownBy(() -> ProfileLoader.load(missing)).isInstanceOf(ProfileException.class)
                .hasMessageContaining(missing.toString());
    }
}
