package dev.halab.failover;

import dev.halab.core.failover.ChaosAction;
import dev.halab.core.failover.FailoverMonitor;
import dev.halab.core.failover.FailoverMonitor.MonitorSettings;
import dev.halab.core.failover.FailoverSession;
import dev.halab.core.failover.ScenarioKind;
import dev.halab.core.failover.ScenarioListener;
import dev.halab.core.failover.ScenarioReport;
import dev.halab.core.failover.ScenarioRunner;
import dev.halab.core.failover.StepResult;
import dev.halab.core.topology.Topology;
import dev.halab.core.verify.VerifyReport;
import dev.halab.core.verify.Verifier;
import dev.halab.lab.LabConfig;
import dev.halab.lab.LabExtension;
import dev.halab.lab.LabProgress;
import dev.halab.lab.LocalLab;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole tutorial (install, verify, preempt scenario) on hosts of other Debian releases than
 * the bookworm of the other end-to-end tests: Debian 11 (tomcat9, keepalived 2.1), Debian 13
 * (keepalived 2.3) and a mixed lab where VRRP runs between keepalived 2.1 and 2.3.
 *
 * <p>Which release sets run is {@code -Dhalab.releases=mixed,bullseye,trixie}; the {@code nightly}
 * Maven profile runs all three; every push runs none (the pom's {@code halab.releases} is {@code none}: README).
 * A release's rootfs is built once (about 70 s) and cached like bookworm's.
 */
@Tag("lab")
@ExtendWith(LabExtension.class)
class ReleasesIT {

    static List<String> releaseSets() {
        return Arrays.stream(System.getProperty("halab.releases", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty() && !s.equals("none")).toList();
    }

    @ParameterizedTest(name = "local-lab-{0}", allowZeroInvocations = true)
    @MethodSource("releaseSets")
    void installVerifyAndPreemptOnHostsOfOtherReleases(String releases, LocalLab bookwormLab) throws Exception {
        String profile = "local-lab-" + releases;
        LocalLab lab = new LocalLab(LabConfig.load(profile));
        Phases phases = new Phases(releases);
        try {
            lab.up(message -> System.out.println("[lab " + releases + "] " + message), true);
            phases.done("lab up (fresh hosts)");
            for (var host : lab.hosts()) {
                String release = lab.exec(host.name(), ". /etc/os-release; echo $VERSION_CODENAME").output().strip();
                assertThat(release).as(host.name()).isEqualTo(lab.config().suiteOf(host));
            }
            Topology topology = LabFailover.profile(profile);
            LabFailover.install(lab, topology);
            phases.done("install");

            VerifyReport report = new Verifier(LabFailover.shells(lab), 10).verify(topology, event -> { });
            assertThat(report.passed()).as(report.checks().stream().map(c -> c.text().render(Locale.ENGLISH))
                    .collect(Collectors.joining("\n"))).isTrue();
            assertThat(report.tomcatsSeen()).containsOnly(lab.address("tomcat1"), lab.address("tomcat2"));
            phases.done("verify");

            try (FailoverMonitor monitor = LabFailover.monitor(lab, topology, MonitorSettings.defaults())) {
                new FailoverSession(monitor, LabFailover.chaos(lab, topology)).estimateClocks(LabFailover.shells(lab));
                monitor.start();
                ScenarioListener printer = new ScenarioListener() {
                    @Override
                    public void stepFinished(StepResult result) {
                        System.out.println("[releases " + releases + "] " + describe(result));
                    }
                };
                ScenarioReport scenario = new ScenarioRunner(monitor, LabFailover.chaos(lab, topology), profile)
                        .run(ScenarioKind.PREEMPT, ChaosAction.STOP, printer);
                assertThat(scenario.steps()).isNotEmpty();
                assertThat(scenario.passed()).as(scenario.steps().stream().map(ReleasesIT::describe)
                        .collect(Collectors.joining("\n"))).isTrue();
            }
            phases.done("preempt scenario");
        } finally {
            // The other end-to-end tests expect the default lab: fresh bookworm hosts.
            bookwormLab.up(LabProgress.SILENT, true);
            phases.done("bookworm lab back");
        }
    }

    /** Prints how long each phase took: the figures behind the every-push / nightly split (README). */
    private static final class Phases {
        private final String releases;
        private long start = System.nanoTime();

        Phases(String releases) {
            this.releases = releases;
        }

        void done(String phase) {
            long now = System.nanoTime();
            System.out.printf(Locale.ROOT, "[releases %s] %s took %.1f s%n", releases, phase, (now - start) / 1e9);
            start = now;
        }
    }

    private static String describe(StepResult step) {
        return (step.passed() ? "PASS " : "FAIL ") + step.id() + ": " + step.action().render(Locale.ENGLISH)
                + " | expected: " + step.expected().render(Locale.ENGLISH) + " | observed: " + step.observed().render(Locale.ENGLISH);
    }
}
