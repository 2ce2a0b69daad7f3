package dev.halab.cli;

import dev.halab.core.i18n.Bundles;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help of every command, walked through the whole command tree, reads in Chinese with
 * {@code --lang zh} and in English without Chinese; the two help bundles have the same keys and every
 * key belongs to an existing command, option or parameter (no stale texts).
 */
class CliHelpTest {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern PICOCLI_TOKEN = Pattern.compile("%n|\\$\\{[A-Z-]+}");

    private static List<CommandSpec> allCommands(CommandLine root) {
        List<CommandSpec> all = new ArrayList<>();
        collect(root.getCommandSpec(), all);
        return all;
    }

    private static void collect(CommandSpec spec, List<CommandSpec> all) {
        all.add(spec);
        spec.subcommands().values().stream().map(CommandLine::getCommandSpec).filter(s -> s.parent() == spec)
                .forEach(s -> collect(s, all));
    }

    private static List<String> describedParts(CommandSpec spec) {
        List<String> parts = new ArrayList<>();
        String[] description = spec.usageMessage().description().length > 0 ? spec.usageMessage().description()
                : spec.usageMessage().header();
        parts.add(spec.qualifiedName() + ": " + String.join(" ", description));
        List<ArgSpec> args = new ArrayList<>(spec.options().stream().filter(o -> !o.hidden()).toList());
        args.addAll(spec.positionalParameters().stream().filter(p -> !p.hidden()).toList());
        for (ArgSpec arg : args) {
            String name = arg instanceof OptionSpec o ? o.longestName() : ((PositionalParamSpec) arg).paramLabel();
            parts.add(spec.qualifiedName() + " " + name + ": " + String.join(" ", arg.description()));
        }
        return parts;
    }

    @Test
    void everyCommandOptionAndParameterIsDescribedInChinese() {
        List<String> untranslated = new ArrayList<>();
        for (CommandSpec spec : allCommands(HalabCommand.commandLine(Bundles.CHINESE))) {
            for (String part : describedParts(spec)) {
                if (!HAN.matcher(part.substring(part.indexOf(": ") + 2)).find()) {
                    untranslated.add(part);
                }
            }
        }
        assertThat(untranslated).as("help texts without a Chinese translation in i18n/help/cli_zh_CN.properties").isEmpty();
    }

    @Test
    void everyCommandOptionAndParameterIsDescribedInEnglishWithoutChinese() {
        List<String> wrong = new ArrayList<>();
        for (CommandSpec spec : allCommands(HalabCommand.commandLine(Locale.ENGLISH))) {
            for (String part : describedParts(spec)) {
                String text = part.substring(part.indexOf(": ") + 2);
                if (text.isBlank() || HAN.matcher(text).find()) {
                    wrong.add(part);
                }
            }
        }
        assertThat(wrong).as("help texts missing (or Chinese) in i18n/help/cli.properties").isEmpty();
    }

    /** The help a command line that starts in English prints for {@code args}. */
    private String help(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = HalabCommand.commandLine(Locale.ENGLISH);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        assertThat(cli.execute(args)).as(String.join(" ", args)).isZero();
        return out.toString();
    }

    @Test
    void langTakesEffectBeforeTheHelpIsPrintedWhereverItIsWritten() {
        assertThat(help("--lang", "zh", "--help")).startsWith("用法： halab").contains("命令：", "搭建 keepalived");
        assertThat(help("validate", "--help", "--lang", "zh")).startsWith("用法： halab validate").contains("检查配置文件");
        assertThat(help("--lang", "zh", "help", "lab")).contains("本地实验环境");
        assertThat(help("--lang", "en", "lab", "up", "--help")).startsWith("Usage: halab lab up").doesNotContainPattern(HAN.pattern());
    }

    @Test
    void everySubcommandHelpPrintsInChinese() {
        for (CommandSpec spec : allCommands(HalabCommand.commandLine())) {
            List<String> args = new ArrayList<>(List.of(spec.qualifiedName().split(" ")).subList(1, spec.qualifiedName().split(" ").length));
            args.add(0, "zh");
            args.add(0, "--lang");
            args.add("--help");
            assertThat(help(args.toArray(String[]::new))).as(spec.qualifiedName()).contains("用法： " + spec.qualifiedName()).containsPattern(HAN.pattern());
        }
    }

    @Test
    void anUnknownLanguageIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = HalabCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("--lang", "fr", "--help")).isEqualTo(2);
        assertThat(err.toString()).contains("\"fr\"").contains("en or zh");
    }

    @Test
    void theHelpBundlesHaveTheSameKeysAndTokensAndNoStaleKey() {
        ResourceBundle en = Bundles.get("help.cli", Locale.ENGLISH);
        ResourceBundle zh = Bundles.get("help.cli", Bundles.CHINESE);
        assertThat(new TreeSet<>(zh.keySet())).isEqualTo(new TreeSet<>(en.keySet()));
        for (String key : en.keySet()) {
            assertThat(tokens(zh.getString(key))).as(key).isEqualTo(tokens(en.getString(key)));
        }
        Set<String> usable = new HashSet<>(Set.of("usage.synopsisHeading", "usage.commandListHeading",
                "usage.optionListHeading", "mixinStandardHelpOptions.help", "mixinStandardHelpOptions.version",
                "helpCommand.help", "helpCommand.command"));
        for (CommandSpec spec : allCommands(HalabCommand.commandLine())) {
            String q = spec.qualifiedName(".");
            usable.add(q + ".usage.description");
            usable.add(q + ".usage.header");
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec arg : args) {
                String key = arg.descriptionKey() != null && !arg.descriptionKey().isEmpty() ? arg.descriptionKey()
                        : arg instanceof OptionSpec o ? o.longestName().replaceFirst("^-+", "")
                        : ((PositionalParamSpec) arg).paramLabel() + "[" + ((PositionalParamSpec) arg).index().min() + "]";
                usable.add(key);
                usable.add(q + "." + key);
            }
        }
        assertThat(new TreeSet<>(en.keySet())).as("keys that no command, option or parameter uses").isSubsetOf(usable);
    }

    private static List<String> tokens(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PICOCLI_TOKEN.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
