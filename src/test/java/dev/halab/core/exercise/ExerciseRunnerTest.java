package dev.halab.core.exercise;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.failover.ChaosRunner;
import dev.halab.core.failover.FailoverMonitor;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.OutputListener;
import dev.halab.core.remote.RemoteShell;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the runner writes an exercise's files and restarts keepalived, against a scripted shell: staged
 * beside the target then moved, keepalived stopped and started as the installer does, a canceled
 * systemd job tried once more, and a refused start reported as the wrong-NIC exercise's symptom.
 */
class ExerciseRunnerTest {
    private final List<String> ran = new ArrayList<>();
    private final List<String> uploads = new ArrayList<>();
    private final List<LocalizedText> progress = new ArrayList<>();
    /** How many keepalived restarts fail ("Job for keepalived.service canceled.") before one succeeds. */
    private int failingRestarts;

    private ShellFactory shells() {
        return host -> new RemoteShell() {
            @Override
            public String hostName() {
                return host.name();
            }

            @Override
            public CommandResult run(RemoteCommand command, Duration timeout, OutputListener output) {
                String line = host.name() + ": " + command.display();
                ran.add(line);
                if (command.display().contains("systemctl start keepalived") && failingRestarts > 0) {
                    failingRestarts--;
                    return new CommandResult(1, "", "Job for keepalived.service canceled.");
                }
                return new CommandResult(0, "", "");
            }

            @Override
            public void upload(byte[] content, String remotePath, int mode) {
                uploads.add(host.name() + ": " + remotePath);
            }

            @Override
            public void close() {
            }
        };
    }

    private ExerciseRunner runner(Topology topology) {
        ShellFactory shells = shells();
        return new ExerciseRunner(topology, shells, new FailoverMonitor(topology, shells, FailoverMonitor.MonitorSettings.defaults()),
                new ChaosRunner(topology, shells, null), progress::add);
    }

    @Test
    void aCanceledRestartIsTriedOnceMoreAndFilesAreStagedThenMoved() throws Exception {
        Topology lab = ProfileLoader.load("local-lab");
        failingRestarts = 1;
        runner(lab).plant(Exercise.AUTH_MISMATCH);
        assertThat(uploads).containsExactly("nginx2: /etc/keepalived/.keepalived.conf.halab-new");
        assertThat(ran).filteredOn(l -> l.contains("mv")).singleElement().asString()
                .contains(".keepalived.conf.halab-new", "/etc/keepalived/keepalived.conf");
        List<String> restarts = ran.stream().filter(l -> l.contains("systemctl start keepalived")).toList();
        assertThat(restarts).hasSize(2).allMatch(l -> l.contains("systemctl stop keepalived") && l.contains("pgrep -x keepalived"));
    }

    @Test
    void keepalivedRefusingTheWrongInterfaceIsTheSymptomNotAnError() throws Exception {
        Topology lab = ProfileLoader.load("local-lab");
        failingRestarts = 5;
        runner(lab).plant(Exercise.WRONG_INTERFACE);
        assertThat(ran.stream().filter(l -> l.contains("systemctl start keepalived"))).as("not retried").hasSize(1);
        assertThat(progress).extracting(t -> t.render(Locale.ENGLISH))
                .anyMatch(t -> t.contains("keepalived refuses to start on nginx1") && t.contains("canceled"));
    }
}
