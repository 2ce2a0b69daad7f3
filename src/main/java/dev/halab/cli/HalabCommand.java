package dev.halab.cli;

import dev.halab.core.i18n.Bundles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The {@code halab} command line: a thin front end over core. Each subcommand lives in its own
 * class in this package and is listed here. Help texts come from the {@code i18n/help/cli} bundles
 * in the language of this command line (docs/cli.md); failures are turned into words by {@link CliFailures}.
 * <p>
 * The language is this instance's: it starts as {@link Bundles#startLocale()} (or what the caller
 * passes to {@link #commandLine(Locale)}) and {@code --lang} changes it for this command line only,
 * so two command lines in one JVM each speak their own language.
 */
@Command(name = "halab", mixinStandardHelpOptions = true, version = "HA Lab 0.1.0",
        subcommands = {
                CommandLine.HelpCommand.class,
                LabCommand.class,
                ValidateCommand.class,
                RenderCommand.class,
                PlanCommand.class, InstallCommand.class, VerifyCommand.class, UninstallCommand.class, ForgetHostCommand.class,
                MonitorCommand.class, FailoverCommand.class, RestoreCommand.class, ScenarioCommand.class, ExerciseCommand.class, ReportCommand.class,
        })
public final class HalabCommand implements Runnable {
    /** Exit code for bad input (invalid profile, unknown host, ...): nothing was changed. */
    public static final int EXIT_INVALID = 2;
    /** Exit code for a run that started but failed (a step failed, verify did not pass). */
    public static final int EXIT_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Locale locale;

    private HalabCommand(Locale locale) {
        this.locale = Bundles.supported(locale);
    }

    /** The words of this command line, in its language. */
    CliText texts() {
        return new CliText(locale);
    }

    @Option(names = "--lang", paramLabel = "en|zh", scope = CommandLine.ScopeType.INHERIT)
    void setLanguage(String language) {
        String lower = language.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("zh") && !lower.startsWith("en")) {
            throw new CommandLine.ParameterException(spec.commandLine(), texts().cli("usage.badLang", language));
        }
        locale = lower.startsWith("zh") ? Bundles.CHINESE : Locale.ENGLISH;
        // Parsing comes before help is printed, so "halab validate --help --lang zh" is all Chinese too.
        spec.root().commandLine().setResourceBundle(helpTexts(locale));
    }

    /** The picocli help texts in {@code locale}. */
    static ResourceBundle helpTexts(Locale locale) {
        return Bundles.get("help.cli", locale);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line in the language asked for at start ({@link Bundles#startLocale()}). */
    public static CommandLine commandLine() {
        return commandLine(Bundles.startLocale());
    }

    /** A command line that speaks {@code locale} unless {@code --lang} says otherwise. */
    public static CommandLine commandLine(Locale locale) {
        CliFailures failures = new CliFailures();
        return new CommandLine(new HalabCommand(locale)).setCaseInsensitiveEnumValuesAllowed(true)
                .setResourceBundle(helpTexts(Bundles.supported(locale)))
                .setExecutionExceptionHandler(failures).setParameterExceptionHandler(failures);
    }

    /** Runs the CLI; whatever happens, the exit code is 0, 1 (failed) or 2 (bad input) and no stack trace is printed. */
    public static int execute(String... args) {
        CommandLine cli = commandLine();
        try {
            return cli.execute(args);
        } catch (RuntimeException | Error e) {
            // picocli's own handlers failed, or an Error escaped it: still one line, trace to the log.
            return CliFailures.report(e, "halab", cli.getErr(), CliText.of(cli.getCommandSpec()));
        }
    }
}
