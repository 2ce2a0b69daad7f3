package dev.halab.core.profile;

import dev.halab.core.i18n.Bundles;
import dev.halab.core.resources.ProjectResources;
import dev.halab.core.topology.Mode;
import dev.halab.core.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

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
        assertThat(e.text().render(Locale.ENGLISH)).contains("line 7");
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

    record Strict(String what, String key, String json, String expectedEnglish) {
        @Override
        public String toString() {
            return what;
        }
    }

    /** Every way a profile used to be read as something else than written, with the message it now gets. */
    static Stream<Strict> strictCases() {
        String t = tutorialJson();
        return Stream.of(
                new Strict("quoted number", "profile.wrongType", t.replace("\"vrid\": 51", "\"vrid\": \"51\""),
                        "\"vrrp.instances[0].vrid\" must be a whole number without quotes (e.g. 51), but it is \"51\""),
                new Strict("fraction for a whole number", "profile.wrongType", t.replace("\"vrid\": 51", "\"vrid\": 51.9"),
                        "\"vrrp.instances[0].vrid\" must be a whole number without quotes (e.g. 51), but it is 51.9"),
                new Strict("quoted flag", "profile.wrongType", t.replace("\"preempt\": true", "\"preempt\": \"false\""),
                        "\"vrrp.preempt\" must be true or false without quotes, but it is \"false\""),
                new Strict("number for a flag", "profile.wrongType", t.replace("\"preempt\": true", "\"preempt\": 0"),
                        "\"vrrp.preempt\" must be true or false without quotes, but it is 0"),
                new Strict("number for text", "profile.wrongType", t.replace("\"name\": \"nginx1\"", "\"name\": 1"),
                        "\"hosts[0].name\" must be text in double quotes, but it is 1"),
                new Strict("flag for text", "profile.wrongType", t.replace("\"password\": \"123456\"", "\"password\": true"),
                        "\"vrrp.authentication.password\" must be text in double quotes, but it is true"),
                new Strict("quoted decimal", "profile.wrongType", t.replace("\"advertInterval\": 1", "\"advertInterval\": \"1\""),
                        "\"vrrp.advertInterval\" must be a number without quotes (e.g. 1 or 0.5), but it is \"1\""),
                new Strict("index for an enum", "profile.wrongType", t.replace("\"MASTER_BACKUP\"", "0"),
                        "\"mode\" must be one of MASTER_BACKUP, DUAL_MASTER (in double quotes, exactly as written), but it is 0"),
                new Strict("unknown enum value", "profile.wrongType", t.replace("\"role\": \"BACKEND\"", "\"role\": \"backend\""),
                        "\"hosts[2].role\" must be one of FRONTEND, BACKEND"),
                new Strict("object for a list", "profile.wrongType", t.replace("\"instances\": [", "\"instances\": { \"x\": [").replace("}\n    ]", "}]\n    }"),
                        "\"vrrp.instances\" must be a list in square brackets"),
                new Strict("number too large", "profile.wrongType", t.replace("\"vrid\": 51", "\"vrid\": 99999999999"),
                        "\"vrrp.instances[0].vrid\" must be a whole number"),
                new Strict("duplicate key", "profile.duplicateField", t.replace("\"vrid\": 51,", "\"vrid\": 51, \"vrid\": 52,"),
                        "the field \"vrid\" appears twice (at \"vrrp.instances[0].vrid\")"),
                new Strict("duplicate top-level key", "profile.duplicateField", t.replace("\"mode\": \"MASTER_BACKUP\",", "\"mode\": \"MASTER_BACKUP\", \"mode\": \"DUAL_MASTER\","),
                        "the field \"mode\" appears twice (at \"mode\")"),
                new Strict("trailing content", "profile.trailingContent", t + "{\"schemaVersion\": 1}",
                        "there is more text after the closing brace"),
                new Strict("null host", "profile.nullElement", t.replace("\"hosts\": [", "\"hosts\": [ null,"),
                        "the list element \"hosts[0]\" is null"),
                new Strict("null instance", "profile.nullElement", t.replace("\"instances\": [", "\"instances\": [ null,"),
                        "the list element \"vrrp.instances[0]\" is null"),
                new Strict("null for a required number", "profile.wrongType", t.replace("\"vrid\": 51", "\"vrid\": null"),
                        "\"vrrp.instances[0].vrid\" must be a whole number without quotes (e.g. 51), but it is null"),
                new Strict("empty input", "profile.notObject", "", "is not a JSON object"),
                new Strict("too large", "profile.tooLarge", t.replace("\"tutorial\",", "\"tutorial\"," + " ".repeat(ProfileLoader.MAX_BYTES)),
                        "is larger than 256 KiB"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strictCases")
    void aProfileIsReadStrictlyWithAMessageThatSaysWhatToWrite(Strict strict) {
        ProfileException e = failureOf(strict.json());
        assertThat(e).as("refused").isNotNull();
        assertThat(e.text().key()).isEqualTo(strict.key());
        String english = e.text().render(Locale.ENGLISH);
        assertThat(english).contains("broken.json").contains(strict.expectedEnglish()).doesNotContainPattern("\\{\\d\\}");
        String chinese = e.text().render(Bundles.CHINESE);
        assertThat(chinese).containsPattern("\\p{IsHan}").doesNotContainPattern("\\{\\d\\}");
    }

    @Test
    void aHugeFileIsRefusedWithoutReadingItAll(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[ProfileLoader.MAX_BYTES + 10]);
        assertThatThrownBy(() -> ProfileLoader.load(big.toString())).isInstanceOf(ProfileException.class)
                .hasMessageContaining("larger than 256 KiB");
    }

    @Test
    void aNameWithPathCharactersIsNotLookedUpAmongTheShippedProfiles() {
        assertThatThrownBy(() -> ProfileLoader.load("../../pom")).isInstanceOf(ProfileException.class)
                .hasMessageContaining("\"../../pom\" was not found");
    }

    @Test
    void aSavedProfileHoldsNoNullsSoItReadsBackUnderTheStrictRules(@TempDir Path dir) throws Exception {
        Topology tutorial = ProfileLoader.load("tutorial");
        Topology noInterface = tutorial.withNetwork(new dev.halab.core.topology.NetworkSettings(24, null));
        Path file = dir.resolve("saved.json");
        ProfileLoader.save(noInterface, file);
        assertThat(Files.readString(file)).doesNotContain("null");
        assertThat(ProfileLoader.load(file)).isEqualTo(noInterface);
    }

    @Test
    void everyShippedProfileDescribesItselfInBothLanguagesAndTheCallerPicks() throws Exception {
        for (String name : ProfileLoader.shippedProfileNames()) {
            Topology topology = ProfileLoader.load(name);
            assertThat(topology.description(Locale.ENGLISH)).as(name).isNotBlank().doesNotContainPattern("\\p{IsHan}");
            assertThat(topology.description(Bundles.CHINESE)).as(name).containsPattern("\\p{IsHan}");
        }
        Topology noChinese = ProfileLoader.parse(tutorialJson().replaceFirst("\\s*\"description_zh_CN\": \"[^\"]*\",", "")
                .getBytes(StandardCharsets.UTF_8), "en-only.json");
        assertThat(noChinese.description(Bundles.CHINESE)).isEqualTo(noChinese.description());
    }
}
