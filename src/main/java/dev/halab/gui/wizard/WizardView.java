package dev.halab.gui.wizard;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.Ui;
import dev.halab.gui.service.RunRequest;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The wizard: a step list on the left, the current page, Back / Next. Pages are built once and
 * kept, so going back shows exactly what was typed. The last page's Next starts the install.
 */
public final class WizardView extends BorderPane {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    /** Built on first visit (a faster first frame), then kept. */
    private final Map<WizardPage, Node> pages = new EnumMap<>(WizardPage.class);
    private final WizardViewModel vm;

    private final Texts texts;

    public WizardView(WizardViewModel vm, Consumer<RunRequest> onInstall) {
        this.texts = vm.texts();
        this.vm = vm;
        setId("wizard");
        getStyleClass().add("wizard");

        VBox steps = new VBox(6);
        steps.getStyleClass().add("wizard-steps");
        for (WizardPage page : WizardPage.values()) {
            Label number = new Label(String.valueOf(page.ordinal() + 1));
            number.getStyleClass().add("step-number");
            Label title = Ui.label(texts, page.key());
            HBox item = new HBox(10, number, title);
            item.setAlignment(Pos.CENTER_LEFT);
            item.getStyleClass().add("wizard-step");
            Runnable mark = () -> {
                item.pseudoClassStateChanged(CURRENT, vm.pageProperty().get() == page);
                item.pseudoClassStateChanged(DONE, vm.pageProperty().get().ordinal() > page.ordinal());
            };
            vm.pageProperty().addListener(o -> mark.run());
            mark.run();
            steps.getChildren().add(item);
        }
        setLeft(steps);

        ScrollPane scroll = new ScrollPane();
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        Runnable show = () -> scroll.setContent(page(vm.pageProperty().get()));
        vm.pageProperty().addListener(o -> show.run());
        show.run();
        setCenter(scroll);

        Message error = new Message();
        error.setId("wizard-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setGraphic(Ui.icon(Material2AL.ERROR_OUTLINE));
        error.titleProperty().bind(texts.bind("wizard.error"));
        error.descriptionProperty().bind(texts.bind(vm.errorProperty()));
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        error.setOnClose(e -> vm.errorProperty().set(null));

        Button back = Ui.button(texts, "wizard.back", Material2AL.ARROW_BACK, vm::back);
        back.setId("back");
        back.disableProperty().bind(vm.canGoBackBinding().not());
        Button next = new Button();
        next.setId("next");
        next.getStyleClass().add(Styles.ACCENT);
        next.setDefaultButton(true);
        next.textProperty().bind(Bindings.createStringBinding(() -> texts.get(
                vm.pageProperty().get() == WizardPage.REVIEW ? "wizard.install" : "wizard.next"),
                vm.pageProperty(), texts.localeProperty()));
        next.setGraphic(Ui.icon(Material2AL.ARROW_FORWARD));
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.disableProperty().bind(vm.canGoNextBinding().not());
        next.setOnAction(e -> {
            if (vm.pageProperty().get() == WizardPage.REVIEW) {
                onInstall.accept(vm.runRequest());
            } else {
                vm.next();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label();
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.textProperty().bind(Bindings.createStringBinding(() -> vm.canGoNextBinding().get() ? ""
                : texts.get("wizard.hint." + vm.pageProperty().get().name()), vm.canGoNextBinding(), vm.pageProperty(),
                texts.localeProperty()));
        HBox buttons = new HBox(10, hint, spacer, back, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox bottom = new VBox(8, error, buttons);
        bottom.setPadding(new Insets(10, 16, 12, 16));
        bottom.getStyleClass().add("wizard-footer");
        setBottom(bottom);
    }

    private Node page(WizardPage which) {
        return pages.computeIfAbsent(which, p -> switch (p) {
            case START -> new StartPage(vm);
            case MACHINES -> new MachinesPage(vm);
            case HIGH_AVAILABILITY -> new HighAvailabilityPage(vm);
            case PREFLIGHT -> new PreflightPage(vm);
            case REVIEW -> new ReviewPage(vm);
        });
    }
}
