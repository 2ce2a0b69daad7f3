package dev.halab.core.plan;

import dev.halab.core.facts.Distros;
import dev.halab.core.facts.Firewall;
import dev.halab.core.facts.HostFacts;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.step.TestFacts;
import dev.halab.core.topology.Remedy;
import dev.halab.core.topology.Topology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The pre-flight checks as data: given these facts (and what the front ends heard), expect these results. */
class PreflightChecksTest {
    static Topology lab;
    static final String NONCE = "n0nce";

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

    static List<String> failures(List<PreflightResult> results) {
        return results.stream().filter(PreflightResult::failed)
                .map(r -> r.check().stepId() + " " + r.host() + ": " + r.text().render(Locale.ENGLISH)).toList();
    }

    static List<String> all(List<PreflightResult> results) {
        return results.stream().map(r -> r.status() + " " + r.check().stepId() + " " + r.host() + ": "
                + r.text().render(Locale.ENGLISH)).toList();
    }

    // ------------------------------------------------------------ release and packages

    @Test
    void aReleaseHaLabDoesNotKnowIsRefusedWithItsNameAndTheSupportedOnes() {
        Map<String, HostFacts> facts = healthy();
        facts.put("tomcat1", TestFacts.fresh().os("ubuntu", "23.10").address("eth0", "192.168.224.103").build());
        assertThat(failures(Preflight.check(lab, facts))).containsExactly("preflight.os tomcat1: tomcat1 runs "
                + "ubuntu test, a release HA Lab does not know. Supported releases: " + Distros.supportedNames()
                + ". Install one of them on tomcat1 and run again.");
    }

    @Test
    void eachKnownReleaseIsNamedWithItsTomcatPackage() {
        Map<String, HostFacts> facts = healthy();
        facts.put("tomcat1", TestFacts.fresh().os("debian", "11").address("eth0", "192.168.224.103").build());
        assertThat(all(Preflight.check(lab, facts))).contains(
                "PASSED preflight.os tomcat1: Debian 11 (bullseye); tomcat comes from its package tomcat9.",
                "PASSED preflight.os tomcat2: Debian 12 (bookworm); tomcat comes from its package tomcat10.");
    }

    @Test
    void aPackageWithoutCandidateIsNamedAtPreflight() {
        Map<String, HostFacts> facts = healthy();
        facts.put("tomcat1", TestFacts.fresh().os("debian", "11").candidate("tomcat9", HostFacts.NO_CANDIDATE)
                .address("eth0", "192.168.224.103").build());
        facts.put("tomcat2", TestFacts.fresh().os("ubuntu", "22.04").candidate("tomcat9", HostFacts.NO_CANDIDATE)
                .address("eth0", "192.168.224.104").build());
        assertThat(failures(Preflight.check(lab, facts))).containsExactly(
                "preflight.packages tomcat1: apt on tomcat1 offers no package tomcat9, which Debian 11 (bullseye) needs. "
                        + "Check that /etc/apt/sources.list (or /etc/apt/sources.list.d/) on tomcat1 lists the release's main "
                        + "repository, run \"apt-get update\" there, then run pre-flight again.",
                "preflight.packages tomcat2: apt on tomcat2 offers no package tomcat9, which Ubuntu 22.04 (jammy) needs; "
                        + "Ubuntu ships it in the \"universe\" component. Enable universe on tomcat2 (\"add-apt-repository "
                        + "universe\", or add it to /etc/apt/sources.list), run \"apt-get update\", then run pre-flight again.");
    }

    @Test
    void candidatesFoundPassWithTheirVersionsAndUnknownOnesAreLeftToTheRunner() {
        Map<String, HostFacts> facts = healthy();
        facts.put("tomcat1", TestFacts.fresh().candidate("tomcat10", "10.1.40-1").address("eth0", "192.168.224.103").build());
        List<String> results = all(Preflight.check(lab, facts));
        assertThat(results).contains("PASSED preflight.packages tomcat1: apt can install tomcat10 10.1.40-1.");
        assertThat(results).noneMatch(r -> r.contains("preflight.packages tomcat2"));
    }

