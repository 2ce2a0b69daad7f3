package dev.halab.cli;

import dev.halab.core.report.LabSession;
import dev.halab.core.report.PdfPrinter;
import dev.halab.core.report.ReportData;
import dev.halab.core.report.ReportWriter;
import dev.halab.core.report.ReportWriter.ReportFiles;
import dev.halab.core.report.SessionStore;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.TopologyValidator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code halab report --profile P --student NAME --out DIR}: the lab report of what was recorded for
 * the profile (installs, failovers, scenarios, exercises), as self-contained HTML, a PDF when
 * Chromium is installed, and a zip of the generated files. In the language of {@code --lang}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes the lab report of what HA Lab recorded for the profile: DIR/halab-report.html (self-contained), "
                + "DIR/halab-report.pdf (with chromium installed) and DIR/halab-generated-files.zip.")
public final class ReportCommand implements Callable<Integer> {
    private static final String BUNDLE = "report";

    @CommandLine.Mixin
    ProfileOption profile;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Folder to write to; created if missing.")
    Path out;

    @Option(names = "--student", required = true, paramLabel = "NAME", description = "The student's name, shown on the report.")
    String student;

    @Option(names = "--no-pdf", description = "Write the HTML and the zip only.")
    boolean noPdf;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Optional<Topology> topology = profile.load(stderr);
        if (topology.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        if (TopologyValidator.hasErrors(TopologyValidator.validate(topology.get()))) {
            stderr.println(texts().cli("label.error") + " " + texts().text("cli", "render.refused", profile.value()));
            stderr.flush();
            return HalabCommand.EXIT_INVALID;
        }
        if (student == null || student.isBlank()) {
            stderr.println(texts().cli("label.error") + " " + texts().text(BUNDLE, "report.noStudent"));
            stderr.flush();
            return HalabCommand.EXIT_INVALID;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            stderr.println(texts().cli("label.error") + " " + texts().text("cli", "render.outNotFolder", out));
            stderr.flush();
            return HalabCommand.EXIT_INVALID;
        }
        SessionStore store = SessionStore.user();
        LabSession session = store.load(profile.value());
        ReportData data = new ReportData(topology.get(), session, student, LocalDate.now(), texts().locale());
        try {
            ReportFiles files = ReportWriter.write(data, out, noPdf ? null : PdfPrinter.find().orElse(null));
            stdout.println(texts().text(BUNDLE, "cli.report.recordIn", store.dir()));
            stdout.println(texts().text(BUNDLE, "cli.report.written", files.html()));
            stdout.println(texts().text(BUNDLE, "cli.report.zip", files.zip()));
            stdout.println(files.pdf() != null ? texts().text(BUNDLE, "cli.report.pdf", files.pdf())
                    : texts().text(BUNDLE, "cli.report.pdfSkipped", noPdf ? "--no-pdf" : files.pdfSkipped()));
        } catch (IOException e) {
            stderr.println(texts().cli("label.error") + " " + texts().text(BUNDLE, "cli.report.ioError", out, String.valueOf(e.getMessage())));
            stderr.flush();
            return HalabCommand.EXIT_FAILED;
        }
        stdout.flush();
        return 0;
    }

    private CliText texts() {
        return CliText.of(spec);
    }
}
