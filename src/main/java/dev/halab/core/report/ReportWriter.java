package dev.halab.core.report;

import dev.halab.core.template.GeneratedFile;
import dev.halab.core.template.HostFiles;
import dev.halab.core.topology.Host;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a lab report into a folder: {@code halab-report.html} (self-contained), a zip of every
 * generated file per host, and {@code halab-report.pdf} when a headless browser is available
 * ({@link PdfPrinter}).
 *
 * <pre>{@code
 * ReportData data = new ReportData(topology, SessionStore.user().load("local-lab"), "Li Lei", LocalDate.now(), locale);
 * ReportFiles files = ReportWriter.write(data, Path.of("report"), PdfPrinter.find());
 * }</pre>
 */
public final class ReportWriter {
    public static final String HTML = "halab-report.html";
    public static final String ZIP = "halab-generated-files.zip";
    public static final String PDF = "halab-report.pdf";

    /** What was written; {@code pdf} is null when no printer was available ({@code pdfSkipped} says why). */
    public record ReportFiles(Path html, Path zip, Path pdf, String pdfSkipped) {
    }

    private ReportWriter() {
    }

    /**
     * @param printer null to skip the PDF
     * @throws IOException if the folder cannot be written (nothing half-written is left as the report)
     */
    public static ReportFiles write(ReportData data, Path dir, PdfPrinter printer) throws IOException {
        String html = ReportHtml.render(data);
        Files.createDirectories(dir);
        Path htmlFile = dir.resolve(HTML);
        Files.writeString(htmlFile, html, StandardCharsets.UTF_8);
        Path zip = dir.resolve(ZIP);
        try (OutputStream out = Files.newOutputStream(zip)) {
            zip(data, out);
        }
        if (printer == null) {
            return new ReportFiles(htmlFile, zip, null, "no headless browser (chromium) found");
        }
        Path pdf = dir.resolve(PDF);
        try {
            printer.print(htmlFile, pdf);
            return new ReportFiles(htmlFile, zip, pdf, null);
        } catch (IOException e) {
            return new ReportFiles(htmlFile, zip, null, e.getMessage());
        }
    }

    /** Every generated file, under a folder per host: {@code nginx1/etc/keepalived/keepalived.conf}. */
    static void zip(ReportData data, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Host host : data.topology().hosts()) {
                for (GeneratedFile file : HostFiles.forHost(data.topology().withVrrpKeyMasked(), host)) {
                    zip.putNextEntry(new ZipEntry(host.name() + file.path()));
                    zip.write(file.content().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
        }
    }
}
