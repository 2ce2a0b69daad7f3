package dev.halab.cli;

import dev.halab.core.event.RunEvent;
import dev.halab.core.event.RunListener;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Prints run events live, one line each ({@code 12:00:01 nginx1    ✓ nginx.site  write ...}).
 * Commands arrive already masked ({@link dev.halab.core.command.RemoteCommand#display()}); command
 * output is shown with {@code --verbose} only, because apt prints hundreds of lines.
 */
final class CliRunPrinter implements RunListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private final PrintWriter out;
    private final boolean verbose;

    private final CliText texts;

    CliRunPrinter(PrintWriter out, boolean verbose, CliText texts) {
        this.texts = texts;
        this.out = out;
        this.verbose = verbose;
    }

    @Override
    public synchronized void onEvent(RunEvent event) {
        String line = format(event);
        if (line != null) {
            out.println(TIME.format(event.at()) + " " + line);
            out.flush();
        }
    }

    private String format(RunEvent event) {
        if (event instanceof RunEvent.RunStarted e) {
            return "== " + e.runKind() + ": " + String.join(", ", e.hosts());
        } else if (event instanceof RunEvent.CommandStarted e) {
            return host(e.host()) + "  $ " + texts.render(e.command());
        } else if (event instanceof RunEvent.OutputLine e) {
            return verbose ? host(e.host()) + "  | " + e.line() : null;
        } else if (event instanceof RunEvent.StepChanged e) {
            return host(e.host()) + "✓ " + e.stepId() + "  " + e.what().render(texts.locale());
        } else if (event instanceof RunEvent.StepUnchanged e) {
            return host(e.host()) + "= " + e.stepId() + "  " + texts.text(CredentialsOptions.BUNDLE, "cli.nothingToDo",
                    e.reason().render(texts.locale()));
        } else if (event instanceof RunEvent.StepFailed e) {
            return host(e.host()) + "✗ " + e.stepId() + "  " + e.why().render(texts.locale());
        } else if (event instanceof RunEvent.StepSkipped e) {
            return host(e.host()) + "- " + e.stepId() + "  " + e.why().render(texts.locale());
        } else if (event instanceof RunEvent.Notice e) {
            return host(e.host()) + "! " + e.text().render(texts.locale());
        } else if (event instanceof RunEvent.FileDiff e) {
            return host(e.host()) + "  diff " + e.path() + "\n" + e.unifiedDiff().stripTrailing();
        } else if (event instanceof RunEvent.RunFinished e) {
            return "== " + e.summary().render(texts.locale());
        }
        return null;
    }

    private static String host(String name) {
        return String.format("%-9s ", name);
    }
}
