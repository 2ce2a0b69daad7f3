package dev.halab.core.report;

import dev.halab.core.failover.Outage;
import dev.halab.core.failover.ScenarioReport;
import dev.halab.core.plan.RunSummary;
import dev.halab.core.report.LabSession.ExerciseRecord;
import dev.halab.core.report.LabSession.FailoverRecord;
import dev.halab.core.report.LabSession.InstallRecord;
import dev.halab.core.report.LabSession.ScenarioRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * One-line hooks for the front ends: record what just happened in the per-user session record. A
 * record that cannot be written is logged and never stops the lab work itself.
 */
public final class SessionLog {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLog.class);

    private SessionLog() {
    }

    public static void install(String profile, RunSummary summary) {
        record(profile, s -> s.withInstall(InstallRecord.of(Instant.now(), summary)));
    }

    public static void failover(String profile, String host, Outage outage) {
        record(profile, s -> s.withFailover(FailoverRecord.of(host, outage)));
    }

    public static void scenario(String profile, ScenarioReport report) {
        record(profile, s -> s.withScenario(ScenarioRecord.of(report)));
    }

    public static void exercise(String profile, ExerciseRecord exercise) {
        record(profile, s -> s.withExercise(exercise));
    }

    private static void record(String profile, UnaryOperator<LabSession> change) {
        try {
            SessionStore.user().update(profile, change);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            LOG.warn("could not record the lab session of {}", profile, e);
        }
    }
}
