package dev.halab.gui.service;

import dev.halab.core.exercise.Diagnosis;
import dev.halab.core.exercise.Exercise;
import dev.halab.core.exercise.ExerciseRunner;
import dev.halab.core.failover.ChaosAction;
import dev.halab.core.failover.ChaosResult;
import dev.halab.core.failover.ChaosRunner;
import dev.halab.core.failover.FailoverException;
import dev.halab.core.failover.FailoverMonitor;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Topology;
import dev.halab.gui.common.Texts;

import java.time.Duration;
import java.util.function.Consumer;

/** The core's {@link ExerciseRunner} behind the GUI's {@link ExerciseRun} port, on the monitor session's own monitor. */
final class CoreExerciseRun implements ExerciseRun {
    private final Exercise exercise;
    private final ExerciseRunner runner;

    private CoreExerciseRun(Exercise exercise, ExerciseRunner runner) {
        this.exercise = exercise;
        this.runner = runner;
    }

    /** {@code session} as it is, plus exercises run with the same monitor, chaos and shells. */
    static MonitorService.MonitorSession withExercises(MonitorService.MonitorSession session, Topology topology, ShellFactory shells,
                                                      FailoverMonitor monitor, ChaosRunner chaos) {
        return new MonitorService.MonitorSession() {
            @Override
            public ChaosResult chaos(String node, ChaosAction method) throws ServiceException {
                return session.chaos(node, method);
            }

            @Override
            public void restore(String host) throws ServiceException {
                session.restore(host);
            }

            @Override
            public ExerciseRun exercise(Exercise exercise, Consumer<LocalizedText> progress) {
                return new CoreExerciseRun(exercise, new ExerciseRunner(topology, shells, monitor, chaos, progress));
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    @Override
    public void plant() throws ServiceException {
        try {
            runner.plant(exercise);
        } catch (FailoverException e) {
            throw new ServiceException(e.text(), e);
        } catch (IllegalArgumentException e) {
            throw new ServiceException(Texts.of("error.unexpected", e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(Texts.of("error.unexpected", String.valueOf(e)), e);
        }
    }

    @Override
    public Diagnosis diagnose(Duration timeout) throws ServiceException {
        try {
            return runner.diagnose(exercise, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(Texts.of("error.unexpected", String.valueOf(e)), e);
        }
    }

    @Override
    public boolean repair(Duration timeout) throws ServiceException {
        try {
            return runner.repair(exercise, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(Texts.of("error.unexpected", String.valueOf(e)), e);
        }
    }
}
