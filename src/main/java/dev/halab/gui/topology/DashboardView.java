package dev.halab.gui.topology;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.Ui;
import dev.halab.gui.scenario.ScenarioView;
import dev.halab.gui.scenario.ScenarioViewModel;
import dev.halab.core.failover.ChaosAction;
import dev.halab.core.vmware.VmrunPowerSwitch;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.Duration;

/**
 * The dashboard: chaos buttons on top, the drawn topology, the request stream, the timeline with
 * measured vs theoretical failover time, alerts with hints, and the guided scenario panel.
 */
public final class DashboardView extends BorderPane {
    private final TopologyView topology;
    private final TimelineChart timeline;

    private final Texts texts;

    public DashboardView(DashboardViewModel vm, ScenarioViewModel scenarios) {
        this.texts = vm.texts();
        setId("dashboard");
        getStyleClass().add("dashboard");
        topology = new TopologyView(vm.model(), texts);

        MenuButton killMaster = chaosMenu(vm, ChaosTarget.MASTER, "dashboard.killMaster");
        killMaster.setId("kill-master");
        killMaster.getStyleClass().add(Styles.DANGER);
        MenuButton killBackup = chaosMenu(vm, ChaosTarget.BACKUP, "dashboard.killBackup");
        killBackup.setId("kill-backup");
        MenuButton restore = new MenuButton();
        restore.setId("restore");
        restore.textProperty().bind(texts.bind("dashboard.restore"));
        restore.setGraphic(Ui.icon(Material2MZ.RESTORE));
        for (NodeModel node : vm.model().frontEnds()) {
            MenuItem item = new MenuItem(node.name() + " (" + node.label() + ")");
            item.setId("restore-" + node.name());
            item.setOnAction(e -> vm.restore(node.name()));
            restore.getItems().add(item);
        }
        MenuItem all = new MenuItem();
        all.textProperty().bind(texts.bind("dashboard.restoreAll"));
        all.setOnAction(e -> vm.restoreAll());
        restore.getItems().add(all);
        Label status = new Label();
        status.setId("dashboard-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            String action = texts.render(vm.lastActionProperty().get());
            String connection = texts.get(vm.connectedProperty().get() ? "dashboard.connected"
                    : vm.busyProperty().get() ? "dashboard.connecting" : "dashboard.disconnected");
            return action.isEmpty() ? connection : connection + " · " + action;
        }, vm.connectedProperty(), vm.busyProperty(), vm.lastActionProperty(), texts.localeProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(10, Ui.label(texts, "dashboard.title", Styles.TITLE_3), spacer, status, killMaster, killBackup, restore);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(10, 16, 6, 16));

        Message error = new Message();
        error.getStyleClass().add(Styles.DANGER);
        error.setGraphic(Ui.icon(Material2AL.ERROR_OUTLINE));
        error.titleProperty().bind(texts.bind("dashboard.error"));
        error.descriptionProperty().bind(texts.bind(vm.errorProperty()));
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        error.setOnClose(e -> vm.errorProperty().set(null));
        setTop(new VBox(toolbar, error));

        timeline = new TimelineChart(vm.timeline(), vm.lastKillAtProperty()::get);
        Label measured = new Label();
        measured.setId("failover-time");
        measured.getStyleClass().add("failover-time");
        measured.textProperty().bind(Bindings.createStringBinding(() -> failoverText(vm),
                vm.measuredProperty(), vm.theoreticalProperty(), vm.lastMethodProperty(), vm.failedRequestsProperty(),
                vm.outageProperty(), texts.localeProperty()));
        HBox legend = legend(vm);
        VBox timelineBox = new VBox(4, new HBox(12, Ui.label(texts, "dashboard.timeline", Styles.TEXT_BOLD), legend), timeline,
                measured);
        timelineBox.getStyleClass().add("panel");

        RequestStreamView stream = new RequestStreamView(vm);
        VBox streamBox = new VBox(4, Ui.label(texts, "dashboard.requests", Styles.TEXT_BOLD), stream);
        VBox.setVgrow(stream, Priority.ALWAYS);
        streamBox.getStyleClass().add("panel");

