package dev.halab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.halab.core.failover.ChaosAction;
import dev.halab.core.failover.ChaosRunner;
import dev.halab.core.failover.FailoverException;
import dev.halab.core.failover.FailoverMonitor;
import dev.halab.core.failover.FailoverMonitor.MonitorSettings;
import dev.halab.core.failover.FailoverSession;
import dev.halab.core.failover.ScenarioKind;
import dev.halab.core.failover.ScenarioListener;
import dev.halab.core.failover.ScenarioReport;
import dev.halab.core.failover.ScenarioRunner;
import dev.halab.core.failover.StepResult;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.plan.InstallEngine;
import dev.halab.core.plan.RunSummary;
import dev.halab.core.report.SessionLog;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code halab scenario preempt|nopreempt|nginx|dual-master --profile P [--how stop|kill|net|power] [--json FILE]}:
 * installs the profile (idempotent; {@code --no-install} skips), then runs the tutorial's steps and
 * asserts each. Exit 0 only if every step met its expectation.
 */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Runs a tutorial experiment on the lab and checks every step: preempt (Steps 1-3), nopreempt "
                + "(Steps 1-4), nginx (nginx-only failure) or dual-master. Exit code 0 only if every step met its expectation.")
public final class ScenarioCommand extends EngineCommandSupport {

    @Parameters(index = "0", paramLabel = "preempt|nopreempt|nginx|dual-master", description = "The experiment.")
    String scenario;

    @Option(names = "--how", defaultValue = "stop", paramLabel = "stop|kill|net|power",
            description = "How the master fails (default: ${DEFAULT-VALUE}, as the tutorial's killall keepalived).")
    String how;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    Path json;

    @Option(names = "--no-install", description = "Do not install / reconfigure the profile first; it must already be installed.")
    boolean noInstall;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation. New host keys are trusted only with --trust-new-host-keys.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        Optional<Topology> loaded = topology();
        if (loaded.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        Topology topology = loaded.get();
        Optional<String> badJsonPath = json == null ? Optional.empty() : OutputPaths.problemWithFile(json, texts());
        if (badJsonPath.isPresent()) { // checked before any fault is injected, not after the run
            err().println(texts().error(badJsonPath.get()));
            err().flush();
            return HalabCommand.EXIT_INVALID;
        }
        Optional<ScenarioKind> kind = ScenarioKind.parse(scenario);
        Optional<ChaosAction> method = ChaosAction.parse(how);
        if (kind.isEmpty() || method.isEmpty()) {
            err().println(texts().error(texts().text(MonitorCommand.BUNDLE, "cli.badOption",
                    kind.isEmpty() ? "scenario preempt|nopreempt|nginx|dual-master, not \"" + scenario + "\""
                            : "--how stop|kill|net|power, not \"" + how + "\"")));
            err().flush();
            return HalabCommand.EXIT_INVALID;
        }
        try {
            ScenarioRunner.checkFits(kind.get(), topology, kind.get() == ScenarioKind.NGINX ? ChaosAction.NGINX : method.get(),
                    profile.value());
            if (method.get() == ChaosAction.POWER && MonitorCommand.powerSwitch(topology) == null) {
                throw new FailoverException(LocalizedText.of(MonitorCommand.BUNDLE, "chaos.power.unavailable", "-"), null);
            }
        } catch (FailoverException e) {
            err().println(texts().error(e.text()));
            err().flush();
            return HalabCommand.EXIT_INVALID;
        }
        Optional<ShellFactory> shells = shells(topology, yes);
        if (shells.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        if (!noInstall) {
            RunSummary installed = new InstallEngine(shells.get()).install(topology, printer());
            SessionLog.install(profile.value(), installed);
            if (!installed.success()) {
                return HalabCommand.EXIT_FAILED;
            }
        }
        ChaosRunner chaos = new ChaosRunner(topology, shells.get(), MonitorCommand.powerSwitch(topology));
        ScenarioReport report;
        try (FailoverMonitor monitor = new FailoverMonitor(topology, shells.get(), MonitorSettings.defaults())) {
            if (verbose) {
                monitor.addListener(new MonitorCommand.EventPrinter(out(), false, texts()));
            }
            // Outages are timed from the hosts' clocks: each step shows its clock uncertainty (as "failover" does).
            new FailoverSession(monitor, chaos).estimateClocks(shells.get());
            monitor.start();
            if (!MonitorCommand.awaitVisible(monitor, Duration.ofSeconds(30), err(), texts())) {
                return HalabCommand.EXIT_FAILED;
            }
            report = new ScenarioRunner(monitor, chaos, profile.value()).run(kind.get(), method.get(), new Printer());
        } catch (FailoverException e) {
            err().println(texts().error(e.text()));
            err().flush();
            return HalabCommand.EXIT_FAILED;
        }
        SessionLog.scenario(profile.value(), report);
        long failed = report.steps().stream().filter(s -> !s.passed()).count();
        out().println(report.passed() ? texts().text(MonitorCommand.BUNDLE, "cli.scenario.passed", kind.get().cliName())
                : texts().text(MonitorCommand.BUNDLE, "cli.scenario.failed", kind.get().cliName(), failed, report.steps().size()));
        if (json != null) {
            try {
                try (var stream = java.nio.file.Files.newOutputStream(json, java.nio.file.LinkOption.NOFOLLOW_LINKS,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                        java.nio.file.StandardOpenOption.WRITE)) {
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValue(stream, report.toJsonTree(texts().locale()));
                }
                out().println(texts().text(MonitorCommand.BUNDLE, "cli.scenario.jsonWritten", json));
            } catch (IOException e) {
                err().println(texts().error(texts().text(MonitorCommand.BUNDLE, "cli.ioError", json, String.valueOf(e.getMessage()))));
                err().flush();
                return HalabCommand.EXIT_FAILED;
            }
        }
        out().flush();
        return report.passed() ? 0 : HalabCommand.EXIT_FAILED;
    }

    private final class Printer implements ScenarioListener {
        @Override
        public void stepStarted(String id, LocalizedText action) {
            out().println(texts().text(MonitorCommand.BUNDLE, "cli.scenario.step", id, action));
            out().flush();
        }

        @Override
        public void stepFinished(StepResult result) {
            out().println(texts().text(MonitorCommand.BUNDLE, "cli.scenario.stepResult", result.passed() ? "PASS" : "FAIL", result.id(),
                    result.expected(), result.observed(), result.explanation()));
            out().flush();
        }
    }
}
