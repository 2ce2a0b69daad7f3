package dev.halab.gui.companion;

import atlantafx.base.theme.Styles;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.Ui;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.material2.Material2AL;

import java.io.File;

/** The lab report tab: the student's name and one button that writes the report into a chosen folder. */
final class ReportPane extends VBox {
    private final Texts texts;

    ReportPane(ReportViewModel vm) {
        super(10);
        this.texts = vm.texts();
        setId("companion-report");
        setPadding(new Insets(16));
        Label intro = CompanionBundle.label(texts, CompanionBundle.of("report.intro"), Styles.TEXT_MUTED);
        TextField name = new TextField();
        name.setId("report-student");
        name.promptTextProperty().bind(CompanionBundle.bind(texts, "report.student"));
        name.textProperty().bindBidirectional(vm.studentProperty());
        Button export = new Button();
        export.setId("report-export");
        export.setGraphic(Ui.icon(Material2AL.DESCRIPTION));
        export.textProperty().bind(CompanionBundle.bind(texts, "report.export"));
        export.disableProperty().bind(vm.busyProperty());
        export.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                vm.export(dir.toPath(), true);
            }
        });
        Label status = new Label();
        status.setId("report-status");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> texts.render(vm.statusProperty().get()),
                vm.statusProperty(), texts.localeProperty()));
        getChildren().addAll(intro, name, export, status);
    }
}
