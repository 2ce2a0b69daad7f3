package dev.halab.failover;

import dev.halab.cli.HalabCommand;
import dev.halab.core.exercise.Exercise;
import dev.halab.core.exercise.ExerciseRunner;
import dev.halab.core.failover.FailoverMonitor;
import dev.halab.core.report.LabSession;
import dev.halab.core.report.SessionStore;
import dev.halab.core.topology.Topology;
import dev.halab.lab.LabExtension;
import dev.halab.lab.LocalLab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every break-it-yourself exercise through the CLI on the local lab: the planted mistake is
 * diagnosed by one of its expected findings, the repair brings the lab back, and the session
 * record holds it for the report.
 */
@Tag("lab")
@ExtendWith(LabExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExercisesIT {
    private Path dataDir;
    private Topology topology;
    private String previousDataDir;

    private record Run(int exitCode, String out, String err) { }

    @BeforeAll
    void installTheLab(LocalLab lab) throws Exception {
        dataDir = Files.createTempDirectory("halab-exercises");
        previousDataDir = System.getProperty("halab.dataDir");
        System.setProperty("halab.dataDir", dataDir.toString());
        topology = LabFailover.profile("local-lab");
        LabFailover.install(lab, topology);
    }

    /**
     * Whatever failed above, the next test class gets the lab as HA Lab installed it: HA Lab's own
     * keepalived.conf on both front ends, no exercise firewall, every service running, VIP on the master.
     */
    @AfterAll
    void leaveTheLabHealthy(LocalLab lab) throws Exception {
        try (FailoverMonitor monitor = LabFailover.monitor(lab, topology, FailoverMonitor.MonitorSettings.defaults())) {
            monitor.start();
            ExerciseRunner runner = new ExerciseRunner(topology, LabFailover.shells(lab), monitor, LabFailover.chaos(lab, topology),
                    text -> System.out.println("[exercises] " + text.render(Locale.ENGLISH)));
            // VRRP_BLOCKED's repair is every repair: both rendered files back, the firewall table gone.
            assertThat(runner.repair(Exercise.VRRP_BLOCKED, Duration.ofSeconds(90)))
                    .as("the lab is healthy after the exercises: " + monitor.state().summary()).isTrue();
        } finally {
            if (previousDataDir == null) {
                System.clearProperty("halab.dataDir");
            } else {
                System.setProperty("halab.dataDir", previousDataDir);
            }
        }
    }

    private static Run run(String... args) {
        CommandLine cli = HalabCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Order(1)
    @ParameterizedTest
    @EnumSource(Exercise.class)
    void eachExerciseIsDiagnosedAndRepaired(Exercise exercise) {
        Run run = run("--lang", "en", "exercise", exercise.id(), "--profile", "local-lab", "--answer", exercise.id(), "--yes");
        String diagnosed = run.out().lines().filter(l -> l.startsWith("DIAGNOSIS ")).findFirst().orElse("DIAGNOSIS ");
        List<String> findings = Arrays.asList(diagnosed.substring("DIAGNOSIS ".length()).split(","));
        assertThat(findings).as(exercise.id() + " diagnosis; out:\n" + run.out() + "\nerr:\n" + run.err())
                .containsAnyElementsOf(exercise.diagnosis());
        assertThat(run.out()).as(exercise.id() + " repair; err:\n" + run.err()).contains("REPAIRED");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    @Order(2)
    void everyExerciseIsRecordedForTheReport() {
        LabSession session = new SessionStore(dataDir.resolve("sessions"), Clock.systemUTC()).load("local-lab");
        assertThat(session.exercises()).extracting(LabSession.ExerciseRecord::exercise)
                .containsAll(Arrays.stream(Exercise.values()).map(Exercise::id).toList());
        assertThat(session.exercises()).allMatch(LabSession.ExerciseRecord::repaired);
    }
}
