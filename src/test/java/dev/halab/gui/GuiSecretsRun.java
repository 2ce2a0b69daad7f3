package dev.halab.gui;

import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.remote.HostKeyPrompt;
import dev.halab.gui.common.AppExecutor;
import dev.halab.gui.common.Theme;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.install.LogLine;
import dev.halab.gui.service.Services;
import dev.halab.gui.topology.AlertItem;
import dev.halab.gui.wizard.HostFields;
import dev.halab.gui.wizard.RunStatus;
import javafx.scene.Scene;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The GUI half of the secrets check ({@code SecretsIT}), in a JVM of its own so that everything the
 * desktop app writes (logs, trust store, session record) lands under that JVM's home: the real
 * main window on headless Monocle, driven as a student clicks through the wizard with a profile
 * file, logging in as a sudo user with a password (read from stdin, typed into the password fields),
 * testing the connection, running pre-flight, the plan, the install and verify, then opening the
 * dashboard until the monitor sees the VIP on nginx1. Everything the window showed (install log,
 * dashboard alerts) is printed so the caller can search it too. Exit 0 when every step passed.
 *
 * <pre>{@code java -cp <test class path> -Duser.home=HOME dev.halab.gui.GuiSecretsRun PROFILE.json < password}</pre>
 */
public final class GuiSecretsRun {
    private GuiSecretsRun() {
    }

    public static void main(String[] args) throws Exception {
        String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        AppExecutor executor = new AppExecutor();
        AtomicReference<MainWindow> window = new AtomicReference<>();
        int exit = 1;
        try {
            FxToolkit.registerPrimaryStage();
            FxToolkit.setupStage(stage -> {
                Theme.LIGHT.apply();
                window.set(new MainWindow(Services.fromCore(HostKeyPrompt.REFUSE), UiContext.fx(executor, Locale.ENGLISH)));
                Scene scene = new Scene(window.get(), 1280, 820);
                Theme.style(scene);
                stage.setScene(scene);
                stage.show();
            });
            drive(new FxRobot(), window.get(), args[0], password);
            exit = 0;
        } catch (Throwable e) {
            e.printStackTrace(System.out);
        } finally {
            if (window.get() != null) {
                printWhatTheWindowShowed(window.get());
                WaitForAsyncUtils.asyncFx(window.get()::close).get(30, TimeUnit.SECONDS);
            }
            executor.close();
        }
        System.out.flush();
        System.exit(exit);
    }

    private static void drive(FxRobot robot, MainWindow window, String profile, String password) throws Exception {
        var wizard = window.wizard();
        robot.clickOn("#choice-profile");
        // the profile file (its VRRP key is the test's): the list shows shipped profiles, a file comes from a file dialog
        robot.interact(() -> wizard.start().chooseProfile(profile));
        check(wizard.errorProperty().get() == null, "profile: " + render(wizard.errorProperty().get()));
        robot.clickOn("#next");

        TextField user = robot.lookup("#ssh-user").queryAs(TextField.class);
        robot.interact(user::clear);
        robot.clickOn(user).write("student");
        robot.clickOn("#login-password");
        type(robot, "#password", password);
        robot.clickOn(window.texts().get("machines.sudo"));
        type(robot, "#sudo-password", password);

        robot.clickOn("#test-nginx1");
        HostFields nginx1 = wizard.state().hosts().get(0);
        await(60, () -> onFx(() -> nginx1.testStateProperty().get().name().matches("OK|FAILED")));
        check(onFx(() -> nginx1.testStateProperty().get()) == HostFields.TestState.OK,
                "connection test: " + onFx(() -> render(nginx1.testMessageProperty().get())));
        robot.clickOn("#next");
        robot.clickOn("#next");
        await(180, () -> wizard.preflight().statusProperty().get() != RunStatus.RUNNING);
        check(wizard.preflight().statusProperty().get() == RunStatus.PASSED, "pre-flight: " + render(wizard.errorProperty().get()));
        robot.clickOn("#next");
        await(180, () -> wizard.review().statusProperty().get() != RunStatus.RUNNING);
        check(wizard.review().statusProperty().get() == RunStatus.PASSED, "plan: " + render(wizard.errorProperty().get()));

        robot.clickOn("#next"); // Install
        await(900, () -> window.install() != null && window.install().verifySucceededProperty().get() != null
                || window.install() != null && Boolean.FALSE.equals(window.install().installSucceededProperty().get())
                && !window.install().runningProperty().get());
        check(Boolean.TRUE.equals(window.install().installSucceededProperty().get()),
                "install: " + render(window.install().summaryProperty().get()));
        check(Boolean.TRUE.equals(window.install().verifySucceededProperty().get()),
                "verify: " + render(window.install().verifySummaryProperty().get()));
        System.out.println("[gui] install: " + render(window.install().summaryProperty().get()));

        robot.clickOn("#open-dashboard");
        var dashboard = window.dashboard();
        await(60, () -> onFx(() -> dashboard.connectedProperty().get()
                && "nginx1".equals(dashboard.model().vipHolderProperty().get())));
        System.out.println("[gui] dashboard: connected, VIP on nginx1");
    }

    /** Types into a password field as a student does; the field must then hold exactly what was typed. */
    private static void type(FxRobot robot, String query, String text) throws Exception {
        PasswordField field = robot.lookup(query).queryAs(PasswordField.class);
        robot.clickOn(field).write(text);
        check(onFx(() -> text.equals(field.getText())), query + " did not take the typed password");
    }

    private static void printWhatTheWindowShowed(MainWindow window) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (window.install() != null) {
                for (LogLine line : window.install().log()) {
                    System.out.println("[gui log] " + line.toClipboard(Locale.ENGLISH));
                }
            }
            if (window.dashboard() != null) {
                for (AlertItem alert : window.dashboard().alerts()) {
                    System.out.println("[gui alert] " + alert.code() + " " + render(alert.title()) + " - " + render(alert.hint()));
                }
            }
        }).get(30, TimeUnit.SECONDS);
    }

    private static String render(LocalizedText text) {
        return text == null ? "-" : text.render(Locale.ENGLISH);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private static void await(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
