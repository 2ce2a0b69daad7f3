package dev.halab.core.plan;

import dev.halab.core.facts.HostFacts;
import dev.halab.core.step.TestFacts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every check of every host is reported, passed or not, so a front end can show what was checked. */
class PreflightChecksTest {

    @BeforeAll
    static void load() throws Exception {
        PlanLogicTest.load();
    }

    private static List<String> render(List<Preflight.Check> checks) {
        return checks.stream().map(c -> c.host() + " " + c.id() + " " + (c.passed() ? "ok" : "FAIL") + ": "
                + c.detail().render(Locale.ENGLISH)).toList();
    }

    @Test
    void healthyHostsReportEachCheckPassedWithWhatWasFound() {
        List<Preflight.Check> checks = Preflight.checks(PlanLogicTest.lab, PlanLogicTest.healthy(), Set.of());
        assertThat(checks).allMatch(Preflight.Check::passed);
        assertThat(checks.stream().filter(c -> c.host().equals("nginx1")).map(Preflight.Check::id))
                .containsExactly("root", "os", "nic", "disk", "vip", "apt");
        // a back end has no VRRP interface to check
        assertThat(checks.stream().filter(c -> c.host().equals("tomcat1")).map(Preflight.Check::id))
                .containsExactly("root", "os", "disk", "vip", "apt");
        assertThat(render(checks)).contains("nginx1 nic ok: Interface eth0 exists.",
                "nginx1 vip ok: 192.168.224.150 not in use by another machine.");
        assertThat(checks.get(0).title().render(Locale.ENGLISH)).isEqualTo("Root or sudo");
        assertThat(checks.get(0).title().render(Locale.SIMPLIFIED_CHINESE)).isEqualTo("root 或 sudo");
    }

    @Test
    void aFailedCheckCarriesTheSameReasonAsTheFailureList() {
        Map<String, HostFacts> facts = PlanLogicTest.healthy();
        facts.put("tomcat2", TestFacts.fresh().disk(50 * 1024).address("eth0", "192.168.224.104").build());
        List<String> rendered = render(Preflight.checks(PlanLogicTest.lab, facts, Set.of()));
        assertThat(rendered).filteredOn(r -> r.contains("FAIL")).singleElement()
                .asString().startsWith("tomcat2 disk FAIL: tomcat2 has only 50 MB free");
        assertThat(Preflight.check(PlanLogicTest.lab, facts)).hasSize(1);
    }

    @Test
    void aVipThatAnswersAPingFailsTheVipCheckOfItsMaster() {
        List<String> rendered = render(Preflight.checks(PlanLogicTest.lab, PlanLogicTest.healthy(), Set.of("192.168.224.150")));
        assertThat(rendered).filteredOn(r -> r.contains("FAIL")).singleElement()
                .asString().startsWith("nginx1 vip FAIL: The VIP 192.168.224.150 already answers a ping from nginx1");
    }
}
