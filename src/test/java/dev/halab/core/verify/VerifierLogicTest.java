package dev.halab.core.verify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerifierLogicTest {
    @Test
    void theVipIsFoundInIpAddrOutputWhateverItsPrefix() {
        String out = "2: eth0    inet 192.168.224.101/24 brd 192.168.224.255 scope global eth0\\       valid_lft forever\n"
                + "2: eth0    inet 192.168.224.150/32 scope global eth0\\       valid_lft forever\n";
        assertThat(Verifier.holdsAddress(out, "192.168.224.150")).isTrue();
        assertThat(Verifier.holdsAddress(out, "192.168.224.15")).isFalse();
        assertThat(Verifier.holdsAddress(out, "192.168.224.102")).isFalse();
    }

    @Test
    void equalWeightsMustAlternate() {
        assertThat(Verifier.alternates(List.of("a", "b", "a", "b"), 2)).isTrue();
        assertThat(Verifier.alternates(List.of("a", "a", "b", "b"), 2)).as("two workers, each round robin").isTrue();
        assertThat(Verifier.alternates(List.of("a", "a", "a", "b"), 2)).isFalse();
        assertThat(Verifier.alternates(List.of("a", "a"), 1)).isTrue();
    }

    @Test
    void thePassedSummaryCountsTheChecksInsteadOfPrintingTheirList() {
        var checks = List.of(new VerifyReport.Check(true, dev.halab.core.step.StepTexts.text("verify.vipOnMaster", "192.168.224.150", "nginx1")),
                new VerifyReport.Check(true, dev.halab.core.step.StepTexts.text("verify.requestFailed", 1, "http://x/", "-")));
        assertThat(Verifier.summary(checks).render(java.util.Locale.ENGLISH)).isEqualTo("verify passed: 2 of 2 checks.");
        assertThat(Verifier.summary(checks).render(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("验证通过：2 项检查全部通过。");
        var failed = List.of(checks.get(0), new VerifyReport.Check(false, checks.get(1).text()));
        assertThat(Verifier.summary(failed).render(java.util.Locale.ENGLISH)).isEqualTo("verify FAILED: 1 check(s) failed");
    }

    @Test
    void aGatewayTimeoutIsReportedAsTomcatUnreachableNotAsAWrongFrontEnd() {
        java.net.URI vip = java.net.URI.create("http://192.168.224.150/");
        var problem = Verifier.responseProblem(3, vip, 504, "NGINX-1", false, "NGINX-1").orElseThrow();
        assertThat(problem.render(java.util.Locale.ENGLISH))
                .isEqualTo("Request 3 to http://192.168.224.150/ got HTTP 504 from NGINX-1: nginx answered but could not get"
                        + " the page from tomcat (is tomcat running and reachable on port 8080 from the front end?)")
                .doesNotContain("not by the master");
        assertThat(problem.render(java.util.Locale.SIMPLIFIED_CHINESE)).contains("HTTP 504").contains("tomcat");
    }

    @Test
    void onlyAGoodAnswerFromAnotherNginxIsAWrongFrontEnd() {
        java.net.URI vip = java.net.URI.create("http://192.168.224.150/");
        assertThat(Verifier.responseProblem(1, vip, 200, "NGINX-2", true, "NGINX-1").orElseThrow().key())
                .isEqualTo("verify.wrongFrontEnd");
        assertThat(Verifier.responseProblem(1, vip, 200, "NGINX-1", false, "NGINX-1").orElseThrow().key())
                .isEqualTo("verify.bodyWithoutNginx");
        assertThat(Verifier.responseProblem(1, vip, 404, "NGINX-1", false, "NGINX-1").orElseThrow().render(java.util.Locale.ENGLISH))
                .contains("index.jsp");
        assertThat(Verifier.responseProblem(1, vip, 200, "NGINX-1", true, "NGINX-1")).isEmpty();
    }
}
