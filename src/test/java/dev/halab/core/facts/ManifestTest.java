package dev.halab.core.facts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifest as a file on a host: written with its checksum, read back, and recognised when damaged. */
class ManifestTest {
    private static final Manifest SAMPLE = Manifest.empty()
            .withPackages(List.of("nginx", "keepalived"), List.of(), List.of())
            .withFile(new Manifest.FileRecord("/etc/nginx/sites-enabled/default", true, "/var/backups/halab/1/default", true))
            .withPendingHandler("RELOAD_NGINX");
    private static final List<String> USERS = List.of("root", "www-data");
    private static final List<String> GROUPS = List.of("root", "adm");

    @Test
    void whatIsWrittenReadsBackTheSame() {
        Manifest read = Manifest.read(SAMPLE.toBytes());
        assertThat(read.isDamaged()).isFalse();
        assertThat(read).isEqualTo(SAMPLE);
        assertThat(new String(SAMPLE.toBytes(), StandardCharsets.UTF_8))
                .contains("\"version\" : 2").containsPattern("\"checksum\" : \"[0-9a-f]{64}\"").doesNotContain("damage");
    }

    @Test
    void pendingPackagesAreWrittenOnlyWhileThereAreSomeAndSettleIntoAddedOnesWhenInstalled() {
        Manifest pending = SAMPLE.withPendingPackages(List.of("tomcat10", "libtcnative-1"), USERS, GROUPS);
        assertThat(Manifest.read(pending.toBytes())).isEqualTo(pending);
        assertThat(new String(pending.toBytes(), StandardCharsets.UTF_8)).contains("\"packagesPending\" : [ \"tomcat10\", \"libtcnative-1\" ]")
                .contains("\"usersBeforePackages\" : [ \"root\", \"www-data\" ]");
        // Without pending packages the file is what HA Lab wrote before they existed: older manifests keep their checksums.
        assertThat(new String(SAMPLE.toBytes(), StandardCharsets.UTF_8)).doesNotContain("packagesPending").doesNotContain("BeforePackages");

        Manifest settled = pending.withPendingPackagesSettled("tomcat10"::equals, plus(USERS, "tomcat"), plus(GROUPS, "tomcat"));
        assertThat(settled.packagesPending()).isEmpty();
        assertThat(settled.usersBeforePackages()).isEmpty();
        assertThat(settled.groupsBeforePackages()).isEmpty();
        assertThat(settled.packagesAdded()).containsExactly("nginx", "keepalived", "tomcat10");
        assertThat(settled.usersAdded()).containsExactly("tomcat");
        assertThat(settled.groupsAdded()).containsExactly("tomcat");
        assertThat(settled.files()).isEqualTo(SAMPLE.files());
        assertThat(settled.pendingHandlers()).isEqualTo(SAMPLE.pendingHandlers());
        assertThat(Manifest.read(settled.toBytes())).isEqualTo(settled);
    }

    @Test
    void usersThatAppearedWhileNoPendingPackageGotInstalledAreNotHaLabs() {
        // Cut before apt ran: the user came from someone else.
        Manifest settled = SAMPLE.withPendingPackages(List.of("tomcat10"), USERS, GROUPS)
                .withPendingPackagesSettled(p -> false, plus(USERS, "tomcat"), plus(GROUPS, "tomcat"));
        assertThat(settled.packagesAdded()).containsExactly("nginx", "keepalived");
        assertThat(settled.usersAdded()).isEmpty();
        assertThat(settled.groupsAdded()).isEmpty();
        assertThat(settled.packagesPending()).isEmpty();
    }

    @Test
    void aSecondPendingRecordKeepsTheUsersFromBeforeTheFirst() {
        // apt retried after refreshing its lists: the users before the retry may include some the first try created.
        Manifest twice = SAMPLE.withPendingPackages(List.of("tomcat10"), USERS, GROUPS)
                .withPendingPackages(List.of("libtcnative-1"), plus(USERS, "tomcat"), plus(GROUPS, "tomcat"));
        assertThat(twice.packagesPending()).containsExactly("tomcat10", "libtcnative-1");
        assertThat(twice.usersBeforePackages()).isEqualTo(USERS);
        assertThat(twice.groupsBeforePackages()).isEqualTo(GROUPS);
    }

    @Test
    void pendingPackagesRecordedWithoutUsersSettleThePackagesOnly() {
        // A manifest from the HA Lab before users were recorded with pending packages.
        Manifest settled = SAMPLE.withPendingPackages(List.of("tomcat10"), List.of(), List.of())
                .withPendingPackagesSettled("tomcat10"::equals, plus(USERS, "tomcat"), plus(GROUPS, "tomcat"));
        assertThat(settled.packagesAdded()).contains("tomcat10");
        assertThat(settled.usersAdded()).isEmpty();
    }

    private static List<String> plus(List<String> names, String name) {
        List<String> all = new java.util.ArrayList<>(names);
        all.add(name);
        return all;
    }

    @Test
    void aManifestCutShortIsDamagedNotEmpty() {
        byte[] whole = SAMPLE.toBytes();
        for (int length : new int[] {0, 1, whole.length / 2, whole.length - 3}) {
            Manifest read = Manifest.read(Arrays.copyOf(whole, length));
            assertThat(read.damage()).as("cut at " + length + " of " + whole.length).isEqualTo(Manifest.DAMAGE_UNREADABLE);
        }
    }

    @Test
    void anEditedManifestFailsItsChecksum() {
        String text = new String(SAMPLE.toBytes(), StandardCharsets.UTF_8).replace("\"keepalived\"", "\"libc-bin\"");
        assertThat(Manifest.read(text.getBytes(StandardCharsets.UTF_8)).damage()).isEqualTo(Manifest.DAMAGE_CHECKSUM);
        String unsigned = new String(SAMPLE.toBytes(), StandardCharsets.UTF_8).replaceAll("\"checksum\" : \"[0-9a-f]+\"", "\"x\" : 1");
        assertThat(Manifest.read(unsigned.getBytes(StandardCharsets.UTF_8)).damage()).isEqualTo(Manifest.DAMAGE_CHECKSUM);
    }

    @Test
    void aManifestFromANewerHaLabIsNotGuessedAt() {
        String text = new String(SAMPLE.toBytes(), StandardCharsets.UTF_8).replace("\"version\" : 2", "\"version\" : 3");
        assertThat(Manifest.read(text.getBytes(StandardCharsets.UTF_8)).damage()).isEqualTo(Manifest.DAMAGE_VERSION);
    }

    @Test
    void aVersionOneManifestFromAnEarlierHaLabIsStillRead() {
        String v1 = """
                {
                  "version" : 1,
                  "packagesAdded" : [ "nginx" ],
                  "usersAdded" : [ ],
                  "groupsAdded" : [ ],
                  "files" : [ ],
                  "packagesUpgraded" : [ ]
                }
                """;
        Manifest read = Manifest.read(v1.getBytes(StandardCharsets.UTF_8));
        assertThat(read.isDamaged()).isFalse();
        assertThat(read.packagesAdded()).containsExactly("nginx");
    }

    @Test
    void pendingHandlersAreAddedOnceAndRemoved() {
        Manifest twice = SAMPLE.withPendingHandler("RELOAD_NGINX").withPendingHandler("RESTART_KEEPALIVED");
        assertThat(twice.pendingHandlers()).containsExactly("RELOAD_NGINX", "RESTART_KEEPALIVED");
        assertThat(twice.withoutPendingHandler("RELOAD_NGINX").pendingHandlers()).containsExactly("RESTART_KEEPALIVED");
    }
}
