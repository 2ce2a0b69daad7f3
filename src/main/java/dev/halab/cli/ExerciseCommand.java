package dev.halab.cli;

import dev.halab.core.exercise.Diagnosis;
import dev.halab.core.exercise.Exercise;
import dev.halab.core.exercise.ExercisePlan;
import dev.halab.core.exercise.ExerciseRunner;
import dev.halab.core.failover.ChaosRunner;
import dev.halab.core.failover.FailoverException;
import dev.halab.core.failover.FailoverMonitor;
import dev.halab.core.failover.FailoverMonitor.MonitorSettings;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.report.BilingualText;
import dev.halab.core.report.LabSession.ExerciseRecord;
import dev.halab.core.report.SessionLog;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code halab exercise list} and {@code halab exercise NAME --profile P [--answer NAME]}: plants one
 * classic mistake on the installed lab, shows what to watch, asks what was broken, shows HA Lab's
 * own diagnosis, repairs the lab and records the exercise for the report. Exit 0 only if the
 * diagnosis was found and the repair brought the lab back.
 */
@Command(name = "exercise", mixinStandardHelpOptions = true,
        description = "Break-it-yourself: plants one classic mistake on the installed lab (list: halab exercise list), "
                + "asks what was broken, shows HA Lab's diagnosis and repairs the lab.")
public final class ExerciseCommand extends EngineCommandSupport {
    private static final String BUNDLE = "exercise";
    private static final int REPAIR_SECONDS = 90;

    @Parameters(index = "0", paramLabel = "NAME|list", description = "The exercise, or list.")
    String name;

    @Option(names = "--answer", paramLabel = "NAME|N", description = "The cause you pick (name or number); asked on the terminal if missing.")
    String answer;

    @Option(names = "--wait", defaultValue = "45", paramLabel = "SECONDS", description = "How long to wait for the diagnosis (default ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation. New host keys are trusted only with --trust-new-host-keys.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        if ("list".equals(name)) {
            out().println(texts().text(BUNDLE, "cli.exercise.list"));
            for (Exercise e : Exercise.values()) {
                out().println("  " + e.id() + "  " + e.title().render(texts().locale()));
            }
            out().flush();
            return 0;
        }
        Optional<Exercise> exercise = Exercise.parse(name);
        if (exercise.isEmpty()) {
            return invalid(texts().text(BUNDLE, "cli.exercise.unknown", name, ids()));
        }
        Optional<Exercise> chosen = Optional.empty();
        if (answer != null) {
            chosen = choice(answer);
            if (chosen.isEmpty()) {
                return invalid(texts().text(BUNDLE, "cli.exercise.answerInvalid", answer));
            }
        }
        Optional<Topology> loaded = topology();
        if (loaded.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        Topology topology = loaded.get();
        try {
            ExercisePlan.plant(exercise.get(), topology);
        } catch (IllegalArgumentException e) {
            return invalid(texts().text(BUNDLE, "cli.exercise.notFit", exercise.get().id(), profile.value(), e.getMessage()));
        }
        Optional<ShellFactory> shells = shells(topology, yes);
        if (shells.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        ChaosRunner chaos = new ChaosRunner(topology, shells.get(), MonitorCommand.powerSwitch(topology));
        try (FailoverMonitor monitor = new FailoverMonitor(topology, shells.get(), MonitorSettings.defaults())) {
            chaos.requireInstalled(profile.value());
            monitor.start();
            if (!MonitorCommand.awaitVisible(monitor, Duration.ofSeconds(30), err(), texts())) {
                return HalabCommand.EXIT_FAILED;
            }
            ExerciseRunner runner = new ExerciseRunner(topology, shells.get(), monitor, chaos, t -> say(t));
            boolean repaired;
            Diagnosis diagnosis = new Diagnosis(List.of(), List.of(), false);
            try {
                runner.plant(exercise.get());
                say(LocalizedText.of(BUNDLE, "cli.exercise.symptom", exercise.get().symptom()));
                diagnosis = runner.diagnose(exercise.get(), Duration.ofSeconds(waitSeconds));
                if (chosen.isEmpty()) {
                    chosen = ask();
                }
                Exercise picked = chosen.orElse(null);
                if (picked == exercise.get()) {
                    say(LocalizedText.of(BUNDLE, "cli.exercise.correct", picked.title()));
                } else {
                    say(LocalizedText.of(BUNDLE, "cli.exercise.wrong", picked == null ? "-" : picked.title(), exercise.get().title()));
                }
                if (diagnosis.matched()) {
                    say(LocalizedText.of(BUNDLE, "cli.exercise.diagnosis", join(diagnosis.texts())));
                } else {
                    err().println(texts().cli("label.error") + " " + texts().text(BUNDLE, "cli.exercise.noDiagnosis", String.join(", ", exercise.get().diagnosis()),
                            diagnosis.findings().isEmpty() ? "-" : join(diagnosis.texts())));
                }
                say(LocalizedText.of(BUNDLE, "cli.exercise.why", exercise.get().explanation()));
                out().println("DIAGNOSIS " + String.join(",", diagnosis.findings()));
            } catch (FailoverException e) {
                // The mistake could not be planted or provoked: still repair, and record the attempt.
                err().println(texts().cli("label.error") + " " + e.text().render(texts().locale()));
                err().flush();
            } finally {
                // Whatever happened, leave the lab as HA Lab installed it.
                repaired = runner.repair(exercise.get(), Duration.ofSeconds(REPAIR_SECONDS));
            }
            if (repaired) {
                say(LocalizedText.of(BUNDLE, "cli.exercise.repaired"));
                out().println("REPAIRED");
            } else {
                err().println(texts().cli("label.error") + " " + texts().text(BUNDLE, "cli.exercise.notRepaired", REPAIR_SECONDS, monitor.state().summary()));
            }
            SessionLog.exercise(profile.value(), new ExerciseRecord(Instant.now(), exercise.get().id(),
                    chosen.map(Exercise::id).orElse("-"), chosen.orElse(null) == exercise.get(),
                    diagnosis.texts().stream().map(BilingualText::of).toList(), repaired));
            out().flush();
            err().flush();
            return diagnosis.matched() && repaired ? 0 : HalabCommand.EXIT_FAILED;
        } catch (FailoverException e) {
            err().println(texts().cli("label.error") + " " + e.text().render(texts().locale()));
            err().flush();
            return HalabCommand.EXIT_FAILED;
        }
    }

    private Optional<Exercise> ask() throws IOException {
        out().println(texts().text(BUNDLE, "cli.exercise.question"));
        Exercise[] all = Exercise.values();
        for (int i = 0; i < all.length; i++) {
            out().println("  " + (i + 1) + ". " + all[i].title().render(texts().locale()));
        }
        out().flush();
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? Optional.empty() : choice(line);
    }

    static Optional<Exercise> choice(String text) {
        String t = text.trim();
        if (t.matches("\\d+")) {
            int n = Integer.parseInt(t);
            return n >= 1 && n <= Exercise.values().length ? Optional.of(Exercise.values()[n - 1]) : Optional.empty();
        }
        return Exercise.parse(t);
    }

    private void say(LocalizedText text) {
        out().println(text.render(texts().locale()));
        out().flush();
    }

    private int invalid(String message) {
        err().println(texts().cli("label.error") + " " + message);
        err().flush();
        return HalabCommand.EXIT_INVALID;
    }

    private String join(List<LocalizedText> parts) {
        return parts.stream().map(texts()::render).collect(Collectors.joining("; "));
    }

    private static String ids() {
        return Arrays.stream(Exercise.values()).map(Exercise::id).collect(Collectors.joining(", "));
    }
}
