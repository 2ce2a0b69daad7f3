package dev.halab.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one system tool (ip, mount, debootstrap, ...) and waits for it. Arguments are passed as
 * an argv list, never through a shell, so addresses and paths need no quoting.
 *
 * <p>Standard input, when given, is written and closed; the lab uses it to hand the root
 * password to {@code chpasswd} so that it never appears in a command line or a log.
 */
final class SystemCommand {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** Exit code reported when the timeout stopped the command (same as coreutils' timeout). */
    static final int TIMED_OUT = 124;

    private final List<String> argv;
    private String stdin;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Consumer<String> lineListener = line -> { };
    private java.nio.file.Path directory;

    private SystemCommand(List<String> argv) {
        this.argv = List.copyOf(argv);
    }

    static SystemCommand of(String... argv) {
        return new SystemCommand(List.of(argv));
    }

    static SystemCommand of(List<String> argv) {
        return new SystemCommand(argv);
    }

    SystemCommand stdin(String text) {
        this.stdin = text;
        return this;
    }

    SystemCommand directory(java.nio.file.Path directory) {
        this.directory = directory;
        return this;
    }

    SystemCommand timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Receives each output line as it comes (for progress of slow tools). */
    SystemCommand onLine(Consumer<String> listener) {
        this.lineListener = listener;
        return this;
    }

    List<String> argv() {
        return argv;
    }

    /** Runs the command; stdout and stderr are merged into the result's output. */
    ExecResult run() {
        ProcessBuilder builder = new ProcessBuilder(resolved(argv)).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        // A fixed locale makes the tools' messages parseable regardless of the user's LANG.
        builder.environment().put("LC_ALL", "C");
        if (stdin == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new LabException(LabMessages.text("error.io.run", argv.get(0), e.getMessage()), e);
        }
        if (stdin != null) {
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // The tool exited before reading its input; its exit code tells why.
            }
        }
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    lineListener.accept(line);
                }
            } catch (IOException e) {
                // Stream closed because the process was destroyed after a timeout.
            }
        }, "halab-lab-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                reader.join(1000);
                synchronized (output) {
                    return new ExecResult(TIMED_OUT, output.toString());
                }
            }
            reader.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LabException(LabMessages.text("error.interrupted", argv.get(0)), e);
        }
        synchronized (output) {
            return new ExecResult(process.exitValue(), output.toString());
        }
    }

    /** Runs the command and fails with its output if it does not exit with 0. */
    String check() {
        ExecResult result = run();
        if (!result.succeeded()) {
            throw new LabException(LabMessages.text("error.commandFailed", describe(), result.exitCode(),
                    result.output().strip()));
        }
        return result.output();
    }

    /** argv with the tool's absolute path: sbin tools may be missing from the JVM's PATH. */
    static List<String> resolved(List<String> argv) {
        String tool = argv.get(0);
        if (tool.contains("/")) {
            return argv;
        }
        java.nio.file.Path found = Prerequisites.findOnPath(tool);
        if (found == null) {
            return argv;
        }
        List<String> withPath = new ArrayList<>(argv);
        withPath.set(0, found.toString());
        return withPath;
    }

    /** The command line for messages; stdin is never part of it. */
    String describe() {
        List<String> shown = new ArrayList<>(argv);
        return String.join(" ", shown);
    }
}
