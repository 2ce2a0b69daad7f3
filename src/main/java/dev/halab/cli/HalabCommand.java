package dev.halab.cli;

import dev.halab.core.i18n.Bundles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * The {@code halab} command line: a thin front end over core. Each subcommand lives in its own
 * class in this package and is listed here.
 */
@Command(name = "halab", mixinStandardHelpOptions = true, version = "HA Lab 0.1.0",
        description = "Builds a keepalived + nginx + tomcat high-availability lab and demonstrates failover.",
        subcommands = {
                CommandLine.HelpCommand.class,
                LabCommand.class,
                ValidateCommand.class,
                RenderCommand.class,
                PlanCommand.class, InstallCommand.class, VerifyCommand.class, UninstallCommand.class, ForgetHostCommand.class,
                MonitorCommand.class, FailoverCommand.class, RestoreCommand.class, ScenarioCommand.class,
        })
public final class HalabCommand implements Runnable {
    /** Exit code for bad input (invalid profile, unknown host, ...): nothing was changed. */
    public static final int EXIT_INVALID = 2;
    /** Exit code for a run that started but failed (a step failed, verify did not pass). */
    public static final int EXIT_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--lang", description = "Language of messages: en or zh (default: from the system, or HALAB_LANG).",
            scope = CommandLine.ScopeType.INHERIT)
    void setLanguage(String language) {
        Bundles.setUiLocale(language.toLowerCase(Locale.ROOT).startsWith("zh") ? Bundles.CHINESE : Locale.ENGLISH);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CliFailures failures = new CliFailures();
        return new CommandLine(new HalabCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(failures).setParameterExceptionHandler(failures);
    }

    /** Runs the CLI; whatever happens, the exit code is 0, 1 (failed) or 2 (bad input) and no stack trace is printed. */
    public static int execute(String... args) {
        CommandLine cli = commandLine();
        try {
            return cli.execute(args);
        } catch (RuntimeException | Error e) {
            // picocli's own handlers failed, or an Error escaped it: still one line, trace to the log.
            return CliFailures.report(e, "halab", cli.getErr());
        }
    }
}