    // ------------------------------------------------------------ cloned VMs

    @Test
    void clonedVmsAreNamedByWhatTheyShare() {
        Map<String, HostFacts> facts = healthy();
        facts.put("nginx1", TestFacts.fresh().address("eth0", "192.168.224.101")
                .identity("aaaa", Map.of("eth0", "00:0c:29:11:22:33"), List.of("key1")).build());
        facts.put("nginx2", TestFacts.fresh().address("eth0", "192.168.224.102")
                .identity("aaaa", Map.of("ens33", "00:0c:29:11:22:33"), List.of("key1", "key2")).build());
        facts.put("tomcat1", TestFacts.fresh().address("eth0", "192.168.224.103")
                .identity("bbbb", Map.of("eth0", "00:0c:29:44:55:66"), List.of("key3")).build());
        assertThat(failures(Preflight.check(lab, facts))).containsExactly(
                "preflight.clones nginx2: nginx2 has the same machine-id as nginx1 (aaaa): it looks like a cloned VM. "
                        + "Give nginx2 its own: \"rm /etc/machine-id && systemd-machine-id-setup\", then reboot it.",
                "preflight.clones nginx2: nginx2 has the same SSH host key as nginx1: it looks like a cloned VM, and SSH "
                        + "cannot tell the two apart. Give nginx2 new keys: \"rm /etc/ssh/ssh_host_* && dpkg-reconfigure "
                        + "openssh-server\", then run pre-flight again (HA Lab asks to trust the new key).",
                "preflight.clones nginx2: The interface ens33 of nginx2 has the same MAC address as eth0 of nginx1 "
                        + "(00:0c:29:11:22:33): the two VMs take each other's traffic. Power nginx2 off; in VMware open its "
                        + "network adapter, \"Advanced...\", click \"Generate\" for a new MAC address, then start it again.");
        assertThat(all(Preflight.check(lab, facts))).contains(
                "PASSED preflight.clones tomcat1: No other host shares its machine-id, MAC address or SSH host key.");
    }

    // ------------------------------------------------------------ VRRP delivery and VRIDs

    static VrrpProbe.Advert probe(String from) {
        return new VrrpProbe.Advert(from, 0, 2, 0, 5, NONCE);
    }

    static VrrpProbe.Advert router(String from, int vrid) {
        return new VrrpProbe.Advert(from, vrid, 2, 100, 4, "-");
    }

    static Map<String, VrrpProbe.Outcome> heard(List<VrrpProbe.Advert> atNginx1, List<VrrpProbe.Advert> atNginx2) {
        Map<String, VrrpProbe.Outcome> outcomes = new LinkedHashMap<>();
        outcomes.put("nginx1", new VrrpProbe.Outcome(atNginx1, null));
        outcomes.put("nginx2", new VrrpProbe.Outcome(atNginx2, null));
        return outcomes;
    }

    @Test
    void advertsArrivingBothWaysAndAQuietSegmentPass() {
        List<PreflightResult> results = VrrpVerdicts.judge(lab, healthy(),
                heard(List.of(probe("192.168.224.102")), List.of(probe("192.168.224.101"))), NONCE);
        assertThat(all(results)).containsExactly(
                "PASSED preflight.multicast nginx1: VRRP adverts (multicast to 224.0.0.18) from nginx2 reach nginx1 on eth0.",
                "PASSED preflight.multicast nginx2: VRRP adverts (multicast to 224.0.0.18) from nginx1 reach nginx2 on eth0.",
                "PASSED preflight.vrid nginx1: No other VRRP router heard on eth0 in 4 s.",
                "PASSED preflight.vrid nginx2: No other VRRP router heard on eth0 in 4 s.");
    }

