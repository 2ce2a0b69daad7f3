package dev.halab.gui.companion;

import dev.halab.core.exercise.Diagnosis;
import dev.halab.core.exercise.Exercise;
import dev.halab.core.exercise.ExercisePlan;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.report.BilingualText;
import dev.halab.core.report.LabSession.ExerciseRecord;
import dev.halab.core.report.SessionStore;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.service.ExerciseRun;
import dev.halab.gui.service.MonitorService;
import dev.halab.gui.service.RunRequest;
import dev.halab.gui.service.ServiceException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The exercises tab's logic: plant one mistake on the installed lab, let the student pick the
 * cause (as often as needed; the first pick is what the report records), then show HA Lab's
 * diagnosis, repair the lab and record the exercise. Work runs on the worker; state changes on the
 * FX thread. Never touches controls.
 */
public final class ExercisesViewModel {
    /** Where the exercise stands. */
    public enum Phase { IDLE, PLANTING, WATCHING, REPAIRING, DONE }

    static final Duration DIAGNOSIS_WAIT = Duration.ofSeconds(45);
    static final Duration REPAIR_WAIT = Duration.ofSeconds(90);
    private static final String EXERCISE_BUNDLE = "exercise";

    private final Supplier<RunRequest> request;
    private final MonitorService monitor;
    private final SessionStore sessions;
    private final UiContext context;
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.IDLE);
    private final ObjectProperty<Exercise> current = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> progress = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> feedback = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> diagnosis = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> outcome = new SimpleObjectProperty<>();
    private MonitorService.MonitorSession session;
    private ExerciseRun run;
    private Exercise firstAnswer;
    private RunRequest runRequest;

    public ExercisesViewModel(Supplier<RunRequest> request, MonitorService monitor, SessionStore sessions, UiContext context) {
        this.request = request;
        this.monitor = monitor;
        this.sessions = sessions;
        this.context = context;
    }

    /** The language of the window this view model belongs to. */
    public Texts texts() {
        return context.texts();
    }

    public ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    /** The exercise planted now (or last), null before the first. */
    public ObjectProperty<Exercise> currentProperty() {
        return current;
    }

    /** What the runner is doing (planting, stopping nginx, repairing...), or an error. */
    public ObjectProperty<LocalizedText> progressProperty() {
        return progress;
    }

    /** The verdict on the student's last pick. */
    public ObjectProperty<LocalizedText> feedbackProperty() {
        return feedback;
    }

    /** HA Lab's own diagnosis, shown once the student found the cause or gave up. */
    public ObjectProperty<LocalizedText> diagnosisProperty() {
        return diagnosis;
    }

    /** The end: repaired and recorded, or not healthy again. */
    public ObjectProperty<LocalizedText> outcomeProperty() {
        return outcome;
    }

    /** FX thread: plants {@code exercise} on the lab; refused (with the reason) when it does not fit the profile. */
    public void start(Exercise exercise) {
        if (phase.get() == Phase.PLANTING || phase.get() == Phase.WATCHING || phase.get() == Phase.REPAIRING) {
            return;
        }
        runRequest = request.get();
        feedback.set(null);
        diagnosis.set(null);
        outcome.set(null);
        firstAnswer = null;
        current.set(exercise);
        try {
            ExercisePlan.plant(exercise, runRequest.topology());
        } catch (IllegalArgumentException e) {
            progress.set(LocalizedText.of(EXERCISE_BUNDLE, "cli.exercise.notFit", exercise.id(), runRequest.topology().name(), e.getMessage()));
            phase.set(Phase.IDLE);
            return;
        }
        phase.set(Phase.PLANTING);
        context.background().execute(() -> {
            try {
                session = monitor.open(runRequest, update -> { });
                run = session.exercise(exercise, text -> context.ui().post(() -> progress.set(text)));
                run.plant();
                context.ui().post(() -> {
                    progress.set(LocalizedText.of(EXERCISE_BUNDLE, "cli.exercise.symptom", exercise.symptom()));
                    phase.set(Phase.WATCHING);
                });
            } catch (ServiceException | RuntimeException e) {
                LocalizedText why = e instanceof ServiceException s ? s.text() : CompanionBundle.of("exercise.failed", String.valueOf(e));
                context.ui().post(() -> progress.set(why));
                repairAndRecord(exercise, null);
            }
        });
    }

    /** FX thread: the student's pick. A wrong one says so and leaves the exercise running; the right one ends it. */
    public void answer(Exercise pick) {
        Exercise planted = current.get();
        if (phase.get() != Phase.WATCHING || planted == null || pick == null) {
            return;
        }
        if (firstAnswer == null) {
            firstAnswer = pick;
        }
        if (pick != planted) {
            feedback.set(CompanionBundle.of("exercise.wrong", pick.title()));
            return;
        }
        feedback.set(LocalizedText.of(EXERCISE_BUNDLE, "cli.exercise.correct", pick.title()));
        finish();
    }

    /** FX thread: no more guessing; shows HA Lab's diagnosis and repairs. */
    public void giveUp() {
        if (phase.get() == Phase.WATCHING) {
            feedback.set(CompanionBundle.of("exercise.gaveUp", current.get().title()));
            finish();
        }
    }

    private void finish() {
        Exercise planted = current.get();
        phase.set(Phase.REPAIRING);
        context.background().execute(() -> {
            Diagnosis seen = null;
            try {
                seen = run.diagnose(DIAGNOSIS_WAIT);
            } catch (ServiceException e) {
                context.ui().post(() -> progress.set(e.text()));
            }
            Diagnosis shown = seen;
            context.ui().post(() -> diagnosis.set(describe(planted, shown)));
            repairAndRecord(planted, seen);
        });
    }

    /** Worker: whatever happened, the lab goes back to HA Lab's files, and the exercise is recorded. */
    private void repairAndRecord(Exercise exercise, Diagnosis seen) {
        if (run == null) {
            // Nothing reached the lab (no connection): nothing to repair, nothing to record.
            closeSession();
            context.ui().post(() -> phase.set(Phase.IDLE));
            return;
        }
        context.ui().post(() -> phase.set(Phase.REPAIRING));
        boolean repaired = false;
        LocalizedText failure = null;
        try {
            repaired = run.repair(REPAIR_WAIT);
        } catch (ServiceException e) {
            failure = e.text();
        } finally {
            closeSession();
        }
        Exercise answered = firstAnswer;
        boolean healthy = repaired;
        List<BilingualText> named = seen == null ? List.of() : seen.texts().stream().map(BilingualText::of).toList();
        try {
            sessions.update(runRequest.topology().name(), s -> s.withExercise(new ExerciseRecord(Instant.now(), exercise.id(),
                    answered == null ? "-" : answered.id(), answered == exercise, named, healthy)));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            failure = CompanionBundle.of("exercise.notRecorded", String.valueOf(e.getMessage()));
        }
        LocalizedText end = failure != null ? failure : repaired ? LocalizedText.of(EXERCISE_BUNDLE, "cli.exercise.repaired")
                : LocalizedText.of(EXERCISE_BUNDLE, "cli.exercise.notRepaired", REPAIR_WAIT.toSeconds(), "-");
        context.ui().post(() -> {
            outcome.set(end);
            phase.set(Phase.DONE);
        });
    }

    private void closeSession() {
        if (session != null) {
            session.close();
        }
        session = null;
        run = null;
    }

    /** The named finding that matches the planted mistake, then why the mistake shows like this. */
    private static LocalizedText describe(Exercise exercise, Diagnosis seen) {
        if (seen == null || !seen.matched()) {
            String names = seen == null || seen.findings().isEmpty() ? "-" : String.join(", ", seen.findings());
            return LocalizedText.of(EXERCISE_BUNDLE, "cli.exercise.noDiagnosis", String.join(", ", exercise.diagnosis()), names);
        }
        int i = 0;
        while (!exercise.diagnosis().contains(seen.findings().get(i))) {
            i++;
        }
        return CompanionBundle.of("exercise.diagnosis", seen.findings().get(i), seen.texts().get(i), exercise.explanation());
    }

    /** FX thread: the window closes; a planted mistake is repaired on the worker. */
    public void close() {
        if (phase.get() == Phase.WATCHING && current.get() != null) {
            Exercise planted = current.get();
            phase.set(Phase.REPAIRING);
            context.background().execute(() -> repairAndRecord(planted, null));
        }
    }
}
