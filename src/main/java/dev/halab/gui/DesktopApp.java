package dev.halab.gui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. (Placeholder window until the wizard lands: issue 6.) */
public final class DesktopApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("HA Lab");
        stage.setScene(new Scene(new Label("HA Lab"), 640, 400));
        stage.show();
    }
}
