package dev.halab.gui;

import dev.halab.core.event.RunEvent;
import dev.halab.core.event.RunListener;
import dev.halab.core.exercise.Diagnosis;
import dev.halab.core.exercise.Exercise;
import dev.halab.core.failover.ChaosAction;
import dev.halab.core.failover.ChaosResult;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.gui.common.CancelToken;
import dev.halab.gui.service.ConnectionCheck;
import dev.halab.gui.service.Credentials;
import dev.halab.gui.service.ExerciseRun;
import dev.halab.gui.service.InstallService;
import dev.halab.gui.service.LabService;
import dev.halab.gui.service.MonitorService;
import dev.halab.gui.service.MonitorUpdate;
import dev.halab.gui.service.RunRequest;
import dev.halab.gui.service.ServiceException;
import dev.halab.gui.service.Services;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Test ports that replay scripted core events (the real engine needs hosts: it is exercised by
 * the end-to-end IT). They record what the view models asked for.
 */
public final class ScriptedServices {
    public final List<RunEvent> preflightEvents = new ArrayList<>();
    public final List<RunEvent> planEvents = new ArrayList<>();
    /** What the scripted local lab reports while it comes up. */
    public volatile LocalizedText labProgress = LocalizedText.of("gui", "lab.progress", "hosts booted");
    public final List<RunEvent> installEvents = new ArrayList<>();
    public final List<RunEvent> verifyEvents = new ArrayList<>();
    public final List<String> calls = new ArrayList<>();
    public final List<RunRequest> requests = new ArrayList<>();
    public Consumer<MonitorUpdate> monitorUpdates;
    public ServiceException installFailure;
    /** What chaos reports as the fault time; null = the dashboard keeps the time of the button press. */
    public Instant faultAt;
    /** Which front ends "master" and "backup" mean to the scripted core. */
    public String roleMaster = "nginx1";
    public String roleBackup = "nginx2";
    /**
     * What a scripted exercise's diagnosis returns; null: the exercise's first expected finding,
     * matched. Exercise calls are recorded as "plant ID", "diagnose ID", "repair ID".
     */
    public Diagnosis exerciseDiagnosis;

    public Services services() {
        InstallService install = new InstallService() {
            @Override
            public void preflight(RunRequest request, RunListener listener, CancelToken cancel) {
                replay("preflight", request, preflightEvents, listener);
            }

            @Override
            public void plan(RunRequest request, RunListener listener, CancelToken cancel) {
                replay("plan", request, planEvents, listener);
            }

            @Override
            public void install(RunRequest request, RunListener listener, CancelToken cancel) throws ServiceException {
                if (installFailure != null) {
                    calls.add("install");
                    throw installFailure;
                }
                replay("install", request, installEvents, listener);
            }

            @Override
            public void verify(RunRequest request, RunListener listener, CancelToken cancel) {
                replay("verify", request, verifyEvents, listener);
            }
        };
        MonitorService monitor = (request, updates) -> {
            calls.add("monitor");
            monitorUpdates = updates;
            return new MonitorService.MonitorSession() {
                @Override
                public ChaosResult chaos(String node, ChaosAction method) {
                    calls.add("chaos " + node + " " + method);
                    String host = node.equals("master") ? roleMaster : node.equals("backup") ? roleBackup : node;
                    return new ChaosResult(host, method, false, faultAt, text("fault on " + host));
                }

                @Override
                public void restore(String host) {
                    calls.add("restore " + host);
                }

                @Override
                public ExerciseRun exercise(Exercise exercise, Consumer<LocalizedText> progress) {
                    return new ExerciseRun() {
                        @Override
                        public void plant() {
                            calls.add("plant " + exercise.id());
                            progress.accept(text("planted " + exercise.id()));
                        }

                        @Override
                        public Diagnosis diagnose(java.time.Duration timeout) {
                            calls.add("diagnose " + exercise.id());
                            if (exerciseDiagnosis != null) {
                                return exerciseDiagnosis;
                            }
                            String finding = exercise.diagnosis().iterator().next();
                            return new Diagnosis(List.of(finding), List.of(text("seen " + finding)), true);
                        }

                        @Override
                        public boolean repair(java.time.Duration timeout) {
                            calls.add("repair " + exercise.id());
                            return true;
                        }
                    };
                }

                @Override
                public void close() {
                    calls.add("close");
                }
            };
        };
        LabService lab = new LabService() {
            @Override
            public Optional<LocalizedText> unavailableReason() {
                return Optional.empty();
            }

            @Override
            public Credentials up(Consumer<LocalizedText> progress) {
                calls.add("lab up");
                progress.accept(labProgress);
                return new Credentials("root", Path.of("/tmp/lab-key"), null, null);
            }
        };
        return new Services(install, (topology, host, credentials, prompt) -> {
            calls.add("test " + host.name() + " as " + credentials.user());
            return new ConnectionCheck(true, "ssh-ed25519 SHA256:abc", LocalizedText.of("gui", "connection.ok",
                    credentials.user(), host.address()), "eth0");
        }, monitor, lab);
    }

    private void replay(String call, RunRequest request, List<RunEvent> events, RunListener listener) {
        calls.add(call);
        requests.add(request);
        events.forEach(listener::onEvent);
    }

    public static RunEvent.RunFinished finished(boolean success) {
        return new RunEvent.RunFinished(Instant.now(), success, 1, 0, success ? 0 : 1, LocalizedText.of("gui", "install.runStarted", "x"));
    }

    public static LocalizedText text(String words) {
        return LocalizedText.of("gui", "lab.progress", words);
    }
}
