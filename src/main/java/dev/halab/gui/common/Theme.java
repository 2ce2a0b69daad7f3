package dev.halab.gui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** AtlantaFX Primer light / dark, plus our stylesheets (the ControlsFX bridge first). */
public enum Theme {
    LIGHT, DARK;

    public static final String BRIDGE_CSS = "/gui/controlsfx-bridge.css";
    public static final String APP_CSS = "/gui/app.css";

    /** FX thread: switches the user-agent theme for every window. */
    public void apply() {
        Application.setUserAgentStylesheet(this == LIGHT
                ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
    }

    /** Adds the app's stylesheets to a scene (once). */
    public static void style(Scene scene) {
        for (String css : new String[] {BRIDGE_CSS, APP_CSS}) {
            String url = Theme.class.getResource(css).toExternalForm();
            if (!scene.getStylesheets().contains(url)) {
                scene.getStylesheets().add(url);
            }
        }
    }
}
