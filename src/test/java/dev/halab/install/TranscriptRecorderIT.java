package dev.halab.install;

import dev.halab.core.plan.InstallEngine;
import dev.halab.core.plan.RunSummary;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.HostKeyPrompt;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.fakehost.RecordingShells;
import dev.halab.lab.LabExtension;
import dev.halab.lab.LabProgress;
import dev.halab.lab.LocalLab;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records the transcripts that {@code EngineTranscriptTest} replays, from real runs on the local
 * lab. Run it after a change to the commands the engine sends (the transcript tests then name the
 * first command that differs):
 *
 * <pre>
 * mvn -B verify -Dit.test=TranscriptRecorderIT -Dhalab.record.transcripts=true -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Failures are injected where the lab would not fail by itself (a refused nginx configuration, a
 * broken apt); everything else is what the hosts answered.
 */
@Tag("lab")
@ExtendWith(LabExtension.class)
@EnabledIfSystemProperty(named = "halab.record.transcripts", matches = "true")
class TranscriptRecorderIT {
    private static final Path OUT = Path.of(System.getProperty("halab.transcripts.dir", "src/test/resources/transcripts"));

    @Test
    void recordsTheFiveRuns(LocalLab lab, @TempDir Path tmp) throws Exception {
        Topology topology = ProfileLoader.load("local-lab");
        lab.reset(LabProgress.SILENT);
        record(topology, "first-install", "install on fresh lab hosts", lab, tmp, r -> r, InstallEngine::install, "");
        record(topology, "rerun", "install again: nothing to do", lab, tmp, r -> r, InstallEngine::install, "");
        record(topology, "uninstall", "uninstall after the install", lab, tmp, r -> r, InstallEngine::uninstall, "");

        lab.reset(LabProgress.SILENT);
        record(topology, "failing-step", "install on fresh hosts; nginx -t refuses the site on nginx1 (injected)", lab, tmp,
                r -> r.inject("nginx1", "sudo nginx -t -q"::equals, new CommandResult(1, "",
                        "nginx: [emerg] unknown directive \"injected\" in /etc/nginx/sites-enabled/halab-tomcat.conf:1\n"
                                + "nginx: configuration file /etc/nginx/nginx.conf test failed\n")),
                InstallEngine::install, "nginx1 nginx.site:");

        lab.reset(LabProgress.SILENT);
        record(topology, "skip", "install on fresh hosts; apt-get install fails on tomcat2 (injected)", lab, tmp,
                // Only the install itself: pre-flight's package check and the read-only simulation answer as the host does.
                r -> r.inject("tomcat2", k -> k.contains(" apt-get ") && k.contains(" install -y "), new CommandResult(100, "",
                        "E: Sub-process /usr/bin/dpkg returned an error code (1)\n")),
                InstallEngine::install, "tomcat2 packages:");
        lab.reset(LabProgress.SILENT);
    }

    private interface Run {
        RunSummary run(InstallEngine engine, Topology topology, InstallIT.Recorder listener);
    }

    /** Records one run; {@code failure} is the start of its one expected failure line, or "" for a clean run. */
    private static void record(Topology topology, String name, String what, LocalLab lab, Path tmp,
                               Function<RecordingShells, RecordingShells> injections, Run run, String failure) throws Exception {
        // A trust store per run: a reset gives the hosts new keys.
        ShellFactory real = InstallIT.shells(lab, tmp.resolve("kh-" + name), HostKeyPrompt.TRUST_NEW);
        RecordingShells recording = injections.apply(new RecordingShells(real));
        RunSummary summary = run.run(new InstallEngine(recording), topology, new InstallIT.Recorder());
        if (failure.isEmpty()) {
            assertThat(summary.success()).as(name + ": " + InstallIT.failureLines(summary)).isTrue();
        } else {
            assertThat(InstallIT.failureLines(summary)).as(name).singleElement().asString().startsWith(failure);
        }
        List<String> hosts = topology.hosts().stream().map(Host::name).toList();
        recording.transcript(hosts).write(OUT.resolve(name + ".jsonl"), what + " (recorded from the local lab by TranscriptRecorderIT)");
    }
}
