package dev.halab.core.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real nginx, keepalived and shell on rendered files. These checks need root (network
 * and mount namespaces); without it they fail with a message saying so, never skip silently.
 */
final class RealTools {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    record Result(int exitCode, String output) {
    }

    private RealTools() {
    }

    static void requireRoot() {
        String uid = run(List.of("id", "-u")).output().trim();
        assertThat(uid)
                .as("This test runs the real nginx -t / keepalived -t inside network and mount namespaces "
                        + "and needs root (CI runs as root). Run it as root, e.g. sudo mvn ... verify.")
                .isEqualTo("0");
    }

    static void requireTool(String path) {
        assertThat(Path.of(path))
                .as(path + " is missing: install the Debian packages listed in .ci/apt-packages.txt "
                        + "(apt-get install -y nginx keepalived curl procps)")
                .isExecutable();
    }

    /** Runs a command (no shell), stdout and stderr merged; fails the test after 60 s. */
    static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        }
    }

    /** A network namespace of our own, with the given interfaces; deleted on close. */
    static final class NetNs implements AutoCloseable {
        final String name;

        NetNs(List<String> interfaces) {
            name = "halabt-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
            expectOk(List.of("ip", "netns", "add", name));
            try {
                expectOk(List.of("ip", "-n", name, "link", "set", "lo", "up"));
                int peer = 0;
                for (String iface : interfaces) {
                    // No "dummy" link type on every kernel: a veth pair whose peer stays inside works everywhere.
                    expectOk(List.of("ip", "-n", name, "link", "add", iface, "type", "veth", "peer", "name", "hx" + peer++));
                }
            } catch (RuntimeException | AssertionError e) {
                close();
                throw e;
            }
        }

        /** A shell script run inside this namespace and a private mount namespace (mounts vanish with it). */
        Result runPrivate(String script, String... args) {
            List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", name,
                    "unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh"));
            command.addAll(List.of(args));
            return run(command);
        }

        @Override
        public void close() {
            run(List.of("ip", "netns", "del", name));
        }
    }

    static void expectOk(List<String> command) {
        Result result = run(command);
        if (result.exitCode() != 0) {
            throw new AssertionError(command + " failed with " + result.exitCode() + ": " + result.output());
        }
    }

    static Path write(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
