package dev.halab.gui.install;

import dev.halab.core.tutorial.StepCommand;
import dev.halab.gui.companion.TutorialCommandCard;
import javafx.scene.control.Hyperlink;
import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.Ui;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The install screen: per host its steps with state icons and progress (click a step to see its
 * log), the live log, cancel, the failed step explained with retry, and the verify result.
 */
public final class InstallView extends BorderPane {
    /** At most this share of the window for the messages under the log. */
    private static final double MESSAGES_SHARE = 0.3;

    private final VBox hostColumn = new VBox(12);

    private final Texts texts;

    public InstallView(InstallViewModel vm, Runnable openDashboard, Runnable backToWizard) {
        this.texts = vm.texts();
        setId("install");
        getStyleClass().add("install");

        Label title = Ui.label(texts, "install.title", Styles.TITLE_3);
        Label phase = new Label();
        phase.setId("install-phase");
        phase.getStyleClass().add(Styles.TEXT_MUTED);
        phase.textProperty().bind(Bindings.createStringBinding(() -> texts.get("install.phase."
                + vm.phaseProperty().get().name()), vm.phaseProperty(), texts.localeProperty()));
        Button cancel = Ui.button(texts, "install.cancel", Material2AL.CANCEL, vm::cancel);
        cancel.setId("install-cancel");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.disableProperty().bind(vm.runningProperty().not());
        Button retry = Ui.button(texts, "install.retry", Material2MZ.REPLAY, vm::retry);
        retry.setId("install-retry");
        retry.disableProperty().bind(vm.runningProperty());
        Button back = Ui.button(texts, "install.backToWizard", Material2AL.ARROW_BACK, backToWizard);
        back.disableProperty().bind(vm.runningProperty());
        Button dashboard = Ui.button(texts, "install.openDashboard", Material2AL.DASHBOARD, openDashboard);
        dashboard.setId("open-dashboard");
        dashboard.getStyleClass().add(Styles.ACCENT);
        dashboard.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !Boolean.TRUE.equals(vm.installSucceededProperty().get()) || vm.runningProperty().get(),
                vm.installSucceededProperty(), vm.runningProperty()));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(vm.runningProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spinner, phase, spacer, back, cancel, retry, dashboard);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 16, 8, 16));
        setTop(header);

        vm.hosts().addListener((ListChangeListener<HostProgress>) c -> rebuildHosts(vm));
        rebuildHosts(vm);
        ScrollPane hostScroll = new ScrollPane(hostColumn);
        hostScroll.setFitToWidth(true);
        hostScroll.setMinWidth(300);
        hostColumn.setPadding(new Insets(4, 8, 8, 12));

        LogView log = new LogView(vm);
        log.setPadding(new Insets(4, 12, 8, 8));
        SplitPane split = new SplitPane(hostScroll, log);
        split.setDividerPositions(0.34);
        setCenter(split);

        Message failed = new Message();
        failed.setId("failed-step");
        failed.getStyleClass().add(Styles.DANGER);
        failed.setGraphic(Ui.icon(Material2AL.ERROR_OUTLINE));
        failed.titleProperty().bind(Bindings.createStringBinding(() -> vm.failedStepProperty().get() == null ? ""
                : texts.get("install.failedStep", vm.failedStepProperty().get().host(),
                texts.render(vm.failedStepProperty().get().titleProperty().get())),
                vm.failedStepProperty(), texts.localeProperty()));
        failed.descriptionProperty().bind(Bindings.createStringBinding(() -> vm.failedStepProperty().get() == null ? ""
                : texts.render(vm.failedStepProperty().get().detailProperty().get()) + "\n" + texts.get("install.retryHint"),
                vm.failedStepProperty(), texts.localeProperty()));
        failed.visibleProperty().bind(vm.failedStepProperty().isNotNull().and(vm.runningProperty().not()));
        failed.managedProperty().bind(failed.visibleProperty());

        Message summary = new Message();
        summary.setId("install-summary");
        summary.titleProperty().bind(texts.bind("install.summary"));
        summary.descriptionProperty().bind(texts.bind(vm.summaryProperty()));
        summary.visibleProperty().bind(vm.summaryProperty().isNotNull().and(vm.failedStepProperty().isNull()));
        summary.managedProperty().bind(summary.visibleProperty());
        vm.installSucceededProperty().addListener((o, old, ok) -> style(summary, ok));

        Message verify = new Message();
        verify.setId("verify-result");
        verify.titleProperty().bind(Bindings.createStringBinding(() -> texts.get(
                Boolean.TRUE.equals(vm.verifySucceededProperty().get()) ? "install.verify.passed" : "install.verify.failed"),
                vm.verifySucceededProperty(), texts.localeProperty()));
        verify.descriptionProperty().bind(texts.bind(vm.verifySummaryProperty()));
        verify.visibleProperty().bind(vm.verifySucceededProperty().isNotNull());
        verify.managedProperty().bind(verify.visibleProperty());
        vm.verifySucceededProperty().addListener((o, old, ok) -> style(verify, ok));

        VBox bottom = new VBox(8, failed, summary, verify);
        bottom.setPadding(new Insets(0, 16, 12, 16));
        // A failure's detail can be a page of apt output: it scrolls instead of pushing the log off the window.
        ScrollPane bottomScroll = new ScrollPane(bottom);
        bottomScroll.setId("install-messages");
        bottomScroll.setFitToWidth(true);
        bottomScroll.maxHeightProperty().bind(heightProperty().multiply(MESSAGES_SHARE));
        setBottom(bottomScroll);
    }

    private static void style(Message message, Boolean ok) {
        message.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        if (ok != null) {
            message.getStyleClass().add(ok ? Styles.SUCCESS : Styles.DANGER);
            message.setGraphic(Ui.icon(ok ? Material2AL.CHECK_CIRCLE : Material2AL.ERROR_OUTLINE));
        }
    }

    private void rebuildHosts(InstallViewModel vm) {
        hostColumn.getChildren().clear();
        for (HostProgress host : vm.hosts()) {
            hostColumn.getChildren().add(hostCard(vm, host));
        }
    }

    private Node hostCard(InstallViewModel vm, HostProgress host) {
        Label name = new Label(host.host());
        name.getStyleClass().add(Styles.TITLE_4);
        Node[] icon = {stateIcon(host.stateProperty().get())};
        HBox header = new HBox(8, icon[0], name);
        header.setAlignment(Pos.CENTER_LEFT);
        host.stateProperty().addListener((o, old, s) -> header.getChildren().set(0, stateIcon(s)));
        header.setOnMouseClicked(e -> {
            vm.stepFilterProperty().set(null);
            vm.hostFilterProperty().set(host.host());
        });
        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(host.progressProperty());
        VBox steps = new VBox(2);
        Runnable fill = () -> {
            steps.getChildren().clear();
            for (StepItem step : host.steps()) {
                steps.getChildren().add(stepRow(vm, step));
            }
        };
        host.steps().addListener((ListChangeListener<StepItem>) c -> fill.run());
        fill.run();
        VBox card = new VBox(6, header, progress, steps);
        card.getStyleClass().add("host-card");
        card.setId("host-" + host.host());
        return card;
    }

    private Node stepRow(InstallViewModel vm, StepItem step) {
        Label title = new Label();
        title.textProperty().bind(texts.bind(step.titleProperty()));
        Label detail = new Label();
        detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        detail.textProperty().bind(texts.bind(step.detailProperty()));
        detail.setWrapText(true);
        detail.managedProperty().bind(step.detailProperty().isNotNull());
        VBox text = new VBox(0, title, detail);
        vm.tutorialCommand(step.stepId()).ifPresent(command -> text.getChildren().add(byHand(step, command)));
        HBox row = new HBox(8, stateIcon(step.stateProperty().get()), text);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add("step-row");
        row.setUserData(step);
        step.stateProperty().addListener((o, old, s) -> row.getChildren().set(0, stateIcon(s)));
        row.setOnMouseClicked(e -> vm.stepFilterProperty().set(step));
        return row;
    }

    /**
     * "By hand" under a step: opens the tutorial's command for it (what to type, what HA Lab ran,
     * what the output means, one-click copy) in place, so a student can follow along in a terminal.
     */
    private Node byHand(StepItem step, StepCommand command) {
        Hyperlink toggle = new Hyperlink();
        toggle.textProperty().bind(texts.bind("install.byHand"));
        toggle.getStyleClass().add(Styles.TEXT_SMALL);
        toggle.setId("by-hand-" + step.host() + "-" + step.stepId().replace('.', '-'));
        VBox box = new VBox(4, toggle);
        toggle.setOnAction(e -> {
            e.consume();
            if (box.getChildren().size() > 1) {
                box.getChildren().remove(1);
            } else {
                box.getChildren().add(TutorialCommandCard.of(texts, step.titleProperty().get(), command));
            }
        });
        return box;
    }

    /** The icon of a state: pending, running, changed, nothing to do, failed, skipped. */
    static Node stateIcon(StepState state) {
        return switch (state) {
            case PENDING -> Ui.icon(Material2MZ.RADIO_BUTTON_UNCHECKED, "state-pending");
            case RUNNING -> Ui.icon(Material2AL.AUTORENEW, "state-running");
            case CHANGED -> Ui.icon(Material2AL.CHECK_CIRCLE, "state-changed");
            case UNCHANGED -> Ui.icon(Material2MZ.REMOVE_CIRCLE_OUTLINE, "state-unchanged");
            case FAILED -> Ui.icon(Material2AL.ERROR, "state-failed");
            case SKIPPED -> Ui.icon(Material2MZ.SKIP_NEXT, "state-skipped");
        };
    }
}
