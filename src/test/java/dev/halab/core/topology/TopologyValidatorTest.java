package dev.halab.core.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.halab.core.i18n.Bundles;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.resources.ProjectResources;
import dev.halab.core.topology.Problem.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.halab.core.topology.Problem.Severity.ERROR;
import static dev.halab.core.topology.Problem.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case per validation rule: a shipped profile with one thing broken, the problem expected
 * (code, field, severity), and its message rendered in English and Chinese.
 */
class TopologyValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Case(String code, Severity severity, String field, String profile, Consumer<ObjectNode> breakIt) {
        @Override
        public String toString() {
            return code + " at " + field;
        }
    }

    static Stream<Case> rules() {
        return Stream.of(
                new Case("mode.missing", ERROR, "mode", "tutorial", p -> p.remove("mode")),
                new Case("section.missing", ERROR, "nginx", "tutorial", p -> p.remove("nginx")),
                new Case("hosts.frontEndCount", ERROR, "hosts", "tutorial", p -> host(p, 1).put("role", "BACKEND")),
                new Case("hosts.backEndCount", ERROR, "hosts", "tutorial", p -> {
                    hosts(p).remove(3);
                    hosts(p).remove(2);
                }),
                new Case("host.name.invalid", ERROR, "hosts[0].name", "tutorial", p -> host(p, 0).put("name", "Nginx_1")),
                // A missing name is reported by its path (it used to end in a NullPointerException).
                new Case("host.name.invalid", ERROR, "hosts[0].name", "tutorial", p -> host(p, 0).remove("name")),
                new Case("host.name.invalid", ERROR, "hosts[1].name", "dual-master", p -> host(p, 1).putNull("name")),
                new Case("host.name.duplicate", ERROR, "hosts[1].name", "tutorial", p -> host(p, 1).put("name", "nginx1")),
                new Case("host.role.missing", ERROR, "hosts[2].role", "tutorial", p -> host(p, 2).remove("role")),
                new Case("host.header.invalid", ERROR, "hosts[0].nginxHeader", "tutorial", p -> host(p, 0).put("nginxHeader", "NGINX \"1\"")),
                new Case("host.header.duplicate", ERROR, "hosts", "tutorial", p -> host(p, 1).put("nginxHeader", "NGINX-1")),
                new Case("host.weight.ignored", WARNING, "hosts[0].upstreamWeight", "tutorial", p -> host(p, 0).put("upstreamWeight", 1)),
                new Case("host.weight.range", ERROR, "hosts[2].upstreamWeight", "tutorial", p -> host(p, 2).put("upstreamWeight", 0)),
                new Case("ip.malformed", ERROR, "hosts[2].address", "tutorial", p -> host(p, 2).put("address", "192.168.224.300")),
                new Case("ip.leadingZero", ERROR, "hosts[2].address", "tutorial", p -> host(p, 2).put("address", "192.168.224.010")),
                new Case("ip.unusable", ERROR, "hosts[2].address", "tutorial", p -> host(p, 2).put("address", "127.0.0.1")),
                new Case("address.duplicate", ERROR, "hosts[3].address", "tutorial", p -> host(p, 3).put("address", "192.168.224.103")),
                new Case("prefix.range", ERROR, "network.prefixLength", "tutorial", p -> obj(p, "network").put("prefixLength", 31)),
                new Case("interface.invalid", ERROR, "network.interface", "tutorial", p -> obj(p, "network").put("interface", "ens 33")),
                new Case("frontEnd.outsideSubnet", ERROR, "hosts[1].address", "tutorial", p -> host(p, 1).put("address", "192.168.225.102")),
                new Case("vrrp.version", ERROR, "vrrp.version", "tutorial", p -> vrrp(p).put("version", 4)),
                new Case("advert.positive", ERROR, "vrrp.advertInterval", "tutorial", p -> vrrp(p).put("advertInterval", 0)),
                new Case("advert.v3Range", ERROR, "vrrp.advertInterval", "fast-failover", p -> vrrp(p).put("advertInterval", 0.005)),
                new Case("advert.v2Fraction", WARNING, "vrrp.advertInterval", "tutorial", p -> vrrp(p).put("advertInterval", 0.5)),
                new Case("advert.v2Range", ERROR, "vrrp.advertInterval", "tutorial", p -> vrrp(p).put("advertInterval", 300)),
                new Case("priority.range", ERROR, "vrrp.masterPriority", "tutorial", p -> vrrp(p).put("masterPriority", 255)),
                new Case("priority.order", ERROR, "vrrp.masterPriority", "tutorial", p -> vrrp(p).put("masterPriority", 240).put("backupPriority", 250)),
                new Case("auth.v3", ERROR, "vrrp.authentication", "fast-failover", p -> vrrp(p).putObject("authentication").put("type", "PASS").put("password", "1234")),
                new Case("auth.type", ERROR, "vrrp.authentication.type", "tutorial", p -> obj(vrrp(p), "authentication").put("type", "MD5")),
                new Case("auth.pass.missing", ERROR, "vrrp.authentication.password", "tutorial", p -> obj(vrrp(p), "authentication").put("password", "")),
                new Case("auth.pass.chars", ERROR, "vrrp.authentication.password", "tutorial", p -> obj(vrrp(p), "authentication").put("password", "12 34")),
                // keepalived's reader: '{' / '}' open or close a block mid-line, '#' / '!' start a comment, '$' substitutes.
                new Case("auth.pass.chars", ERROR, "vrrp.authentication.password", "tutorial", p -> obj(vrrp(p), "authentication").put("password", "ab}cd")),
                new Case("auth.pass.chars", ERROR, "vrrp.authentication.password", "tutorial", p -> obj(vrrp(p), "authentication").put("password", "ab{cd")),
                new Case("auth.pass.chars", ERROR, "vrrp.authentication.password", "tutorial", p -> obj(vrrp(p), "authentication").put("password", "ab$cd")),
                new Case("auth.pass.chars", ERROR, "vrrp.authentication.password", "tutorial", p -> obj(vrrp(p), "authentication").put("password", "ab#cd")),
                new Case("auth.pass.chars", ERROR, "vrrp.authentication.password", "tutorial", p -> obj(vrrp(p), "authentication").put("password", "密码")),
                new Case("auth.pass.long", WARNING, "vrrp.authentication.password", "tutorial", p -> obj(vrrp(p), "authentication").put("password", "123456789")),
                new Case("check.missing", WARNING, "vrrp.checkScript", "tutorial", p -> vrrp(p).remove("checkScript")),
                new Case("check.interval", ERROR, "vrrp.checkScript.interval", "tutorial", p -> obj(vrrp(p), "checkScript").put("interval", 0)),
                new Case("check.weight.range", ERROR, "vrrp.checkScript.weight", "tutorial", p -> obj(vrrp(p), "checkScript").put("weight", -300)),
                new Case("check.weight.tooSmall", ERROR, "vrrp.checkScript.weight", "tutorial", p -> obj(vrrp(p), "checkScript").put("weight", -5)),
                new Case("check.weight.tooSmallPositive", ERROR, "vrrp.checkScript.weight", "tutorial", p -> obj(vrrp(p), "checkScript").put("weight", 5)),
                new Case("instances.single", ERROR, "vrrp.instances", "tutorial", p -> instances(p).addObject()
                        .put("name", "VI_2").put("vrid", 52).put("vip", "192.168.224.151").put("master", "nginx2")),
                new Case("instances.dual", ERROR, "vrrp.instances", "dual-master", p -> instances(p).remove(1)),
                new Case("instance.name", ERROR, "vrrp.instances[0].name", "tutorial", p -> instance(p, 0).put("name", "VI-1")),
                new Case("instance.name.duplicate", ERROR, "vrrp.instances[1].name", "dual-master", p -> instance(p, 1).put("name", "VI_1")),
                new Case("vrid.range", ERROR, "vrrp.instances[0].vrid", "tutorial", p -> instance(p, 0).put("vrid", 256)),
                new Case("vrid.duplicate", ERROR, "vrrp.instances[1].vrid", "dual-master", p -> instance(p, 1).put("vrid", 51)),
                new Case("vip.equalsHost", ERROR, "vrrp.instances[0].vip", "tutorial", p -> instance(p, 0).put("vip", "192.168.224.101")),
                new Case("vip.duplicate", ERROR, "vrrp.instances[1].vip", "dual-master", p -> instance(p, 1).put("vip", "192.168.224.150")),
                new Case("vip.outsideSubnet", ERROR, "vrrp.instances[0].vip", "tutorial", p -> instance(p, 0).put("vip", "192.168.225.150")),
                new Case("vip.networkOrBroadcast", ERROR, "vrrp.instances[0].vip", "tutorial", p -> instance(p, 0).put("vip", "192.168.224.255")),
                new Case("instance.master", ERROR, "vrrp.instances[0].master", "tutorial", p -> instance(p, 0).put("master", "tomcat1")),
                new Case("instance.master.duplicate", ERROR, "vrrp.instances[1].master", "dual-master", p -> instance(p, 1).put("master", "nginx1")),
                new Case("state.invalid", ERROR, "vrrp.instances[0].initialState", "tutorial", p -> instance(p, 0).put("initialState", "LEADER")),
                new Case("state.nopreemptMaster", WARNING, "vrrp.instances[0].initialState", "tutorial-nopreempt", p -> instance(p, 0).put("initialState", "MASTER")),
                new Case("port.range", ERROR, "nginx.port", "tutorial", p -> obj(p, "nginx").put("port", 70000)),
                // The same rules reached through other fields.
                new Case("port.range", ERROR, "tomcat.port", "tutorial", p -> obj(p, "tomcat").put("port", 0)),
                new Case("interface.invalid", ERROR, "hosts[1].interface", "tutorial", p -> host(p, 1).put("interface", "eth0/1")),
                new Case("interface.invalid", ERROR, "lab.bridge", "local-lab", p -> obj(p, "lab").put("bridge", "a bridge")),
                new Case("address.duplicate", ERROR, "lab.controllerAddress", "local-lab", p -> obj(p, "lab").put("controllerAddress", "192.168.224.104")),
                new Case("ip.malformed", ERROR, "vrrp.instances[0].vip", "tutorial", p -> instance(p, 0).put("vip", "192.168.224"))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleReportsItsProblemWithFieldSeverityAndMessages(Case rule) throws Exception {
        ObjectNode profile = (ObjectNode) JSON.readTree(ProjectResources.readString("vm-profiles/" + rule.profile() + ".json").orElseThrow());
        rule.breakIt().accept(profile);
        Topology topology = ProfileLoader.parse(JSON.writeValueAsBytes(profile), rule.profile());

        List<Problem> problems = TopologyValidator.validate(topology);

        assertThat(problems).as("problems for %s", rule)
                .anySatisfy(p -> {
                    assertThat(p.code()).isEqualTo(rule.code());
                    assertThat(p.field()).isEqualTo(rule.field());
                    assertThat(p.severity()).isEqualTo(rule.severity());
                });
        Problem problem = problems.stream().filter(p -> p.code().equals(rule.code()) && p.field().equals(rule.field()))
                .findFirst().orElseThrow();
        assertThat(TopologyValidator.hasErrors(problems)).isEqualTo(problems.stream().anyMatch(Problem::isError));
        assertRendersCompletely(problem);
    }

    @Test
    void theUnbrokenProfilesHaveNoProblemsSoEachCaseTestsOnlyItsOwnBreakage() {
        for (String name : List.of("tutorial", "tutorial-nopreempt", "dual-master", "fast-failover", "local-lab")) {
            assertThat(TopologyValidator.validate(load(name))).as(name).isEmpty();
        }
    }

    @Test
    void everyShippedProfileValidatesWithoutErrors() {
        assertThat(ProfileLoader.shippedProfileNames()).contains("tutorial", "tutorial-nopreempt", "dual-master",
                "fast-failover", "local-lab");
        for (String name : ProfileLoader.shippedProfileNames()) {
            List<Problem> problems = TopologyValidator.validate(load(name));
            assertThat(problems.stream().filter(Problem::isError).map(p -> p.render(Locale.ENGLISH)))
                    .as("errors in shipped profile %s", name).isEmpty();
        }
    }

    @Test
    void everyValidationMessageInTheBundleHasATestCase() {
        Set<String> tested = rules().map(Case::code).collect(Collectors.toSet());
        Set<String> inBundle = Bundles.get("core", Locale.ENGLISH).keySet().stream()
                .filter(k -> k.startsWith("validation.")).map(k -> k.substring("validation.".length()))
                .collect(Collectors.toSet());
        assertThat(tested).as("every rule has a case above").containsAll(inBundle);
        assertThat(inBundle).as("every tested code has a message").containsAll(tested);
    }

    static void assertRendersCompletely(Problem problem) {
        String english = problem.message().render(Locale.ENGLISH);
        String chinese = problem.message().render(Bundles.CHINESE);
        for (String text : List.of(english, chinese)) {
            assertThat(text).as("rendered message").doesNotStartWith(problem.message().key())
                    .doesNotContainPattern("\\{\\d+\\}").isNotBlank();
        }
        assertThat(chinese).as("Chinese message").containsPattern("\\p{IsHan}").isNotEqualTo(english);
        assertThat(english).as("English message").doesNotContainPattern("\\p{IsHan}");
    }

    private static Topology load(String name) {
        try {
            return ProfileLoader.load(name);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ArrayNode hosts(ObjectNode p) {
        return (ArrayNode) p.get("hosts");
    }

    private static ObjectNode host(ObjectNode p, int i) {
        return (ObjectNode) hosts(p).get(i);
    }

    private static ObjectNode obj(ObjectNode p, String name) {
        JsonNode node = p.get(name);
        return (ObjectNode) node;
    }

    private static ObjectNode vrrp(ObjectNode p) {
        return obj(p, "vrrp");
    }

    private static ArrayNode instances(ObjectNode p) {
        return (ArrayNode) vrrp(p).get("instances");
    }

    private static ObjectNode instance(ObjectNode p, int i) {
        return (ObjectNode) instances(p).get(i);
    }
}
