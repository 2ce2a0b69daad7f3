package dev.halab.gui.companion;

import dev.halab.core.exercise.Diagnosis;
import dev.halab.core.exercise.Exercise;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.report.LabSession;
import dev.halab.core.report.SessionStore;
import dev.halab.gui.MainWindow;
import dev.halab.gui.ScriptedServices;
import dev.halab.gui.common.AppExecutor;
import dev.halab.gui.common.Theme;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.companion.ExercisesViewModel.Phase;
import dev.halab.gui.service.Credentials;
import dev.halab.gui.service.MonitorUpdate;
import dev.halab.gui.service.RunRequest;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole break-it-yourself exercise in the GUI with scripted services: the differences page, the
 * mistake planted, its symptom on the dashboard, a wrong pick then the right one, HA Lab's named
 * diagnosis, the repair, the record, and the exported report that contains it.
 */
@ExtendWith(ApplicationExtension.class)
class CompanionExerciseTest {
    private final ScriptedServices scripted = new ScriptedServices();
    private final AppExecutor executor = new AppExecutor();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        window = new MainWindow(scripted.services(), UiContext.fx(executor, Locale.ENGLISH));
        Scene scene = new Scene(window, 1200, 800);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Exercise> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void anExerciseFromSymptomToAnswerToDiagnosisToRepairToReport(FxRobot robot, @TempDir Path dir) throws Exception {
        scripted.exerciseDiagnosis = new Diagnosis(List.of("SPLIT_BRAIN", "AUTH_MISMATCH"),
                List.of(ScriptedServices.text("both MASTER"), ScriptedServices.text("nginx2 received an invalid passwd")), true);
        RunRequest request = new RunRequest(ProfileLoader.load("local-lab"), new Credentials("root", Path.of("/tmp/lab-key"), null, null));
        robot.interact(() -> window.startInstall(request));
        robot.interact(() -> window.openDashboard());
        Consumer<MonitorUpdate> dashboardFeed = scripted.monitorUpdates;

        robot.clickOn("#open-companion");
        WaitForAsyncUtils.waitForFxEvents();
        CompanionView view = ((CompanionWindow) robot.lookup("#open-companion").queryButton().getProperties()
                .get(CompanionWindow.class)).view();
        assertThat(view.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-differences");
        assertThat(robot.lookup("#difference-checkScript").tryQuery()).isPresent();

        robot.interact(() -> view.select("tab-exercises"));
        ExercisesViewModel vm = view.exercises();
        ComboBox<Exercise> choice = combo(robot, "#exercise-choice");
        robot.interact(() -> choice.setValue(Exercise.AUTH_MISMATCH));
        robot.interact(() -> robot.lookup("#exercise-start").queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.phaseProperty().get() == Phase.WATCHING);
        assertThat(scripted.calls).contains("plant authMismatch");
        assertThat(text(robot, "#exercise-progress")).contains("Watch for:").contains("split brain");

        // The symptom as the monitor reports it: both front ends MASTER, the split-brain alert on the dashboard.
        Instant t = Instant.now();
        Consumer<MonitorUpdate> feed = dashboardFeed;
        feed.accept(new MonitorUpdate.VrrpState(t, "nginx1", "VI_1", "MASTER"));
        feed.accept(new MonitorUpdate.VrrpState(t, "nginx2", "VI_1", "MASTER"));
        feed.accept(new MonitorUpdate.Alert(t, "SPLIT_BRAIN", ScriptedServices.text("split brain"), ScriptedServices.text("hint"), true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.dashboard().alerts().stream().anyMatch(a -> a.code().equals("SPLIT_BRAIN")));

        ComboBox<Exercise> answer = combo(robot, "#exercise-answer");
        robot.interact(() -> answer.setValue(Exercise.VRID_CLASH));
        robot.interact(() -> robot.lookup("#exercise-submit").queryButton().fire());
        assertThat(text(robot, "#exercise-feedback")).startsWith("Not this one");
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.WATCHING);
        assertThat(scripted.calls).doesNotContain("repair authMismatch");

        robot.interact(() -> answer.setValue(Exercise.AUTH_MISMATCH));
        robot.interact(() -> robot.lookup("#exercise-submit").queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.phaseProperty().get() == Phase.DONE);
        assertThat(text(robot, "#exercise-feedback")).startsWith("Right");
        assertThat(text(robot, "#exercise-diagnosis")).contains("SPLIT_BRAIN", "both MASTER", "auth_pass must be the same");
        assertThat(text(robot, "#exercise-outcome")).contains("Repaired");
        assertThat(scripted.calls).containsSubsequence("plant authMismatch", "diagnose authMismatch", "repair authMismatch");

        LabSession session = SessionStore.user().load("local-lab");
        LabSession.ExerciseRecord record = session.exercises().get(session.exercises().size() - 1);
        assertThat(record.exercise()).isEqualTo("authMismatch");
        assertThat(record.answer()).as("the first pick is what counts").isEqualTo("vridClash");
        assertThat(record.correct()).isFalse();
        assertThat(record.repaired()).isTrue();

        robot.interact(() -> view.select("tab-report"));
        robot.clickOn("#report-student").write("Han Meimei");
        robot.interact(() -> view.report().export(dir, false));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.report().writtenProperty().get() != null);
        String html = Files.readString(view.report().writtenProperty().get());
        assertThat(html).contains("Han Meimei", "A different auth password on the backup");
    }

    @Test
    void anExerciseThatDoesNotFitTheLabIsRefusedWithTheReasonAndNothingIsPlanted(FxRobot robot) throws Exception {
        RunRequest dual = new RunRequest(ProfileLoader.load("dual-master"), new Credentials("root", Path.of("/tmp/lab-key"), null, null));
        robot.interact(() -> window.startInstall(dual));
        robot.clickOn("#open-companion");
        WaitForAsyncUtils.waitForFxEvents();
        CompanionView view = ((CompanionWindow) robot.lookup("#open-companion").queryButton().getProperties()
                .get(CompanionWindow.class)).view();
        robot.interact(() -> view.exercises().start(Exercise.AUTH_MISMATCH));
        assertThat(view.exercises().phaseProperty().get()).isEqualTo(Phase.IDLE);
        assertThat(window.texts().render(view.exercises().progressProperty().get())).contains("does not fit", "master/backup");
        assertThat(scripted.calls).noneMatch(c -> c.startsWith("plant"));
    }
}
