package dev.halab.gui.wizard;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.command.Secret;
import dev.halab.core.event.RunEvent;
import dev.halab.core.i18n.Bundles;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.step.Action;
import dev.halab.core.step.Validator;
import dev.halab.core.template.GeneratedFile;
import dev.halab.gui.HeadlessWindowTest;
import dev.halab.gui.ScriptedServices;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Review page of a window that speaks Chinese shows the dry run's action lines in Chinese,
 * rendered when drawn (switching the window to English re-reads them), and a masked secret stays
 * masked in both languages.
 */
class ReviewPageLanguageTest extends HeadlessWindowTest {

    @Override
    protected Locale locale() {
        return Bundles.CHINESE;
    }

    private static List<RunEvent> planOf(List<Action> actions) {
        List<RunEvent> events = new java.util.ArrayList<>();
        for (Action action : actions) {
            for (LocalizedText line : action.display()) {
                events.add(new RunEvent.CommandStarted(Instant.now(), "nginx1", "keepalived", line));
            }
        }
        events.add(ScriptedServices.finished(true));
        return events;
    }

    private static List<String> shownLines(FxRobot robot) {
        ListView<?> list = robot.lookup("#plan-commands").queryAs(ListView.class);
        return robot.from(list).lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> !c.isEmpty() && c.getText() != null).map(ListCell::getText).toList();
    }

    @Test
    void actionLinesReadInTheWindowsLanguageAndASecretStaysMasked(FxRobot robot) throws Exception {
        scripted.preflightEvents.add(ScriptedServices.finished(true));
        scripted.planEvents.addAll(planOf(List.of(
                new Action.PutFile(new GeneratedFile("/etc/keepalived/keepalived.conf", "vrrp_instance VI_1 {}\n", 0644),
                        "absent", Validator.NONE),
                Action.Run.of(RemoteCommand.of("chpasswd-like", "--user", "lab", Secret.of("hunter2 secret")).asRoot()))));
        chooseTutorialProfile(robot);
        robot.clickOn("#next");
        robot.clickOn("#next");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#next").queryButton().isDisabled());
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.wizard().review().statusProperty().get() == RunStatus.PASSED);
        ListView<?> commands = robot.lookup("#plan-commands").queryAs(ListView.class);
        robot.interact(() -> ((TitledPane) commands.getParent().getParent()).setExpanded(true));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shownLines(robot).size() >= 3);

        List<String> chinese = shownLines(robot);
        assertThat(chinese).anyMatch(l -> l.contains("上传") && l.contains("/etc/keepalived/keepalived.conf"))
                .anyMatch(l -> l.contains("备份"))
                .noneMatch(l -> l.contains("upload") || l.contains("back up"))
                .anyMatch(l -> l.endsWith("sudo chpasswd-like --user lab ******"))
                .noneMatch(l -> l.contains("hunter2"));

        robot.interact(() -> window.texts().setLocale(Locale.ENGLISH));
        List<String> english = shownLines(robot);
        assertThat(english).anyMatch(l -> l.contains("upload /etc/keepalived/keepalived.conf (0644, 22 bytes)"))
                .noneMatch(l -> l.contains("上传"))
                .anyMatch(l -> l.endsWith("sudo chpasswd-like --user lab ******"))
                .noneMatch(l -> l.contains("hunter2"));
    }
}
