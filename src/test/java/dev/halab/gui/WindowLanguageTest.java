package dev.halab.gui;

import dev.halab.core.i18n.Bundles;
import dev.halab.gui.common.UiContext;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language belongs to a window, not to the JVM: a second window built in Chinese next to the
 * English one shows Chinese while the first stays English, and switching one leaves the other as it is.
 */
class WindowLanguageTest extends HeadlessWindowTest {

    /** The window reads its profiles' descriptions on a worker after its first frame; a test ends after that. */
    private void profilesRead() throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !window.wizard().start().profileDescriptions().isEmpty());
    }

    private static String text(MainWindow window, String id) {
        return ((Labeled) window.lookup(id)).getText();
    }

    @Test
    void twoWindowsInOneJvmEachShowTheLanguageTheyWereBuiltWith(FxRobot robot) throws Exception {
        profilesRead();
        AtomicReference<MainWindow> chinese = new AtomicReference<>();
        robot.interact(() -> chinese.set(new MainWindow(scripted.services(), UiContext.sameThread(Bundles.CHINESE))));

        assertThat(text(window, "#next")).isEqualTo("Next");
        assertThat(text(chinese.get(), "#next")).isEqualTo("下一步");
        assertThat(text(window, "#language")).isEqualTo("English");
        assertThat(text(chinese.get(), "#language")).isEqualTo("简体中文");

        robot.interact(() -> window.texts().setLocale(Bundles.CHINESE));
        robot.interact(() -> chinese.get().texts().setLocale(Locale.ENGLISH));

        assertThat(text(window, "#next")).isEqualTo("下一步");
        assertThat(text(chinese.get(), "#next")).isEqualTo("Next");
    }

    @Test
    void theLanguageMenuSwitchesOnlyItsOwnWindow(FxRobot robot) throws Exception {
        profilesRead();
        AtomicReference<MainWindow> other = new AtomicReference<>();
        robot.interact(() -> other.set(new MainWindow(scripted.services(), UiContext.sameThread(Locale.ENGLISH))));

        robot.clickOn("#language");
        robot.clickOn("简体中文");

        assertThat(text(window, "#next")).isEqualTo("下一步");
        assertThat(text(other.get(), "#next")).isEqualTo("Next");
        assertThat(Bundles.startLocale()).isEqualTo(Bundles.supported(Bundles.startLocale()));
    }
}
