package dev.halab.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.FileAppender;
import dev.halab.core.failover.FailoverException;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.profile.ProfileException;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.template.TemplateException;
import dev.halab.lab.LabException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * The one place where the CLI turns a failure into words: a usage error becomes one line, a
 * suggestion and a pointer to {@code --help} (exit 2); any unexpected error becomes one clear line
 * naming the log file (exit 1), and its stack trace goes to that file only, never to the terminal
 * (the {@code dev.halab.cli.failure} logger in logback.xml writes to the file alone).
 */
final class CliFailures implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger("dev.halab.cli.failure");
    private static final int MAX_DETAIL_CHARS = 300;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        CliText texts = CliText.of(command.getCommandSpec());
        err.println(texts.error(texts.cli("usage.error", oneLine(ex.getMessage()))));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println(texts.cli("usage.hint", command.getCommandSpec().qualifiedName()));
        err.flush();
        return HalabCommand.EXIT_INVALID;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        return report(ex, command.getCommandSpec().qualifiedName(), command.getErr(), CliText.of(command.getCommandSpec()));
    }

    /** Logs the trace to the file, prints one line, returns exit code 1. Also used for errors picocli does not catch. */
    static int report(Throwable failure, String commandName, PrintWriter err, CliText texts) {
        LOG.error("{} stopped on an unexpected error", commandName, failure);
        String message = knownText(failure, texts)
                .orElseGet(() -> texts.cli("failure.unexpected", describe(failure), logFile().orElse(texts.cli("failure.noLogFile"))));
        err.println(texts.error(message));
        err.flush();
        return HalabCommand.EXIT_FAILED;
    }

    /** Core's own exceptions already say what happened and what to do, in both languages. */
    private static Optional<String> knownText(Throwable failure, CliText texts) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            LocalizedText text = t instanceof ProfileException e ? e.text()
                    : t instanceof RemoteException e ? e.text()
                    : t instanceof FailoverException e ? e.text()
                    : t instanceof TemplateException e ? e.text() : null;
            if (text != null) {
                return Optional.of(oneLine(texts.render(text)));
            }
            if (t instanceof LabException e) {
                return Optional.of(oneLine(texts.render(e.text())));
            }
        }
        return Optional.empty();
    }

    /** "IOException: No space left on device", from the deepest cause that says something. */
    static String describe(Throwable failure) {
        Throwable said = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                said = t;
            }
        }
        String text = said.getClass().getSimpleName() + (said.getMessage() == null ? "" : ": " + said.getMessage());
        return oneLine(text);
    }

    private static String oneLine(String text) {
        String line = String.valueOf(text).replaceAll("\\s*\\R\\s*", " ").strip();
        return line.length() <= MAX_DETAIL_CHARS ? line : line.substring(0, MAX_DETAIL_CHARS) + "…";
    }

    /** Where logback writes (found at run time, so a changed logback.xml cannot make this line lie). */
    static Optional<String> logFile() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            for (ch.qos.logback.classic.Logger logger : context.getLoggerList()) {
                for (var appenders = logger.iteratorForAppenders(); appenders.hasNext(); ) {
                    if (appenders.next() instanceof FileAppender<?> file && file.getFile() != null) {
                        return Optional.of(file.getFile());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
