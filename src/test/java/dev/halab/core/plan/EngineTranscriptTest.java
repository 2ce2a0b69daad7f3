package dev.halab.core.plan;

import dev.halab.core.event.RunEvent;
import dev.halab.core.event.RunListener;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.topology.Topology;
import dev.halab.fakehost.ScriptedHosts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole engine runs against hosts that replay transcripts recorded on the local lab
 * ({@code TranscriptRecorderIT}): every command the engine sends must be the one recorded, in
 * order, and every recorded command must be sent. A handler that runs when it should not (or not
 * when it should), a rollback that does not happen, a step that runs where it should have been
 * skipped: each shows as the first command that differs.
 */
class EngineTranscriptTest {
    private static Topology lab;

    @BeforeAll
    static void load() throws Exception {
        lab = ProfileLoader.load("local-lab");
    }

    /** Events of one run, as "host stepId kind" lines, plus the summary. */
    static final class Events implements RunListener {
        final List<RunEvent> all = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onEvent(RunEvent event) {
            all.add(event);
        }

        List<String> lines(Class<? extends RunEvent> type) {
            synchronized (all) {
                return all.stream().filter(type::isInstance).map(Events::line).sorted().toList();
            }
        }

        static String line(RunEvent event) {
            if (event instanceof RunEvent.StepChanged e) {
                return e.host() + " " + e.stepId();
            } else if (event instanceof RunEvent.StepSkipped e) {
                return e.host() + " " + e.stepId() + ": " + e.why().render(Locale.ENGLISH);
            } else if (event instanceof RunEvent.StepFailed e) {
                return e.host() + " " + e.stepId() + ": " + e.why().render(Locale.ENGLISH);
            } else if (event instanceof RunEvent.Notice e) {
                return e.host() + ": " + e.text().render(Locale.ENGLISH);
            } else if (event instanceof RunEvent.StepStarted e) {
                return e.host() + " " + e.stepId();
            }
            return event.toString();
        }
    }

    private record Replay(RunSummary summary, Events events, ScriptedHosts hosts) {
    }

    private static Replay replay(String transcript, BiFunction<InstallEngine, Events, RunSummary> run) {
        ScriptedHosts hosts = ScriptedHosts.replaying(transcript);
        Events events = new Events();
        RunSummary summary = run.apply(new InstallEngine(hosts), events);
        assertThat(hosts.problems()).as("the run must say exactly what transcript " + transcript + " recorded").isEmpty();
        return new Replay(summary, events, hosts);
    }

    private static List<String> failures(RunSummary summary) {
        return summary.failures().stream().map(f -> f.host() + " " + f.stepId() + ": " + f.why().render(Locale.ENGLISH)).toList();
    }

    @Test
    void firstInstallRunsEveryStepAndReloadsNginxButDoesNotRestartTheKeepalivedItJustStarted() {
        Replay r = replay("first-install", (engine, events) -> engine.install(lab, events));
        assertThat(r.summary().success()).as(failures(r.summary()).toString()).isTrue();
        assertThat(r.summary().skipped()).isZero();
        List<String> changed = r.events().lines(RunEvent.StepChanged.class);
        // nginx was started by its package, then its site changed: reloaded once per front end.
        assertThat(changed).contains("nginx1 handler.reload_nginx", "nginx2 handler.reload_nginx",
                "nginx1 keepalived.service", "nginx2 keepalived.service", "tomcat1 tomcat.page", "tomcat2 tomcat.page");
        // keepalived was started by keepalived.service after its files changed: no restart on top.
        assertThat(r.events().lines(RunEvent.StepStarted.class)).noneMatch(l -> l.contains("handler.restart_keepalived"));
    }

    @Test
    void aRerunChangesNothingAndRunsNoHandler() {
        Replay r = replay("rerun", (engine, events) -> engine.install(lab, events));
        assertThat(r.summary().success()).isTrue();
        assertThat(r.summary().changed()).isZero();
        assertThat(r.events().lines(RunEvent.StepStarted.class)).noneMatch(l -> l.contains("handler."));
    }

    @Test
    void aFailingStepIsRolledBackAndWhatDependsOnItIsSkipped() {
        Replay r = replay("failing-step", (engine, events) -> engine.install(lab, events));
        assertThat(r.summary().success()).isFalse();
        assertThat(failures(r.summary())).singleElement().asString().startsWith("nginx1 nginx.site: `sudo nginx -t -q` failed with exit code 1");
        assertThat(r.events().lines(RunEvent.Notice.class))
                .contains("nginx1: step nginx.site: 1 file(s) put back as they were before this run");
        List<String> changed = r.events().lines(RunEvent.StepChanged.class);
        assertThat(changed).doesNotContain("nginx1 handler.reload_nginx").contains("nginx2 handler.reload_nginx");
        assertThat(r.events().lines(RunEvent.StepSkipped.class)).containsExactly(
                "nginx1 firewall.vrrp: not run: step nginx.site failed on this host",
                "nginx1 keepalived.config: not run: step nginx.site failed on this host",
                "nginx1 keepalived.service: not run: step nginx.site failed on this host",
                "nginx1 nginx.service: not run: step nginx.site failed on this host",
                "nginx1 sysctl.nonlocalBind: not run: step nginx.site failed on this host",
                "nginx2 keepalived.config: not run: nginx1 failed at step nginx.site, and this step depends on it",
                "nginx2 keepalived.service: not run: nginx1 failed at step nginx.site, and this step depends on it");
    }

    @Test
    void aBackEndThatFailsStopsBothFrontEnds() {
        Replay r = replay("skip", (engine, events) -> engine.install(lab, events));
        assertThat(r.summary().success()).isFalse();
        assertThat(failures(r.summary())).singleElement().asString().startsWith("tomcat2 packages: `sudo env LC_ALL=C DEBIAN_FRONTEND=noninteractive");
        List<String> skipped = r.events().lines(RunEvent.StepSkipped.class);
        assertThat(skipped).allSatisfy(line -> assertThat(line).matches(
                "(tomcat2 .*: not run: step packages failed on this host)|(nginx[12] .*: not run: tomcat2 failed at step packages, and this step depends on it)"));
        assertThat(skipped).anyMatch(l -> l.startsWith("nginx1 nginx.site")).anyMatch(l -> l.startsWith("nginx2 keepalived.service"))
                .anyMatch(l -> l.startsWith("tomcat2 tomcat.service"));
        assertThat(r.events().lines(RunEvent.StepStarted.class)).noneMatch(l -> l.contains("handler."));
    }

    @Test
    void uninstallPutsBackWhatItReplacedAndRemovesWhatItAdded() {
        Replay r = replay("uninstall", (engine, events) -> engine.uninstall(lab, events));
        assertThat(r.summary().success()).as(failures(r.summary()).toString()).isTrue();
        assertThat(r.events().lines(RunEvent.StepChanged.class))
                .containsExactly("nginx1 uninstall", "nginx2 uninstall", "tomcat1 uninstall", "tomcat2 uninstall");
    }
}
