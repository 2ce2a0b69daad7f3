package dev.halab.gui.wizard;

import atlantafx.base.theme.Styles;
import dev.halab.core.topology.Mode;
import dev.halab.core.topology.Problem;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.Ui;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.ToggleSwitch;
import org.kordamp.ikonli.material2.Material2AL;

/** High availability: VIP, interface, VRID, priorities, preempt, mode, transport, version, interval. */
final class HighAvailabilityPage extends VBox {
    private final WizardViewModel vm;

    private final Texts texts;

    HighAvailabilityPage(WizardViewModel vm) {
        super(14);
        this.texts = vm.texts();
        this.vm = vm;
        setId("page-ha");
        getStyleClass().add("wizard-page");
        WizardState s = vm.state();

        SegmentedButton mode = segmented(s.modeProperty(), Mode.MASTER_BACKUP, "ha.mode.masterBackup",
                Mode.DUAL_MASTER, "ha.mode.dualMaster");
        mode.setId("mode");
        TextField vip = text("vip", s.vipProperty());
        TextField secondVip = text("vip2", s.secondVipProperty());
        TextField iface = text("interface", s.interfaceNameProperty());
        TextField vrid = text("vrid", s.vridProperty());
        TextField secondVrid = text("vrid2", s.secondVridProperty());
        secondVrid.promptTextProperty().bind(Bindings.createStringBinding(() -> {
            try {
                return String.valueOf(Integer.parseInt(s.vridProperty().get().trim()) + 1);
            } catch (NumberFormatException e) {
                return "";
            }
        }, s.vridProperty()));
        TextField master = text("master-priority", s.masterPriorityProperty());
        TextField backup = text("backup-priority", s.backupPriorityProperty());
        ToggleSwitch preempt = new ToggleSwitch();
        preempt.setId("preempt");
        preempt.selectedProperty().bindBidirectional(s.preemptProperty());
        preempt.textProperty().bind(Bindings.createStringBinding(() -> texts.get(s.preemptProperty().get()
                ? "ha.preempt.on" : "ha.preempt.off"), s.preemptProperty(), texts.localeProperty()));
        SegmentedButton transport = segmented(s.unicastProperty(), false, "ha.multicast", true, "ha.unicast");
        ComboBox<Integer> version = new ComboBox<>();
        version.setId("version");
        version.getItems().addAll(2, 3);
        version.valueProperty().bindBidirectional(s.vrrpVersionProperty());
        version.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : "VRRPv" + v;
            }