    @Test
    void multicastDroppedOnOneLinkFailsThatDirectionAndOffersUnicast() {
        List<PreflightResult> results = VrrpVerdicts.judge(lab, healthy(),
                heard(List.of(probe("192.168.224.102")), List.of()), NONCE);
        assertThat(failures(results)).containsExactly("preflight.multicast nginx2: VRRP adverts from nginx1 (IP protocol 112, "
                + "multicast to 224.0.0.18) do not reach nginx2 on eth0: the network drops multicast, and both front ends "
                + "would hold the VIP at once. Switch the pair to unicast VRRP (\"Use unicast VRRP\", or \"halab install "
                + "--unicast\"), or let multicast through (VMware: a NAT or host-only network passes it).");
        Remedy remedy = results.stream().filter(PreflightResult::failed).findFirst().orElseThrow().remedy().orElseThrow();
        assertThat(remedy).isEqualTo(new Remedy.UseUnicast());
        assertThat(remedy.label().render(Locale.SIMPLIFIED_CHINESE)).isEqualTo("改用单播 VRRP");
        Topology fixed = remedy.apply(lab);
        assertThat(fixed.vrrp().unicast()).isTrue();
        assertThat(lab.vrrp().unicast()).isFalse();
    }

    @Test
    void aProbeFromAnotherRunOrAnotherHostDoesNotCountAsDelivered() {
        VrrpProbe.Advert stale = new VrrpProbe.Advert("192.168.224.101", 0, 2, 0, 5, "other");
        VrrpProbe.Advert stranger = probe("192.168.224.77");
        List<PreflightResult> results = VrrpVerdicts.judge(lab, healthy(),
                heard(List.of(probe("192.168.224.102")), List.of(stale, stranger)), NONCE);
        assertThat(failures(results)).hasSize(1).allMatch(f -> f.startsWith("preflight.multicast nginx2:"));
    }

    @Test
    void aClosedFirewallThatTheInstallOpensIsAWarningNotAFailure() {
        Map<String, HostFacts> facts = healthy();
        facts.put("nginx2", TestFacts.fresh().firewall(new Firewall(Firewall.Kind.UFW, false))
                .address("eth0", "192.168.224.102").build());
        List<PreflightResult> results = VrrpVerdicts.judge(lab, facts, heard(List.of(probe("192.168.224.102")), List.of()), NONCE);
        assertThat(failures(results)).isEmpty();
        assertThat(all(results)).contains("WARNING preflight.multicast nginx2: VRRP adverts from nginx1 do not reach nginx2 now "
                + "because its firewall (ufw) blocks them; the install opens it for VRRP from nginx1.");
    }

    @Test
    void unicastBlockedFailsWithoutARemedy() {
        Topology unicast = new Remedy.UseUnicast().apply(lab);
        List<PreflightResult> results = VrrpVerdicts.judge(unicast, healthy(), heard(List.of(), List.of(probe("192.168.224.101"))), NONCE);
        assertThat(failures(results)).containsExactly("preflight.multicast nginx1: VRRP adverts from nginx2 (192.168.224.102, "
                + "IP protocol 112, unicast) do not reach nginx1 (192.168.224.101): something between them drops protocol 112. "
                + "Allow IP protocol 112 (vrrp) from 192.168.224.102 on nginx1 and on the network, then run pre-flight again.");
        assertThat(results.stream().filter(PreflightResult::failed).findFirst().orElseThrow().remedy()).isEmpty();
    }

    @Test
    void aNeighbourUsingOurVridIsRefusedWithEveryVridHeardAndAFreeOne() {
        List<VrrpProbe.Advert> segment = List.of(probe("192.168.224.102"), router("192.168.224.201", 51),
                router("192.168.224.202", 52), router("192.168.224.101", 51));
        List<PreflightResult> results = VrrpVerdicts.judge(lab, healthy(), heard(segment, List.of(probe("192.168.224.101"))), NONCE);
        assertThat(failures(results)).containsExactly("preflight.vrid nginx1: nginx1 hears another router using VRID 51 "
                + "(192.168.224.201); instance VI_1 uses the same VRID, and the two would fight over it. Use a free VRID such "
                + "as 53 (\"Use VRID 53\", or set \"vrid\" in the profile), and agree with your neighbours on one VRID each. "
                + "Heard: VRID 51 (192.168.224.201), 52 (192.168.224.202).");
        Remedy remedy = results.stream().filter(PreflightResult::failed).findFirst().orElseThrow().remedy().orElseThrow();
        assertThat(remedy).isEqualTo(new Remedy.UseVrid("VI_1", 53));
        assertThat(remedy.apply(lab).primaryInstance().vrid()).isEqualTo(53);
        assertThat(remedy.label().render(Locale.ENGLISH)).isEqualTo("Use VRID 53 for VI_1");
    }

