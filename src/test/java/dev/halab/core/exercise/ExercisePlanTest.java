package dev.halab.core.exercise;

import dev.halab.core.exercise.ExercisePlan.HostChange;
import dev.halab.core.i18n.Bundles;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.template.HostFiles;
import dev.halab.core.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each exercise plants exactly its mistake into HA Lab's own file, and the repair is the rendered file again. */
class ExercisePlanTest {
    private final Topology lab = load("local-lab");

    static Topology load(String name) {
        try {
            return ProfileLoader.load(name);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String planted(Exercise exercise, String host) {
        return ExercisePlan.plant(exercise, lab).stream().filter(c -> c.host().name().equals(host))
                .flatMap(c -> c.files().stream()).filter(f -> f.path().equals(HostFiles.KEEPALIVED_CONF))
                .findFirst().orElseThrow().content();
    }

    private String rendered(String host) {
        return HostFiles.forHost(lab, lab.host(host)).stream().filter(f -> f.path().equals(HostFiles.KEEPALIVED_CONF))
                .findFirst().orElseThrow().content();
    }

    @Test
    void atLeastSevenExercisesEachWithTextsInBothLanguagesAndADiagnosis() {
        assertThat(Exercise.values()).hasSizeGreaterThanOrEqualTo(7);
        for (Exercise e : Exercise.values()) {
            assertThat(e.diagnosis()).isNotEmpty();
            for (Locale locale : List.of(Locale.ENGLISH, Bundles.CHINESE)) {
                for (var text : List.of(e.title(), e.symptom(), e.explanation())) {
                    assertThat(text.render(locale)).as(text.key()).doesNotStartWith("exercise.");
                }
            }
            assertThat(Exercise.parse(e.id())).contains(e);
        }
    }

    @Test
    void eachPlantChangesTheIntendedLineOnly() {
        int master = lab.vrrp().masterPriority();
        int backup = lab.vrrp().backupPriority();
        String iface = lab.interfaceOf(lab.host("nginx1"));
        assertThat(planted(Exercise.WRONG_INTERFACE, "nginx1")).contains("interface ens33").doesNotContain("interface " + iface + "\n");
        assertThat(planted(Exercise.PRIORITIES_INVERTED, "nginx1")).contains("priority " + backup + "\n");
        assertThat(planted(Exercise.PRIORITIES_INVERTED, "nginx2")).contains("priority " + master + "\n");
        assertThat(planted(Exercise.WEIGHT_TOO_SMALL, "nginx1")).contains("weight -5\n");
        assertThat(master - 5).isGreaterThan(backup);
        assertThat(planted(Exercise.AUTH_MISMATCH, "nginx2")).contains("auth_pass halab-x");
        assertThat(planted(Exercise.VRID_CLASH, "nginx2")).contains("virtual_router_id " + (lab.primaryInstance().vrid() + 1));
        String nopreempt = planted(Exercise.NOPREEMPT_MASTER, "nginx1");
        assertThat(nopreempt).contains("state MASTER", "    nopreempt\n");
        assertThat(planted(Exercise.NOPREEMPT_MASTER, "nginx2")).contains("state BACKUP", "    nopreempt\n");
        for (Exercise e : List.of(Exercise.PRIORITIES_INVERTED, Exercise.AUTH_MISMATCH, Exercise.VRID_CLASH)) {
            String host = e == Exercise.PRIORITIES_INVERTED ? "nginx1" : "nginx2";
            List<String> before = rendered(host).lines().toList();
            List<String> after = planted(e, host).lines().toList();
            assertThat(after).hasSameSizeAs(before);
            long changed = java.util.stream.IntStream.range(0, before.size()).filter(i -> !before.get(i).equals(after.get(i))).count();
            assertThat(changed).as(e.id()).isEqualTo(1);
        }
        HostChange firewall = ExercisePlan.plant(Exercise.VRRP_BLOCKED, lab).get(0);
        assertThat(firewall.host().name()).isEqualTo("nginx2");
        assertThat(firewall.commands().get(0).display()).contains("command -v nft", "install -y --no-install-recommends nftables");
        assertThat(firewall.commands().get(1).display()).contains("ip protocol 112 drop");
        assertThat(ExercisePlan.plant(Exercise.WRONG_INTERFACE, lab)).singleElement()
                .satisfies(c -> assertThat(c.restartMayFail()).as("keepalived refusing to start is the symptom").isTrue());
        assertThat(Arrays.stream(Exercise.values()).filter(e -> e != Exercise.WRONG_INTERFACE)
                .flatMap(e -> ExercisePlan.plant(e, lab).stream())).noneMatch(HostChange::restartMayFail);
    }

    @Test
    void theRepairIsHaLabsOwnFileOnBothFrontEnds() {
        for (Exercise e : Exercise.values()) {
            List<HostChange> repair = ExercisePlan.repair(e, lab);
            assertThat(repair).extracting(c -> c.host().name()).containsExactly("nginx1", "nginx2");
            for (HostChange change : repair) {
                assertThat(change.files().get(0).content()).isEqualTo(rendered(change.host().name()));
            }
        }
        assertThat(ExercisePlan.repair(Exercise.VRRP_BLOCKED, lab).get(1).commands().get(0).display()).contains("nft delete table");
    }

    @Test
    void anExerciseThatDoesNotFitTheProfileIsRefusedWithTheReason() {
        Topology dual = load("local-lab-dual-master");
        assertThatThrownBy(() -> ExercisePlan.plant(Exercise.AUTH_MISMATCH, dual)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("master/backup");
        Topology fast = load("local-lab-fast");
        if (fast.vrrp().authentication() == null) {
            assertThatThrownBy(() -> ExercisePlan.plant(Exercise.AUTH_MISMATCH, fast)).hasMessageContaining("auth_pass");
        }
    }
}
