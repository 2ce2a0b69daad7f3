package dev.halab.core.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Prints the report's HTML to PDF with a headless Chromium (Debian's {@code chromium} package).
 * The page is self-contained, and background networking is switched off, so the browser reads only
 * the local file.
 */
public final class PdfPrinter {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private final Path browser;

    public PdfPrinter(Path browser) {
        this.browser = browser;
    }

    /** The first Chromium on the PATH, if any. */
    public static Optional<PdfPrinter> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : NAMES) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(new PdfPrinter(candidate));
                }
            }
        }
        return Optional.empty();
    }

    public void print(Path html, Path pdf) throws IOException {
        Path profile = Files.createTempDirectory("halab-chromium");
        ProcessBuilder builder = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--no-pings", "--disable-domain-reliability",
                "--user-data-dir=" + profile, "--no-pdf-header-footer", "--print-to-pdf=" + pdf.toAbsolutePath(),
                html.toAbsolutePath().toUri().toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(browser + " did not finish printing " + html + " within 120 s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while printing " + html, e);
        } finally {
            deleteTree(profile);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
            throw new IOException(browser + " could not print " + html + " (exit " + process.exitValue() + ")");
        }
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(PdfPrinter.class).debug("could not remove {}", dir, e);
        }
    }
}
