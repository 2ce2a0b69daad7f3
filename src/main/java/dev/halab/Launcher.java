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
        if (args.length == 0 || "gui".equals(args[0])) {
            dev.halab.gui.DesktopApp.launchApp(args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(HalabCommand.execute(args));
    }
}
