package dev.halab.cli;

import dev.halab.core.profile.ProfileException;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.topology.Problem;
import dev.halab.core.topology.Topology;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** The {@code --profile NAME_OR_FILE} option shared by subcommands, and how problems are printed. */
public final class ProfileOption {

    @Option(names = {"-p", "--profile"}, required = true, paramLabel = "NAME_OR_FILE")
    String profile;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    public String value() {
        return profile;
    }

    /** The topology, or empty after printing one line that says why the profile cannot be read. */
    public Optional<Topology> load(PrintWriter err) {
        try {
            return Optional.of(ProfileLoader.load(profile));
        } catch (ProfileException e) {
            err.println(CliText.of(mixee).error(e.text()));
            err.flush();
            return Optional.empty();
        }
    }

    /** One line per problem: {@code ERROR field: message} or {@code WARNING field: message}, the label translated. */
    static void print(List<Problem> problems, PrintWriter out, CliText texts) {
        for (Problem problem : problems) {
            out.println(texts.label(problem.severity()) + " " + problem.render(texts.locale()));
        }
        out.flush();
    }
}
