package dev.halab.core.plan;

import dev.halab.core.facts.HostFacts;
import dev.halab.core.facts.Manifest;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.step.TestFacts;
import dev.halab.core.topology.Topology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlanLogicTest {
    static Topology lab;

    @BeforeAll
    static void load() throws Exception {
        lab = ProfileLoader.load("local-lab");
    }

    static Map<String, HostFacts> healthy() {
        Map<String, HostFacts> facts = new LinkedHashMap<>();
        facts.put("nginx1", TestFacts.fresh().address("eth0", "192.168.224.101").build());
        facts.put("nginx2", TestFacts.fresh().address("eth0", "192.168.224.102").build());
        facts.put("tomcat1", TestFacts.fresh().address("eth0", "192.168.224.103").build());
        facts.put("tomcat2", TestFacts.fresh().address("eth0", "192.168.224.104").build());
        return facts;
    }

    static List<String> render(List<PreflightResult> findings) {
        return findings.stream().map(f -> f.host() + ": " + f.text().render(Locale.ENGLISH)).toList();
    }

    @Test
    void healthyFreshHostsPassPreflight() {
        assertThat(Preflight.failures(lab, healthy())).isEmpty();
    }

    @Test
    void aMissingInterfaceIsReportedWithTheOneHoldingTheHostsAddress() {
        Map<String, HostFacts> facts = healthy();
        facts.put("nginx2", TestFacts.fresh().links("lo", "ens33").address("ens33", "192.168.224.102").build());
        assertThat(render(Preflight.failures(lab, facts))).containsExactly(
                "nginx2: The interface eth0 does not exist on nginx2; its address 192.168.224.102 is on ens33. "
                        + "Set \"interface\": \"ens33\" in the profile (network.interface, or the host's interface) and run again.");
    }

    @Test
    void unsupportedSystemsLowDiskAndAForeignVipAreEachOneError() {
        Map<String, HostFacts> facts = healthy();
        facts.put("tomcat1", TestFacts.fresh().os("centos").build());
        facts.put("tomcat2", TestFacts.fresh().disk(50 * 1024).address("eth0", "192.168.224.150").build());
        List<String> findings = render(Preflight.failures(lab, facts));
        assertThat(findings).hasSize(3);
        assertThat(findings.get(0)).isEqualTo("tomcat1: tomcat1 runs centos test, a release HA Lab does not know. Supported releases: "
                + "Debian 11 (bullseye), Debian 12 (bookworm), Debian 13 (trixie), Ubuntu 20.04 (focal), Ubuntu 22.04 (jammy), "
                + "Ubuntu 24.04 (noble), Ubuntu 26.04 (resolute). Install one of them on tomcat1 and run again.");
        assertThat(findings.get(1)).startsWith("tomcat2: tomcat2 has only 50 MB free");
        assertThat(findings.get(2)).startsWith("tomcat2: The VIP 192.168.224.150 is already on tomcat2");
    }

    @Test
    void theVipOnAFrontEndThatHaLabInstalledIsARerunNotAConflict() {
        Map<String, HostFacts> facts = healthy();
        facts.put("nginx1", TestFacts.fresh().address("eth0", "192.168.224.101").address("eth0", "192.168.224.150")
                .manifest(Manifest.empty()).build());
        assertThat(Preflight.failures(lab, facts)).isEmpty();
        assertThat(Preflight.vipUnclaimed(lab, facts, lab.primaryInstance())).isFalse();
    }

    @Test
    void aDiffShowsExactlyTheChangedLine() {
        String diff = Diffs.unified("/etc/keepalived/keepalived.conf", "a\nb\npriority 250\nc\n", "a\nb\npriority 200\nc\n");
        assertThat(diff).isEqualTo(String.join("\n",
                "--- a/etc/keepalived/keepalived.conf",
                "+++ b/etc/keepalived/keepalived.conf",
                "@@ -1,4 +1,4 @@",
                " a",
                " b",
                "-priority 250",
                "+priority 200",
                " c", ""));
        assertThat(Diffs.unified("/x", "same\n", "same\n")).isEmpty();
        assertThat(Diffs.unified("/etc/new", null, "line\n")).startsWith("--- /dev/null\n+++ b/etc/new\n@@ ").endsWith("\n+line\n");
    }

    @Test
    void lastLineOfOutputExplainsAFailure() {
        assertThat(InstallEngine.lastLine("Reading...\nE: Unable to locate package nginx\n\n")).isEqualTo("E: Unable to locate package nginx");
        assertThat(InstallEngine.lastLine("")).isEmpty();
    }
}
