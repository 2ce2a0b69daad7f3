package dev.halab.core.report;

import dev.halab.core.failover.Outage;
import dev.halab.core.failover.ScenarioReport;
import dev.halab.core.failover.StepResult;
import dev.halab.core.plan.RunSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a student did with one profile's lab, kept between runs of the app and the CLI for the lab
 * report: installs, failovers, scenarios, exercises. Only outcomes, timings and texts: never a
 * password or the profile itself.
 */
public record LabSession(int schemaVersion, String profile, Instant startedAt, List<InstallRecord> installs,
                         List<FailoverRecord> failovers, List<ScenarioRecord> scenarios, List<ExerciseRecord> exercises) {
    public static final int SCHEMA_VERSION = 1;

    public LabSession {
        installs = List.copyOf(installs == null ? List.of() : installs);
        failovers = List.copyOf(failovers == null ? List.of() : failovers);
        scenarios = List.copyOf(scenarios == null ? List.of() : scenarios);
        exercises = List.copyOf(exercises == null ? List.of() : exercises);
    }

    public static LabSession start(String profile, Instant now) {
        return new LabSession(SCHEMA_VERSION, profile, now, List.of(), List.of(), List.of(), List.of());
    }

    /** One install run. */
    public record InstallRecord(Instant at, boolean success, int changed, int unchanged, int failed, int skipped,
                                List<BilingualText> failures) {
        public static InstallRecord of(Instant at, RunSummary summary) {
            return new InstallRecord(at, summary.success(), summary.changed(), summary.unchanged(), summary.failed(),
                    summary.skipped(), summary.failures().stream()
                    .map(f -> new BilingualText(f.host() + " " + f.stepId() + ": " + f.why().render(java.util.Locale.ENGLISH),
                            f.host() + " " + f.stepId() + "：" + f.why().render(dev.halab.core.i18n.Bundles.CHINESE))).toList());
        }
    }

    /** One failover measured through the VIP. {@code measuredMillis} is null when no other nginx answered. */
    public record FailoverRecord(Instant at, String host, String method, Long measuredMillis, long floorMillis,
                                 int failedRequests, String oldServer, String newServer) {
        public static FailoverRecord of(String host, Outage outage) {
            return new FailoverRecord(outage.faultAt(), host, outage.method().cliName(),
                    outage.measured() == null ? null : outage.measured().toMillis(), outage.floor().toMillis(),
                    outage.failedRequests(), outage.oldServer(), outage.newServer());
        }
    }

    /** One scenario run with every step's expectation and observation. */
    public record ScenarioRecord(Instant at, String scenario, String how, boolean passed, List<StepRecord> steps) {
        public static ScenarioRecord of(ScenarioReport report) {
            return new ScenarioRecord(report.startedAt(), report.kind().cliName(), report.how().cliName(), report.passed(),
                    report.steps().stream().map(StepRecord::of).toList());
        }
    }

    /** One scenario step. */
    public record StepRecord(String id, boolean passed, BilingualText action, BilingualText expected, BilingualText observed,
                             BilingualText explanation, FailoverRecord outage) {
        static StepRecord of(StepResult step) {
            return new StepRecord(step.id(), step.passed(), BilingualText.of(step.action()), BilingualText.of(step.expected()),
                    BilingualText.of(step.observed()), BilingualText.of(step.explanation()),
                    step.outage() == null ? null : FailoverRecord.of(step.outage().oldServer(), step.outage()));
        }
    }

    /**
     * One break-it-yourself exercise: the student's answer, HA Lab's diagnosis (the alerts it named)
     * and whether the repair brought the lab back.
     */
    public record ExerciseRecord(Instant at, String exercise, String answer, boolean correct, List<BilingualText> diagnosis,
                                 boolean repaired) {
    }

    public LabSession withInstall(InstallRecord record) {
        return new LabSession(schemaVersion, profile, startedAt, append(installs, record), failovers, scenarios, exercises);
    }

    public LabSession withFailover(FailoverRecord record) {
        return new LabSession(schemaVersion, profile, startedAt, installs, append(failovers, record), scenarios, exercises);
    }

    public LabSession withScenario(ScenarioRecord record) {
        return new LabSession(schemaVersion, profile, startedAt, installs, failovers, append(scenarios, record), exercises);
    }

    /**
     * A scenario the GUI records step by step: replaces the last record when it is the same run
     * (same scenario, same start), else appends.
     */
    public LabSession withScenarioProgress(ScenarioRecord record) {
        List<ScenarioRecord> copy = new ArrayList<>(scenarios);
        ScenarioRecord last = copy.isEmpty() ? null : copy.get(copy.size() - 1);
        if (last != null && last.at().equals(record.at()) && last.scenario().equals(record.scenario())) {
            copy.set(copy.size() - 1, record);
        } else {
            copy.add(record);
        }
        return new LabSession(schemaVersion, profile, startedAt, installs, failovers, copy, exercises);
    }

    public LabSession withExercise(ExerciseRecord record) {
        return new LabSession(schemaVersion, profile, startedAt, installs, failovers, scenarios, append(exercises, record));
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
