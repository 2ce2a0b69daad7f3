package dev.halab.gui.wizard;

import atlantafx.base.theme.Styles;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.Ui;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Pre-flight: per host, SSH and sudo, OS, interface, VIP free, disk, package lock. */
final class PreflightPage extends VBox {
    private final FlowPane cards = new FlowPane(14, 14);

    PreflightPage(WizardViewModel vm) {
        super(14);
        setId("page-preflight");
        getStyleClass().add("wizard-page");
        Button rerun = Ui.button("preflight.rerun", Material2MZ.REFRESH, vm::runPreflight);
        rerun.getStyleClass().add(Styles.BUTTON_OUTLINED);
        rerun.disableProperty().bind(vm.preflightStatusProperty().isEqualTo(WizardViewModel.RunStatus.RUNNING));
        Label status = new Label();
        status.textProperty().bind(Bindings.createStringBinding(() -> Texts.get("run.status."
                + vm.preflightStatusProperty().get().name()), vm.preflightStatusProperty(), Texts.localeProperty()));
        vm.preflightRows().addListener((ListChangeListener<PreflightRow>) c -> rebuild(vm));
        rebuild(vm);
        getChildren().addAll(Ui.label("preflight.title", Styles.TITLE_3), Ui.label("preflight.intro", Styles.TEXT_MUTED),
                new HBox(12, rerun, status), cards);
    }

    private void rebuild(WizardViewModel vm) {
        cards.getChildren().clear();
        for (PreflightRow row : vm.preflightRows()) {
            Label host = new Label(row.host());
            host.getStyleClass().add(Styles.TITLE_4);
            HBox header = new HBox(8, host);
            Runnable icon = () -> {
                header.getChildren().setAll(host);
                header.getChildren().add(0, switch (row.stateProperty().get()) {
                    case RUNNING -> {
                        ProgressIndicator p = new ProgressIndicator();
                        p.setPrefSize(18, 18);
                        yield p;
                    }
                    case PASSED -> Ui.icon(Material2AL.CHECK_CIRCLE, "state-changed");
                    case FAILED -> Ui.icon(Material2AL.ERROR, "state-failed");
                });
            };
            row.stateProperty().addListener(o -> icon.run());
            icon.run();
            VBox messages = new VBox(3);
            Runnable fill = () -> {
                messages.getChildren().clear();
                for (LocalizedText text : row.messages()) {
                    Label line = new Label("• " + Texts.render(text));
                    line.setWrapText(true);
                    messages.getChildren().add(line);
                }
            };
            row.messages().addListener((ListChangeListener<LocalizedText>) c -> fill.run());
            Texts.localeProperty().addListener(o -> fill.run());
            fill.run();
            VBox card = new VBox(8, header, messages);
            card.getStyleClass().add("host-card");
            card.setPrefWidth(330);
            cards.getChildren().add(card);
        }
    }
}
