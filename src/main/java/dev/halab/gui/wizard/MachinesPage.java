package dev.halab.gui.wizard;

import atlantafx.base.theme.Styles;
import dev.halab.core.command.Secret;
import dev.halab.core.topology.Role;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.Ui;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.io.File;

/** Machines: the four addresses with their roles, the login, and a connection test per host. */
final class MachinesPage extends VBox {
    private final WizardViewModel vm;
    private final GridPane hostGrid = new GridPane();
    private final GridPane powerGrid = new GridPane();

    private final Texts texts;

    MachinesPage(WizardViewModel vm) {
        super(14);
        this.texts = vm.texts();
        this.vm = vm;
        setId("page-machines");
        getStyleClass().add("wizard-page");
        hostGrid.setHgap(12);
        hostGrid.setVgap(8);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(90);
        ColumnConstraints role = new ColumnConstraints();
        role.setMinWidth(150);
        ColumnConstraints address = new ColumnConstraints(170, 220, 280);
        ColumnConstraints test = new ColumnConstraints();
        test.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints result = new ColumnConstraints();
        result.setHgrow(Priority.ALWAYS);
        hostGrid.getColumnConstraints().addAll(name, role, address, test, result);
        vm.state().hosts().addListener((ListChangeListener<HostFields>) c -> {
            // rebuild rows only when the profile changes (rows are replaced), not on typing
            boolean replaced = false;
            while (c.next()) {
                replaced |= c.wasAdded() || c.wasRemoved();
            }
            if (replaced) {
                buildRows();
                buildPowerRows();
            }
        });
        buildRows();
        buildPowerRows();
        getChildren().addAll(Ui.label(texts, "machines.title", Styles.TITLE_3), Ui.label(texts, "machines.intro", Styles.TEXT_MUTED),
                hostGrid, login(), power());
    }

