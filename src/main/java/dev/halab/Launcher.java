package dev.halab;

import dev.halab.cli.HalabCommand;

/**
 * Entry point. With no arguments it opens the desktop app; with a subcommand it runs the CLI.
 * It deliberately is not a JavaFX {@code Application}: that lets the app start from a plain
 * classpath and from a jpackage image without "JavaFX runtime components are missing".
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // logback reads this when the first logger is made: logs go where the system keeps them
        if (System.getProperty("halab.logDir") == null) {
            System.setProperty("halab.logDir", dev.halab.core.resources.UserDirs.current().logs().toString());
        }
        if (args.length == 0 || "gui".equals(args[0])) {
            dev.halab.gui.DesktopApp.launchApp(args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(HalabCommand.execute(args));
    }
}