    @Test
    void otherVridsAreReportedAndUnicastIgnoresAClash() {
        List<VrrpProbe.Advert> segment = List.of(probe("192.168.224.102"), router("192.168.224.202", 52));
        assertThat(all(VrrpVerdicts.judge(lab, healthy(), heard(segment, List.of(probe("192.168.224.101"))), NONCE)))
                .contains("PASSED preflight.vrid nginx1: Other VRRP routers on the segment, none with this profile's "
                        + "VRIDs: VRID 52 (192.168.224.202).");
        Topology unicast = new Remedy.UseUnicast().apply(lab);
        List<VrrpProbe.Advert> clash = List.of(probe("192.168.224.102"), router("192.168.224.201", 51));
        assertThat(failures(VrrpVerdicts.judge(unicast, healthy(), heard(clash, List.of(probe("192.168.224.101"))), NONCE)))
                .isEmpty();
    }

    @Test
    void theFreeVridWrapsPast255AndSkipsEveryVridInUse() {
        Map<String, VrrpProbe.Outcome> outcomes = heard(List.of(router("10.0.0.1", 255), router("10.0.0.2", 1)), List.of());
        assertThat(VrrpVerdicts.freeVrid(lab, outcomes, 254)).isEqualTo(2);
    }

    @Test
    void aFrontEndWhereTheCheckCouldNotRunIsAWarning() {
        Map<String, VrrpProbe.Outcome> outcomes = new LinkedHashMap<>();
        outcomes.put("nginx1", VrrpProbe.Outcome.failed("PermissionError: [Errno 1] Operation not permitted"));
        outcomes.put("nginx2", new VrrpProbe.Outcome(List.of(), null));
        List<String> results = all(VrrpVerdicts.judge(lab, healthy(), outcomes, NONCE));
        assertThat(results).contains("WARNING preflight.multicast nginx1: Could not check whether VRRP adverts from nginx2 "
                + "reach nginx1: PermissionError: [Errno 1] Operation not permitted");
    }

    @Test
    void theProbesOutputIsParsed() {
        VrrpProbe.Outcome outcome = VrrpProbe.parse(new CommandResult(0,
                "ready\nadvert\t192.168.224.102\t0\t2\t0\t5\tn0nce\nadvert\t192.168.224.201\t51\t2\t100\t4\t-\nend\n", ""));
        assertThat(outcome.ran()).isTrue();
        assertThat(outcome.adverts()).containsExactly(probe("192.168.224.102"), router("192.168.224.201", 51));
        assertThat(VrrpProbe.parse(new CommandResult(1, "", "Traceback...\nPermissionError: denied\n")).error())
                .isEqualTo("PermissionError: denied");
    }

    // ------------------------------------------------------------ the controller's route

    @Test
    void theVipMustBeInTheMastersSubnetAndRoutedLikeTheHosts() {
        Map<String, HostFacts> facts = healthy();
        assertThat(all(ControllerRoute.judge(lab, facts, a -> Optional.of("192.168.224.1")))).containsExactly(
                "PASSED preflight.controller nginx1: This computer reaches 192.168.224.0/24 from 192.168.224.1; "
                        + "the VIP 192.168.224.150 lies in that subnet.");
        assertThat(failures(ControllerRoute.judge(lab, facts,
                a -> Optional.of(a.equals("192.168.224.150") ? "10.0.0.5" : "192.168.224.1")))).containsExactly(
                "preflight.controller nginx1: This computer would send to the VIP 192.168.224.150 from 10.0.0.5, but reaches "
                        + "nginx1 from 192.168.224.1: the VIP is routed another way than the hosts. Pick a VIP in the hosts' "
                        + "subnet, or check this computer's routes (\"ip route\").");
        assertThat(ControllerRoute.judge(lab, facts, a -> Optional.empty())).isEmpty();
    }

