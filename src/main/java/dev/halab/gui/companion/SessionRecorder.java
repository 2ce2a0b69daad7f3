package dev.halab.gui.companion;

import dev.halab.core.event.RunEvent;
import dev.halab.core.event.RunListener;
import dev.halab.core.failover.Outage;
import dev.halab.core.failover.Scenario;
import dev.halab.core.plan.RunSummary;
import dev.halab.core.report.BilingualText;
import dev.halab.core.report.LabSession;
import dev.halab.core.report.LabSession.FailoverRecord;
import dev.halab.core.report.LabSession.InstallRecord;
import dev.halab.core.report.LabSession.ScenarioRecord;
import dev.halab.core.report.LabSession.StepRecord;
import dev.halab.core.report.SessionStore;
import dev.halab.gui.common.CancelToken;
import dev.halab.gui.scenario.ScenarioViewModel;
import dev.halab.gui.scenario.ScenarioViewModel.Outcome;
import dev.halab.gui.service.InstallService;
import dev.halab.gui.service.MonitorService;
import dev.halab.gui.service.MonitorUpdate;
import dev.halab.gui.service.RunRequest;
import dev.halab.gui.service.ServiceException;
import dev.halab.gui.service.Services;
import dev.halab.gui.topology.DashboardViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the student does in the GUI goes into the same per-user session record as the CLI's, so the
 * report from the companion holds it: each install run, each failover the monitor measured, and the
 * scenario steps with what was expected and what the dashboard showed. A record that cannot be
 * written is logged and never stops the lab work.
 */
public final class SessionRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRecorder.class);

    private SessionRecorder() {
    }

    /** {@code services} with installs and measured failovers recorded into {@code store}. */
    public static Services recording(Services services, SessionStore store) {
        return new Services(recordingInstall(services.install(), store), services.connection(),
                recordingMonitor(services.monitor(), store), services.lab());
    }

    private static InstallService recordingInstall(InstallService install, SessionStore store) {
        return new InstallService() {
            @Override
            public void preflight(RunRequest request, RunListener listener, CancelToken cancel) throws ServiceException {
                install.preflight(request, listener, cancel);
            }

            @Override
            public void plan(RunRequest request, RunListener listener, CancelToken cancel) throws ServiceException {
                install.plan(request, listener, cancel);
            }

            @Override
            public void install(RunRequest request, RunListener listener, CancelToken cancel) throws ServiceException {
                List<RunSummary.Failure> failures = new ArrayList<>();
                install.install(request, event -> {
                    if (event instanceof RunEvent.StepFailed f) {
                        failures.add(new RunSummary.Failure(f.host(), f.stepId(), f.why()));
                    } else if (event instanceof RunEvent.RunFinished f) {
                        RunSummary summary = new RunSummary(f.success(), f.changed(), f.unchanged(), f.failed(), 0, failures);
                        record(store, request.topology().name(), s -> s.withInstall(InstallRecord.of(f.at(), summary)));
                    }
                    listener.onEvent(event);
                }, cancel);
            }

            @Override
            public void verify(RunRequest request, RunListener listener, CancelToken cancel) throws ServiceException {
                install.verify(request, listener, cancel);
            }
        };
    }

    private static MonitorService recordingMonitor(MonitorService monitor, SessionStore store) {
        return (request, updates) -> monitor.open(request, update -> {
            if (update instanceof MonitorUpdate.FailoverMeasured m && m.outage() != null) {
                record(store, request.topology().name(), s -> s.withFailover(FailoverRecord.of(m.host(), m.outage())));
            }
            updates.accept(update);
        });
    }

    /**
     * FX thread: records the dashboard's scenario panel step by step. A step counts when the
     * dashboard shows what it expects (or the student went off-script); a fail step carries the
     * outage the monitor measured for it.
     */
    public static void watch(ScenarioViewModel scenarios, DashboardViewModel dashboard, String profile, SessionStore store) {
        new ScenarioWatch(scenarios, dashboard, profile, store).start();
    }

    private static final class ScenarioWatch {
        private final ScenarioViewModel scenarios;
        private final DashboardViewModel dashboard;
        private final String profile;
        private final SessionStore store;
        private final Map<String, StepRecord> steps = new LinkedHashMap<>();
        private Instant runStarted;
        private Instant actionAt;

        ScenarioWatch(ScenarioViewModel scenarios, DashboardViewModel dashboard, String profile, SessionStore store) {
            this.scenarios = scenarios;
            this.dashboard = dashboard;
            this.profile = profile;
            this.store = store;
        }

        void start() {
            scenarios.scenarioProperty().addListener(o -> newRun());
            scenarios.outcomeProperty().addListener((o, old, now) -> {
                if (old == Outcome.NOT_STARTED && now != Outcome.NOT_STARTED) {
                    actionAt = Instant.now();
                }
                if (now == Outcome.MET || now == Outcome.OFF_SCRIPT) {
                    recordStep(now == Outcome.MET);
                }
            });
            dashboard.outageProperty().addListener((o, old, outage) -> {
                if (outage != null && scenarios.outcomeProperty().get() == Outcome.MET) {
                    recordStep(true);
                }
            });
        }

        private void newRun() {
            steps.clear();
            runStarted = null;
        }

        private void recordStep(boolean passed) {
            Scenario.Step step = scenarios.currentStep();
            if (scenarios.stepIndexProperty().get() == 0 && !steps.isEmpty() && steps.containsKey(step.id())) {
                newRun(); // the baseline again: a new run of the same scenario
            }
            if (runStarted == null) {
                runStarted = Instant.now();
            }
            Outage outage = dashboard.outageProperty().get();
            boolean ownOutage = step.action() == Scenario.Action.FAIL && outage != null && actionAt != null
                    && !outage.faultAt().isBefore(actionAt.minusSeconds(5));
            steps.put(step.id(), new StepRecord(step.id(), passed, BilingualText.of(scenarios.todoProperty().get()),
                    BilingualText.of(scenarios.expectProperty().get()), BilingualText.of(scenarios.observedProperty().get()),
                    BilingualText.of(scenarios.whyProperty().get()),
                    ownOutage ? FailoverRecord.of(outage.oldServer(), outage) : null));
            List<StepRecord> done = List.copyOf(steps.values());
            boolean allPassed = done.size() == scenarios.stepCount() && done.stream().allMatch(StepRecord::passed);
            ScenarioRecord record = new ScenarioRecord(runStarted, scenarios.scenarioProperty().get().cliName(),
                    scenarios.killMethodProperty().get().cliName(), allPassed, done);
            record(store, profile, s -> s.withScenarioProgress(record));
        }
    }

    private static void record(SessionStore store, String profile, UnaryOperator<LabSession> change) {
        try {
            store.update(profile, change);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            LOG.warn("could not record the lab session of {}", profile, e);
        }
    }
}
