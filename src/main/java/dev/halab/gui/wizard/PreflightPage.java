package dev.halab.gui.wizard;

import atlantafx.base.theme.Styles;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Remedy;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.Ui;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Pre-flight: one card per host listing each check the engine reported (SSH, root or sudo, OS,
 * interface, VIP, disk, package manager, and whatever check is added later) with its result.
 */
final class PreflightPage extends VBox {
    private final FlowPane cards = new FlowPane(14, 14);

    private final Texts texts;

    PreflightPage(WizardViewModel wizard) {
        super(14);
        this.texts = wizard.texts();
        PreflightViewModel vm = wizard.preflight();
        setId("page-preflight");
        getStyleClass().add("wizard-page");
        Button rerun = Ui.button(texts, "preflight.rerun", Material2MZ.REFRESH, wizard::runPreflight);
        rerun.getStyleClass().add(Styles.BUTTON_OUTLINED);
        rerun.disableProperty().bind(vm.statusProperty().isEqualTo(RunStatus.RUNNING));
        Label status = new Label();
        status.setId("preflight-status");
        status.textProperty().bind(Bindings.createStringBinding(() -> texts.get("run.status."
                + vm.statusProperty().get().name()), vm.statusProperty(), texts.localeProperty()));
        vm.hosts().addListener((ListChangeListener<PreflightHost>) c -> rebuild(vm));
        rebuild(vm);
        getChildren().addAll(Ui.label(texts, "preflight.title", Styles.TITLE_3), Ui.label(texts, "preflight.intro", Styles.TEXT_MUTED),
                Ui.row(rerun, status), remedies(wizard), cards);
    }

    /** "Fix it: [Use unicast VRRP] [Use VRID 52 for VI_1]": each button changes the fields and checks again. */
    private HBox remedies(WizardViewModel wizard) {
        PreflightViewModel vm = wizard.preflight();
        HBox row = new HBox(10);
        row.setId("remedies");
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("remedies");
        Runnable fill = () -> {
            row.getChildren().setAll(Ui.label(texts, "preflight.remedies", Styles.TEXT_BOLD));
            for (Remedy remedy : vm.remedies()) {
                Button button = new Button();
                button.setId(remedyId(remedy));
                button.textProperty().bind(Bindings.createStringBinding(() -> texts.render(remedy.label()),
                        texts.localeProperty()));
                button.setGraphic(Ui.icon(Material2AL.BUILD));
                button.getStyleClass().add(Styles.ACCENT);
                button.disableProperty().bind(vm.statusProperty().isEqualTo(RunStatus.RUNNING));
                button.setOnAction(e -> wizard.applyRemedy(remedy));
                row.getChildren().add(button);
            }
        };
        vm.remedies().addListener((ListChangeListener<Remedy>) c -> fill.run());
        fill.run();
        row.visibleProperty().bind(Bindings.isNotEmpty(vm.remedies()));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    static String remedyId(Remedy remedy) {
        return remedy instanceof Remedy.UseVrid v ? "remedy-vrid-" + v.instance() : "remedy-unicast";
    }

    private void rebuild(PreflightViewModel vm) {
        cards.getChildren().clear();
        for (PreflightHost host : vm.hosts()) {
            cards.getChildren().add(card(host));
        }
    }

    private VBox card(PreflightHost row) {
        Label name = new Label(row.host());
        name.getStyleClass().add(Styles.TITLE_4);
        HBox header = new HBox(8, name);
        header.setAlignment(Pos.CENTER_LEFT);
        Runnable icon = () -> header.getChildren().setAll(stateIcon(row.stateProperty().get()), name);
        row.stateProperty().addListener(o -> icon.run());
        icon.run();
        VBox checks = new VBox(6);
        checks.getStyleClass().add("preflight-checks");
        Runnable fill = () -> {
            checks.getChildren().clear();
            for (PreflightCheck check : row.checks()) {
                checks.getChildren().add(checkLine(check));
            }
            for (LocalizedText text : row.messages()) {
                Label line = new Label(texts.render(text));
                line.setWrapText(true);
                line.getStyleClass().add(Styles.DANGER);
                checks.getChildren().add(line);
            }
        };
        row.checks().addListener((ListChangeListener<PreflightCheck>) c -> fill.run());
        row.messages().addListener((ListChangeListener<LocalizedText>) c -> fill.run());
        texts.localeProperty().addListener(o -> fill.run());
        fill.run();
        VBox card = new VBox(10, header, checks);
        card.setId("preflight-" + row.host());
        card.getStyleClass().add("host-card");
        card.setPrefWidth(330);
        return card;
    }

    /** "✓ Operating system — Ubuntu 22.04, supported." with the detail under the title. */
    private Node checkLine(PreflightCheck check) {
        Node mark = check.passed() ? Ui.icon(Material2AL.CHECK, "state-changed") : Ui.icon(Material2AL.CLOSE, "state-failed");
        Label title = new Label(texts.render(check.title()));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label detail = new Label(texts.render(check.detail()));
        detail.setWrapText(true);
        detail.getStyleClass().addAll(Styles.TEXT_SMALL, check.passed() ? Styles.TEXT_MUTED : Styles.DANGER);
        VBox text = new VBox(1, title, detail);
        HBox line = new HBox(8, mark, text);
        line.setId("check-" + check.id());
        line.getStyleClass().add(check.passed() ? "check-passed" : "check-failed");
        return line;
    }

    private static Node stateIcon(PreflightHost.State state) {
        return switch (state) {
            case RUNNING -> {
                ProgressIndicator p = new ProgressIndicator();
                p.setPrefSize(18, 18);
                yield p;
            }
            case PASSED -> Ui.icon(Material2AL.CHECK_CIRCLE, "state-changed");
            case FAILED -> Ui.icon(Material2AL.ERROR, "state-failed");
        };
    }
}
