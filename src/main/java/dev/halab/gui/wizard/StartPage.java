package dev.halab.gui.wizard;

import atlantafx.base.theme.Styles;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.Ui;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Start: a shipped profile, or the local lab built on this machine. */
final class StartPage extends VBox {

    private final Texts texts;

    StartPage(WizardViewModel wizard) {
        super(14);
        this.texts = wizard.texts();
        StartViewModel vm = wizard.start();
        setId("page-start");
        getStyleClass().add("wizard-page");
        WizardState state = wizard.state();
        ToggleGroup choice = new ToggleGroup();

        RadioButton useProfile = new RadioButton();
        useProfile.setId("choice-profile");
        useProfile.textProperty().bind(texts.bind("start.profile"));
        useProfile.setToggleGroup(choice);
        ListView<String> profiles = new ListView<>();
        profiles.setId("profiles");
        profiles.getItems().setAll(vm.profileNames());
        profiles.setPrefHeight(190);
        profiles.setCellFactory(list -> new ProfileCell(vm));
        vm.profileDescriptions().addListener((javafx.collections.MapChangeListener<String, java.util.function.Function<java.util.Locale, String>>) c -> profiles.refresh());
        texts.localeProperty().addListener(o -> profiles.refresh());
        // read the profiles' descriptions just after the first frame, not before it
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.millis(300));
        later.setOnFinished(e -> vm.loadProfileDescriptions());
        later.play();
        profiles.disableProperty().bind(useProfile.selectedProperty().not());
        profiles.getSelectionModel().selectedItemProperty().addListener((o, old, name) -> {
            if (name != null && useProfile.isSelected()) {
                vm.chooseProfile(name);
            }
            profiles.scrollTo(name);
        });
        useProfile.selectedProperty().addListener((o, old, selected) -> {
            if (selected && profiles.getSelectionModel().getSelectedItem() != null) {
                vm.chooseProfile(profiles.getSelectionModel().getSelectedItem());
            }
        });
        VBox profileCard = new VBox(8, useProfile, Ui.label(texts, "start.profile.hint", Styles.TEXT_MUTED), profiles);
        profileCard.getStyleClass().add("choice-card");

        RadioButton useLab = new RadioButton();
        useLab.setId("choice-lab");
        useLab.textProperty().bind(texts.bind("start.lab"));
        useLab.setToggleGroup(choice);
        javafx.scene.control.ComboBox<String> variant = new javafx.scene.control.ComboBox<>();
        variant.setId("lab-variant");
        variant.getItems().setAll(vm.labProfileNames());
        variant.setValue(StartViewModel.LOCAL_LAB_PROFILE);
        variant.disableProperty().bind(useLab.selectedProperty().not());
        variant.valueProperty().addListener((o, old, name) -> {
            if (name != null && useLab.isSelected()) {
                vm.chooseLocalLab(name);
            }
        });
        useLab.selectedProperty().addListener((o, old, selected) -> {
            if (selected) {
                vm.chooseLocalLab(variant.getValue());
            }
        });
        Button up = Ui.button(texts, "start.lab.up", Material2MZ.PLAY_ARROW, vm::startLocalLab);
        up.setId("lab-up");
        up.getStyleClass().add(Styles.ACCENT);
        up.disableProperty().bind(useLab.selectedProperty().not().or(vm.labBusyProperty())
                .or(state.localLabReadyProperty()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.labBusyProperty());
        Label reason = new Label();
        reason.getStyleClass().add(Styles.WARNING);
        reason.setWrapText(true);
        reason.setGraphic(Ui.icon(Material2MZ.WARNING));
        vm.labUnavailableReason().ifPresent(r -> reason.textProperty().bind(texts.bind(new javafx.beans.property.SimpleObjectProperty<>(r))));
        reason.setVisible(vm.labUnavailableReason().isPresent());
        reason.managedProperty().bind(reason.visibleProperty());
        ListView<LocalizedText> progress = new ListView<>(vm.labProgress());
        progress.setId("lab-progress");
        progress.setPrefHeight(120);
        progress.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(LocalizedText item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                } else {
                    textProperty().bind(texts.bind(new javafx.beans.property.SimpleObjectProperty<>(item)));
                }
            }
        });
        vm.labProgress().addListener((javafx.collections.ListChangeListener<LocalizedText>) c ->
                progress.scrollTo(vm.labProgress().size() - 1));
        progress.visibleProperty().bind(Bindings.isNotEmpty(vm.labProgress()));
        progress.managedProperty().bind(progress.visibleProperty());
        Label ready = Ui.label(texts, "start.lab.ready", Styles.SUCCESS);
        ready.setGraphic(Ui.icon(Material2AL.CHECK_CIRCLE));
        ready.visibleProperty().bind(state.localLabReadyProperty());
        ready.managedProperty().bind(ready.visibleProperty());
        VBox labCard = new VBox(8, useLab, Ui.label(texts, "start.lab.hint", Styles.TEXT_MUTED), reason,
                centered(new HBox(10, Ui.label(texts, "start.lab.variant"), variant)), new HBox(10, up, busy, ready), progress);
        labCard.getStyleClass().add("choice-card");

        VBox.setVgrow(profileCard, Priority.SOMETIMES);
        getChildren().addAll(Ui.label(texts, "start.title", Styles.TITLE_3), Ui.label(texts, "start.intro", Styles.TEXT_MUTED),
                profileCard, labCard);
    }

    private static HBox centered(HBox box) {
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private final class ProfileCell extends ListCell<String> {
        private final StartViewModel vm;

        ProfileCell(StartViewModel vm) {
            this.vm = vm;
        }

        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            if (empty || name == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label title = new Label(name);
            title.getStyleClass().add(Styles.TEXT_BOLD);
            Label description = new Label(describe(vm.profileDescriptions().get(name)));
            description.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            description.setWrapText(true);
            description.setMaxWidth(560);
            setGraphic(new VBox(2, title, description));
            setText(null);
        }

        private String describe(java.util.function.Function<java.util.Locale, String> description) {
            return description == null ? "" : description.apply(texts.locale());
        }
    }
}