        VBox alerts = new VBox(6);
        alerts.setId("alerts");
        Runnable fillAlerts = () -> {
            alerts.getChildren().clear();
            if (vm.alerts().isEmpty()) {
                Label none = Ui.label(texts, "dashboard.noAlerts", Styles.TEXT_MUTED);
                none.setGraphic(Ui.icon(Material2AL.CHECK_CIRCLE));
                alerts.getChildren().add(none);
            }
            for (AlertItem alert : vm.alerts()) {
                Message m = new Message(texts.render(alert.title()), texts.render(alert.hint()), Ui.icon(Material2MZ.WARNING));
                m.getStyleClass().add(Styles.WARNING);
                alerts.getChildren().add(m);
            }
        };
        vm.alerts().addListener((ListChangeListener<AlertItem>) c -> fillAlerts.run());
        texts.localeProperty().addListener(o -> fillAlerts.run());
        fillAlerts.run();
        ScrollPane alertScroll = new ScrollPane(alerts);
        alertScroll.setFitToWidth(true);
        VBox alertBox = new VBox(4, Ui.label(texts, "dashboard.alerts", Styles.TEXT_BOLD), alertScroll);
        VBox.setVgrow(alertScroll, Priority.ALWAYS);
        alertBox.getStyleClass().add("panel");

        HBox lower = new HBox(10, streamBox, alertBox);
        HBox.setHgrow(streamBox, Priority.ALWAYS);
        alertBox.setPrefWidth(360);
        lower.setPrefHeight(200);
        VBox.setVgrow(topology, Priority.ALWAYS);
        VBox main = new VBox(10, topology, timelineBox, lower);
        main.setPadding(new Insets(6, 8, 10, 16));

        ScenarioView scenarioView = new ScenarioView(scenarios);
        ScrollPane scenarioScroll = new ScrollPane(scenarioView);
        scenarioScroll.setFitToWidth(true);
        scenarioScroll.setMinWidth(300);
        SplitPane split = new SplitPane(main, scenarioScroll);
        split.setDividerPositions(0.72);
        setCenter(split);
    }

    public TopologyView topology() {
        return topology;
    }

    public TimelineChart timeline() {
        return timeline;
    }

    private String failoverText(DashboardViewModel vm) {
        if (vm.lastMethodProperty().get() == null) {
            return texts.get("dashboard.failover.none");
        }
        String method = texts.get("chaos." + vm.lastMethodProperty().get().name());
        String theory = vm.theoreticalProperty().get() == null ? texts.get("dashboard.failover.theoryUnknown")
                : seconds(vm.theoreticalProperty().get());
        if (vm.measuredProperty().get() == null) {
            return texts.get("dashboard.failover.waiting", method, theory);
        }
        if (vm.outageProperty().get() != null) {
            // The core's text, as the CLI prints it: measured (± clock uncertainty) beside the floor.
            return texts.render(vm.outageProperty().get().text());
        }
        Integer failed = vm.failedRequestsProperty().get();
        return texts.get("dashboard.failover.measured", method, seconds(vm.measuredProperty().get()), theory,
                failed == null ? "-" : failed);
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }

    private HBox legend(DashboardViewModel vm) {
        HBox legend = new HBox(10);
        legend.setAlignment(Pos.CENTER_LEFT);
        for (NodeModel n : vm.model().frontEnds()) {
            legend.getChildren().add(chip(n.label(), "legend-nginx" + (n.index() % 2)));
        }
        for (NodeModel n : vm.model().backEnds()) {
            legend.getChildren().add(chip(n.host().address(), "legend-tomcat" + (n.index() % 2)));
        }
        Label failed = new Label();
        failed.textProperty().bind(texts.bind("dashboard.legend.failed"));
        failed.getStyleClass().addAll("legend-chip", "legend-failed");
        legend.getChildren().add(failed);
        return legend;
    }

    private static Label chip(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().addAll("legend-chip", style);
        return label;
    }

    private MenuButton chaosMenu(DashboardViewModel vm, ChaosTarget target, String key) {
        MenuButton menu = new MenuButton();
        menu.textProperty().bind(Bindings.createStringBinding(() -> texts.get(key, vm.hostOf(target)),
                vm.model().vipHolderProperty(), texts.localeProperty()));
        menu.setGraphic(Ui.icon(Material2MZ.POWER_SETTINGS_NEW));
        for (ChaosAction method : ChaosAction.values()) {
            if (method == ChaosAction.POWER && !VmrunPowerSwitch.canPower(vm.model().topology())) {
                continue; // no power switch for these machines (not the local lab, no .vmx in the profile)
            }
            MenuItem item = new MenuItem();
            if (method == ChaosAction.POWER) { // the target moves with the VIP; only a machine with a switch offers it
                item.visibleProperty().bind(Bindings.createBooleanBinding(
                        () -> VmrunPowerSwitch.canPower(vm.model().topology(), vm.hostOf(target)), vm.model().vipHolderProperty()));
            }
            item.setId("kill-" + target.name().toLowerCase(java.util.Locale.ROOT) + "-" + method.name());
            item.textProperty().bind(texts.bind("chaos." + method.name()));
            item.setOnAction(e -> vm.chaos(target, method));
            menu.getItems().add(item);
        }
        return menu;
    }
}
