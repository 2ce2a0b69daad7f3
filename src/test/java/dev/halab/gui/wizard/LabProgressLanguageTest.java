package dev.halab.gui.wizard;

import dev.halab.core.i18n.Bundles;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.gui.HeadlessWindowTest;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local lab's progress reaches the window as text as data: a window that speaks Chinese shows
 * the lab's line in Chinese, and the same line reads in English once the window is switched.
 */
class LabProgressLanguageTest extends HeadlessWindowTest {

    @Override
    protected Locale locale() {
        return Bundles.CHINESE;
    }

    private static List<String> shownLines(FxRobot robot) {
        ListView<?> list = robot.lookup("#lab-progress").queryAs(ListView.class);
        return robot.from(list).lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> !c.isEmpty() && c.getText() != null).map(ListCell::getText).toList();
    }

    @Test
    void theLabsProgressLineIsShownInTheWindowsLanguage(FxRobot robot) throws Exception {
        scripted.labProgress = LocalizedText.of("lab", "progress.ready", 4, "192.168.224.0/24");
        robot.clickOn("#choice-lab");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#lab-up").queryButton().isDisabled());
        robot.clickOn("#lab-up");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !shownLines(robot).isEmpty());

        assertThat(shownLines(robot)).first().asString().containsPattern("\\p{IsHan}")
                .contains("192.168.224.0/24").doesNotContain("Lab up");

        robot.interact(() -> window.texts().setLocale(Locale.ENGLISH));
        assertThat(shownLines(robot)).first().isEqualTo("Lab up: 4 hosts on 192.168.224.0/24.");
    }
}
