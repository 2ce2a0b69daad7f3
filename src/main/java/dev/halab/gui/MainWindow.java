package dev.halab.gui;

import atlantafx.base.theme.Styles;
import dev.halab.core.i18n.Bundles;
import dev.halab.core.report.SessionStore;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.Theme;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.common.Ui;
import dev.halab.gui.companion.CompanionButton;
import dev.halab.gui.companion.SessionRecorder;
import dev.halab.gui.install.InstallView;
import dev.halab.gui.install.InstallViewModel;
import dev.halab.gui.scenario.ScenarioViewModel;
import dev.halab.gui.service.RunRequest;
import dev.halab.gui.service.Services;
import dev.halab.gui.topology.DashboardView;
import dev.halab.gui.topology.DashboardViewModel;
import dev.halab.gui.wizard.WizardView;
import dev.halab.gui.wizard.WizardViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Locale;

/**
 * The window's frame: a header with the language menu and the light/dark switch, and one screen
 * at a time (wizard, install, dashboard). It wires screens together; each screen's logic is in its
 * view model.
 */
public final class MainWindow extends BorderPane {
    public enum Screen { WIZARD, INSTALL, DASHBOARD }

    private final Services services;
    private final UiContext context;
    private final Texts texts;
    private final WizardViewModel wizard;
    private final WizardView wizardView;
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.WIZARD);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private InstallViewModel install;
    private InstallView installView;
    private DashboardViewModel dashboard;
    private DashboardView dashboardView;
    private ScenarioViewModel scenarios;
    private RunRequest request;

    public MainWindow(Services services, UiContext context) {
        // Installs, failovers, scenario steps and exercises done here go into the lab report as the CLI's do.
        this.services = SessionRecorder.recording(services, SessionStore.user());
        this.context = context;
        this.texts = context.texts();
        setId("main-window");
        getStyleClass().add("main-window");
        wizard = new WizardViewModel(services, context);
        wizardView = new WizardView(wizard, this::startInstall);
        setTop(header());
        setCenter(wizardView);
    }

    public WizardViewModel wizard() {
        return wizard;
    }

    public InstallViewModel install() {
        return install;
    }

    public DashboardViewModel dashboard() {
        return dashboard;
    }

    public ScenarioViewModel scenarios() {
        return scenarios;
    }

    public DashboardView dashboardView() {
        return dashboardView;
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    /** The language this window shows; the header's menu switches it. */
    public Texts texts() {
        return texts;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** FX thread: from the wizard's last page, with the request it captured. */
    public void startInstall(RunRequest runRequest) {
        request = runRequest;
        install = new InstallViewModel(services.install(), context);
        installView = new InstallView(install, this::openDashboard, this::showWizard);
        show(Screen.INSTALL, installView);
        install.start(runRequest);
    }

    public void showWizard() {
        show(Screen.WIZARD, wizardView);
    }

    /** Opens the dashboard on the installed lab and connects the monitor. */
    public void openDashboard() {
        RunRequest runRequest = request != null ? request : wizard.runRequest();
        openDashboard(runRequest, true);
    }

    /** Builds the dashboard for a request; {@code connect} false only for screenshots fed by hand. */
    public void openDashboard(RunRequest runRequest, boolean connect) {
        if (dashboard != null) {
            dashboard.close();
        }
        dashboard = new DashboardViewModel(runRequest.topology(), services.monitor(), context);
        scenarios = new ScenarioViewModel(dashboard);
        SessionRecorder.watch(scenarios, dashboard, runRequest.topology().name(), SessionStore.user());
        dashboardView = new DashboardView(dashboard, scenarios);
        show(Screen.DASHBOARD, dashboardView);
        if (connect) {
            dashboard.connect(runRequest);
        }
    }

    /** Shows a screen built elsewhere (screenshots). */
    public void show(Screen which, Node view) {
        screen.set(which);
        setCenter(view);
    }

    public void close() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    /** The lab being worked on: the installed one, else the wizard's (the companion shows the tutorial's for an unfinished draft). */
    private RunRequest currentRequest() {
        return request != null ? request : wizard.runRequest();
    }

    private Node header() {
        Label title = new Label("HA Lab");
        title.getStyleClass().addAll(Styles.TITLE_4, "app-title");
        title.setGraphic(Ui.icon(Material2AL.DEVICE_HUB));
        Label subtitle = Ui.label(texts, "app.subtitle", Styles.TEXT_MUTED);
        Label screenName = new Label();
        screenName.getStyleClass().add("screen-name");
        screenName.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> texts.get("screen." + screen.get().name()), screen, texts.localeProperty()));

        MenuButton language = new MenuButton();
        language.setId("language");
        language.setGraphic(Ui.icon(Material2AL.LANGUAGE));
        language.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Bundles.isChinese(texts.locale()) ? "简体中文" : "English", texts.localeProperty()));
        MenuItem english = new MenuItem("English");
        english.setId("lang-en");
        english.setOnAction(e -> texts.setLocale(Locale.ENGLISH));
        MenuItem chinese = new MenuItem("简体中文");
        chinese.setId("lang-zh");
        chinese.setOnAction(e -> texts.setLocale(Bundles.CHINESE));
        language.getItems().addAll(english, chinese);

        ToggleButton dark = new ToggleButton();
        dark.setId("theme-toggle");
        dark.setGraphic(Ui.icon(Material2MZ.NIGHTS_STAY));
        dark.textProperty().bind(texts.bind("app.dark"));
        dark.selectedProperty().addListener((o, old, on) -> theme.set(on ? Theme.DARK : Theme.LIGHT));
        theme.addListener((o, old, t) -> t.apply());

        // The tutorial companion (differences, commands, exercises, report): from the wizard and the dashboard alike.
        Node companion = CompanionButton.create(services, context, this::currentRequest);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, subtitle, screenName, spacer, companion, language, dark);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 16, 8, 16));
        header.getStyleClass().add("app-header");
        return header;
    }
}