    /** The optional VMware power switch: one .vmx file per machine; the local lab has its own switch. */
    private VBox power() {
        powerGrid.setHgap(12);
        powerGrid.setVgap(8);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(90);
        ColumnConstraints file = new ColumnConstraints();
        file.setHgrow(Priority.ALWAYS);
        powerGrid.getColumnConstraints().addAll(name, file);
        Label intro = Ui.label(texts, "machines.power.intro", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        intro.setWrapText(true);
        VBox box = new VBox(8, Ui.label(texts, "machines.power", Styles.TITLE_4), intro, powerGrid);
        box.setId("vmware-power");
        box.getStyleClass().add("choice-card");
        box.visibleProperty().bind(vm.state().localLabProperty().not());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void buildPowerRows() {
        powerGrid.getChildren().clear();
        int index = 0;
        for (HostFields host : vm.state().hosts()) {
            Label name = new Label(host.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            TextField vmx = new TextField();
            vmx.setId("vmx-" + host.name());
            vmx.textProperty().bindBidirectional(host.vmxProperty());
            HBox.setHgrow(vmx, Priority.ALWAYS);
            Button browse = Ui.button(texts, "machines.browse", Material2AL.FOLDER_OPEN, () -> chooseVmx(host));
            HBox field = new HBox(8, Ui.withProblem(texts, vmx, vm.problemOn("hosts[" + index + "].vmx")), browse);
            HBox.setHgrow(field.getChildren().get(0), Priority.ALWAYS);
            powerGrid.addRow(index, name, field);
            index++;
        }
    }

    private void chooseVmx(HostFields host) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("machines.power.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("VMware (*.vmx)", "*.vmx"));
        File chosen = chooser.showOpenDialog(getScene().getWindow());
        if (chosen != null) {
            host.vmxProperty().set(chosen.getAbsolutePath());
        }
    }

    private void buildRows() {
        hostGrid.getChildren().clear();
        hostGrid.addRow(0, Ui.label(texts, "machines.col.name", Styles.TEXT_BOLD), Ui.label(texts, "machines.col.role", Styles.TEXT_BOLD),
                Ui.label(texts, "machines.col.address", Styles.TEXT_BOLD), new Label(), Ui.label(texts, "machines.col.result", Styles.TEXT_BOLD));
        int row = 1;
        for (HostFields host : vm.state().hosts()) {
            int index = row - 1;
            Label name = new Label(host.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label role = Ui.label(texts, host.role() == Role.FRONTEND ? "role.frontend" : "role.backend", Styles.TEXT_MUTED);
            TextField address = new TextField();
            address.setId("address-" + host.name());
            address.textProperty().bindBidirectional(host.addressProperty());
            Button test = Ui.button(texts, "machines.test", Material2AL.LINK, () -> vm.machines().testConnection(host));
            test.setId("test-" + host.name());
            test.getStyleClass().add(Styles.BUTTON_OUTLINED);
            test.disableProperty().bind(host.testStateProperty().isEqualTo(HostFields.TestState.TESTING));
            Label result = new Label();
            result.setWrapText(true);
            result.setMaxWidth(480);
            result.textProperty().bind(Bindings.createStringBinding(() -> {
                String message = texts.render(host.testMessageProperty().get());
                String fingerprint = host.fingerprintProperty().get();
                return fingerprint == null ? message : message + "\n" + texts.get("machines.fingerprint", fingerprint);
            }, host.testMessageProperty(), host.fingerprintProperty(), texts.localeProperty()));
            host.testStateProperty().addListener((o, old, s) -> result.setGraphic(switch (s) {
                case OK -> Ui.icon(Material2AL.CHECK_CIRCLE, Styles.SUCCESS);
                case FAILED -> Ui.icon(Material2AL.ERROR, Styles.DANGER);
                case TESTING -> Ui.icon(Material2AL.HOURGLASS_EMPTY);
                default -> null;
            }));
            hostGrid.addRow(row, name, role, Ui.withProblem(texts, address, vm.problemOn("hosts[" + index + "].address")), test, result);
            row++;
        }
    }

    private VBox login() {
        WizardState state = vm.state();
        TextField user = new TextField();
        user.setId("ssh-user");
        user.textProperty().bindBidirectional(state.sshUserProperty());
        ToggleGroup group = new ToggleGroup();
        RadioButton byKey = new RadioButton();
        byKey.textProperty().bind(texts.bind("machines.login.key"));
        byKey.setToggleGroup(group);
        RadioButton byPassword = new RadioButton();
        byPassword.setId("login-password");
        byPassword.textProperty().bind(texts.bind("machines.login.password"));
        byPassword.setToggleGroup(group);
        Runnable syncLogin = () -> (state.loginProperty().get() == WizardState.Login.KEY ? byKey : byPassword).setSelected(true);
        syncLogin.run();
        state.loginProperty().addListener(o -> syncLogin.run());
        group.selectedToggleProperty().addListener((o, old, now) ->
                state.loginProperty().set(now == byPassword ? WizardState.Login.PASSWORD : WizardState.Login.KEY));

        TextField keyFile = new TextField();
        keyFile.setId("key-file");
        keyFile.textProperty().bindBidirectional(state.keyFileProperty());
        keyFile.disableProperty().bind(byKey.selectedProperty().not());
        HBox.setHgrow(keyFile, Priority.ALWAYS);
        Button browse = Ui.button(texts, "machines.browse", Material2AL.FOLDER_OPEN, () -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(texts.get("machines.login.key"));
            File home = new File(System.getProperty("user.home"), ".ssh");
            if (home.isDirectory()) {
                chooser.setInitialDirectory(home);
            }
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                state.keyFileProperty().set(chosen.getAbsolutePath());
            }
        });
        browse.disableProperty().bind(byKey.selectedProperty().not());

        PasswordField password = new PasswordField();
        password.setId("password");
        password.disableProperty().bind(byPassword.selectedProperty().not());
        // read on the FX thread straight into a Secret: the wizard state never holds a String password
        password.textProperty().addListener((o, old, text) -> state.passwordProperty().set(Secret.of(text)));

        CheckBox sudo = new CheckBox();
        sudo.textProperty().bind(texts.bind("machines.sudo"));
        sudo.selectedProperty().bindBidirectional(state.useSudoProperty());
        PasswordField sudoPassword = new PasswordField();
        sudoPassword.setId("sudo-password");
        sudoPassword.disableProperty().bind(sudo.selectedProperty().not());
        sudoPassword.textProperty().addListener((o, old, text) -> state.sudoPasswordProperty().set(Secret.of(text)));

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, Ui.label(texts, "machines.user"), user);
        grid.addRow(1, byKey, new HBox(8, keyFile, browse));
        grid.addRow(2, byPassword, password);
        grid.addRow(3, sudo, sudoPassword);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(170);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, grow);
        Label note = Ui.label(texts, "machines.secretsNote", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setGraphic(Ui.icon(Material2MZ.VPN_KEY));
        VBox box = new VBox(8, Ui.label(texts, "machines.login", Styles.TITLE_4), grid, note);
        box.getStyleClass().add("choice-card");
        return box;
    }
}