    @Test
    void aVipOutsideTheSubnetIsRefused() {
        Map<String, HostFacts> facts = healthy();
        facts.put("nginx1", TestFacts.fresh().addressWithPrefix("eth0", "192.168.224.101", 28).build());
        assertThat(failures(ControllerRoute.judge(lab, facts, a -> Optional.of("192.168.224.1")))).containsExactly(
                "preflight.controller nginx1: The VIP 192.168.224.150 is not in the subnet 192.168.224.96/28 of nginx1's eth0: "
                        + "keepalived would raise it, but nobody on the network could reach it. Pick a free address in "
                        + "192.168.224.96/28 for the VIP.");
    }

    @Test
    void candidatesAnswersAreParsed() {
        PackageCandidates.Answer answer = PackageCandidates.parse(new CommandResult(0,
                "updatefailed\tE: Failed to fetch http://mirror/dists/x/InRelease\ncandidate\ttomcat9\t(none)\n"
                        + "candidate\tnginx\t1.18.0-6.1\nend\tok\n", ""));
        assertThat(answer.candidates()).containsEntry("tomcat9", "(none)").containsEntry("nginx", "1.18.0-6.1");
        assertThat(answer.updateError()).isEqualTo("E: Failed to fetch http://mirror/dists/x/InRelease");
    }

    // ------------------------------------------------------------ every check is reported, passed or not

    private static List<String> render(List<Preflight.Check> checks) {
        return checks.stream().map(c -> c.host() + " " + c.id() + " " + (c.passed() ? "ok" : "FAIL") + ": "
                + c.detail().render(Locale.ENGLISH)).toList();
    }

    @Test
    void healthyHostsReportEachCheckPassedWithWhatWasFound() {
        List<Preflight.Check> checks = Preflight.checks(lab, healthy(), Set.of());
        assertThat(checks).allMatch(Preflight.Check::passed);
        assertThat(checks.stream().filter(c -> c.host().equals("nginx1")).map(Preflight.Check::id))
                .containsExactly("root", "os", "nic", "disk", "vip", "apt", "clones");
        // a back end has no VRRP interface to check
        assertThat(checks.stream().filter(c -> c.host().equals("tomcat1")).map(Preflight.Check::id))
                .containsExactly("root", "os", "disk", "vip", "apt", "clones");
        assertThat(render(checks)).contains("nginx1 nic ok: Interface eth0 exists.",
                "nginx1 vip ok: 192.168.224.150 not in use by another machine.");
        assertThat(checks.get(0).title().render(Locale.ENGLISH)).isEqualTo("Root or sudo");
        assertThat(checks.get(0).title().render(Locale.SIMPLIFIED_CHINESE)).isEqualTo("root 或 sudo");
        for (PreflightCheck check : PreflightCheck.values()) {
            assertThat(Preflight.title(check.id()).render(Locale.ENGLISH)).doesNotStartWith("check.");
            assertThat(Preflight.title(check.id()).render(Locale.SIMPLIFIED_CHINESE)).doesNotStartWith("check.");
        }
    }

    @Test
    void aFailedCheckCarriesTheSameReasonAsTheFailureList() {
        Map<String, HostFacts> facts = healthy();
        facts.put("tomcat2", TestFacts.fresh().disk(50 * 1024).address("eth0", "192.168.224.104").build());
        List<String> rendered = render(Preflight.checks(lab, facts, Set.of()));
        assertThat(rendered).filteredOn(r -> r.contains("FAIL")).singleElement()
                .asString().startsWith("tomcat2 disk FAIL: tomcat2 has only 50 MB free");
        assertThat(Preflight.failures(lab, facts)).hasSize(1);
    }

    @Test
    void aVipThatAnswersAPingFailsTheVipCheckOfItsMaster() {
        List<String> rendered = render(Preflight.checks(lab, healthy(), Set.of("192.168.224.150")));
        assertThat(rendered).filteredOn(r -> r.contains("FAIL")).singleElement()
                .asString().startsWith("nginx1 vip FAIL: The VIP 192.168.224.150 already answers a ping from nginx1");
    }
}