            @Override
            public Integer fromString(String text) {
                return text.endsWith("3") ? 3 : 2;
            }
        });
        TextField advert = text("advert", s.advertIntervalProperty());

        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(10);
        int r = 0;
        row(grid, r++, "ha.mode", mode);
        row(grid, r++, "ha.vip", Ui.withProblem(texts, vip, vm.problemOn("vrrp.instances[0].vip")));
        Label secondVipLabel = Ui.label(texts, "ha.vip2");
        Node secondVipField = Ui.withProblem(texts, secondVip, vm.problemOn("vrrp.instances[1].vip"));
        grid.addRow(r++, secondVipLabel, secondVipField);
        secondVipLabel.visibleProperty().bind(s.modeProperty().isEqualTo(Mode.DUAL_MASTER));
        secondVipField.visibleProperty().bind(secondVipLabel.visibleProperty());
        secondVipLabel.managedProperty().bind(secondVipLabel.visibleProperty());
        secondVipField.managedProperty().bind(secondVipLabel.visibleProperty());
        row(grid, r++, "ha.interface", Ui.withProblem(texts, iface, vm.problemOn("network.interface")));
        row(grid, r++, "ha.vrid", Ui.withProblem(texts, vrid, vm.problemOn("vrrp.instances[0].vrid")));
        Label secondVridLabel = Ui.label(texts, "ha.vrid2");
        Node secondVridField = Ui.withProblem(texts, secondVrid, vm.problemOn("vrrp.instances[1].vrid"));
        grid.addRow(r++, secondVridLabel, secondVridField);
        secondVridLabel.visibleProperty().bind(s.modeProperty().isEqualTo(Mode.DUAL_MASTER));
        secondVridField.visibleProperty().bind(secondVridLabel.visibleProperty());
        secondVridLabel.managedProperty().bind(secondVridLabel.visibleProperty());
        secondVridField.managedProperty().bind(secondVridLabel.visibleProperty());
        row(grid, r++, "ha.masterPriority", Ui.withProblem(texts, master, vm.problemOn("vrrp.masterPriority")));
        row(grid, r++, "ha.backupPriority", Ui.withProblem(texts, backup, vm.problemOn("vrrp.backupPriority")));
        row(grid, r++, "ha.preempt", preempt);
        row(grid, r++, "ha.transport", transport);
        row(grid, r++, "ha.version", Ui.withProblem(texts, version, vm.problemOn("vrrp.version")));
        row(grid, r++, "ha.advert", Ui.withProblem(texts, advert, vm.problemOn("vrrp.advertInterval")));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(190);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMaxWidth(420);
        grid.getColumnConstraints().addAll(labels, fields);

        Label estimate = Ui.label(texts, vm.estimateProperty(), "estimate");
        estimate.setId("estimate");
        estimate.setGraphic(Ui.icon(Material2AL.AV_TIMER));
        VBox estimateCard = new VBox(6, Ui.label(texts, "ha.estimate.title", Styles.TITLE_4), estimate);
        estimateCard.getStyleClass().add("estimate-card");
        estimateCard.setMaxWidth(460);

        VBox otherProblems = new VBox(4);
        otherProblems.setId("ha-problems");
        Runnable listProblems = () -> {
            otherProblems.getChildren().clear();
            for (Problem p : vm.problemsOn(WizardPage.HIGH_AVAILABILITY)) {
                if (!shownAtField(p.field())) {
                    Label line = new Label(p.field() + ": " + texts.render(p.message()));
                    line.setWrapText(true);
                    line.getStyleClass().add(p.isError() ? Styles.DANGER : Styles.WARNING);
                    otherProblems.getChildren().add(line);
                }
            }
        };
        vm.problems().addListener((ListChangeListener<Problem>) c -> listProblems.run());
        texts.localeProperty().addListener(o -> listProblems.run());
        listProblems.run();

        HBox body = new HBox(24, grid, new VBox(14, estimateCard, otherProblems));
        HBox.setHgrow(grid, Priority.ALWAYS);
        getChildren().addAll(Ui.label(texts, "ha.title", Styles.TITLE_3), Ui.label(texts, "ha.intro", Styles.TEXT_MUTED), body);
    }

    private static boolean shownAtField(String field) {
        return field.equals("vrrp.instances[0].vip") || field.equals("vrrp.instances[1].vip")
                || field.equals("network.interface") || field.equals("vrrp.instances[0].vrid")
                || field.equals("vrrp.instances[1].vrid")
                || field.equals("vrrp.masterPriority") || field.equals("vrrp.backupPriority")
                || field.equals("vrrp.version") || field.equals("vrrp.advertInterval");
    }

    private static TextField text(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private void row(GridPane grid, int row, String labelKey, Node field) {
        grid.addRow(row, Ui.label(texts, labelKey), field);
    }

    private <T> SegmentedButton segmented(javafx.beans.property.Property<T> property, T first, String firstKey,
                                                 T second, String secondKey) {
        ToggleButton a = new ToggleButton();
        a.textProperty().bind(texts.bind(firstKey));
        ToggleButton b = new ToggleButton();
        b.textProperty().bind(texts.bind(secondKey));
        SegmentedButton segmented = new SegmentedButton(a, b);
        Runnable sync = () -> (java.util.Objects.equals(property.getValue(), second) ? b : a).setSelected(true);
        sync.run();
        property.addListener(o -> sync.run());
        segmented.getToggleGroup().selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                // a segmented choice always has one side selected
                (old == null ? a : (ToggleButton) old).setSelected(true);
            } else {
                property.setValue(now == b ? second : first);
            }
        });
        return segmented;
    }
}
