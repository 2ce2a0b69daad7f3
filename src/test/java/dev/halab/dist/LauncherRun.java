package dev.halab.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of an unpacked launcher with a controlled environment; output is stdout and stderr together. */
record LauncherRun(int exitCode, String output) {
    /** Only a guard against a hung process; nothing is asserted about the time taken. */
    private static final long HANG_GUARD_MINUTES = 10;

    static LauncherRun run(Path launcher, Path workDir, Env env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        return start(command, workDir, env);
    }

    static LauncherRun runUnderXvfb(Path launcher, Path workDir, Env env) throws IOException, InterruptedException {
        return start(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24", launcher.toString()), workDir, env);
    }

    private static LauncherRun start(List<String> command, Path workDir, Env env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env.variables());
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end:\n" + new String(output, StandardCharsets.UTF_8));
        }
        return new LauncherRun(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** The environment a launcher sees: nothing inherited from the build. */
    record Env(Map<String, String> variables) {
        /** The JDK running the tests as JAVA_HOME, an empty home folder (so no ~/.m2), the system PATH. */
        static Env plainJdk(Path temp) throws IOException {
            Map<String, String> variables = new HashMap<>();
            variables.put("HOME", Files.createDirectories(temp.resolve("home")).toString());
            variables.put("JAVA_HOME", System.getProperty("java.home"));
            variables.put("PATH", "/usr/bin:/bin");
            variables.put("LANG", "C.UTF-8");
            return new Env(variables);
        }

        /** A PATH with only the tools the launcher itself uses, and no java anywhere. */
        static Env withoutJava(Path folder) throws IOException {
            Path bin = Files.createDirectories(folder.resolve("bin"));
            for (String tool : List.of("dirname", "awk", "cat")) {
                Path real = List.of(Path.of("/usr/bin", tool), Path.of("/bin", tool)).stream()
                        .filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError("no " + tool));
                Files.copy(real, bin.resolve(tool));
                Files.setPosixFilePermissions(bin.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return new Env(Map.of("HOME", folder.toString(), "PATH", bin.toString(), "LANG", "C.UTF-8"));
        }

        /** As {@link #withoutJava}, with a {@code java} that reports the given version. */
        static Env withJavaVersion(Path folder, String version) throws IOException {
            Env env = withoutJava(folder);
            Path java = Path.of(env.variables().get("PATH"), "java");
            Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2024-01-16' >&2\n");
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
            return env;
        }

        Env withJavaOptions(String options) {
            Map<String, String> more = new HashMap<>(variables);
            more.put("HALAB_JAVA_OPTS", options);
            return new Env(more);
        }
    }
}
