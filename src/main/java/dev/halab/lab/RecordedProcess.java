package dev.halab.lab;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A long-running process the lab started (a host's systemd-nspawn, the apt repository's HTTP
 * server), recorded in a PID file as {@code "PID STARTTIME"}.
 *
 * <p>The start time (field 22 of {@code /proc/PID/stat}, in clock ticks since boot) guards
 * against PID reuse: after a crash or a reboot the recorded PID may belong to someone else's
 * process, and the lab must never signal a process it did not start.
 */
final class RecordedProcess {

    private final long pid;
    private final long startTime;

    RecordedProcess(long pid, long startTime) {
        this.pid = pid;
        this.startTime = startTime;
    }

    long pid() {
        return pid;
    }

    /**
     * Starts {@code argv} detached in a new session ({@code setsid}: it survives the JVM and gets
     * no SIGHUP from a closing terminal), output appended to {@code logFile}, and records it.
     */
    static RecordedProcess startDetached(List<String> argv, Path pidFile, Path logFile) {
        // A child of the JVM is never a process-group leader, so setsid(1) calls setsid() and
        // execs in place: the PID we get is the PID of the tool itself.
        List<String> command = new java.util.ArrayList<>();
        command.add("setsid");
        command.addAll(SystemCommand.resolved(argv));
        ProcessBuilder builder = new ProcessBuilder(SystemCommand.resolved(command))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        try {
            Files.createDirectories(pidFile.getParent());
            Process process = builder.start();
            long start = readStartTime(process.pid())
                    .orElseThrow(() -> new LabException(LabMessages.text("error.exitedAtOnce", argv.get(0), logFile)));
            RecordedProcess recorded = new RecordedProcess(process.pid(), start);
            Files.writeString(pidFile, process.pid() + " " + start + "\n");
            return recorded;
        } catch (IOException e) {
            throw new LabException(LabMessages.text("error.io.start", argv.get(0), e.getMessage()), e);
        }
    }

    /** The process recorded in {@code pidFile}, if the file exists and is well-formed. */
    static Optional<RecordedProcess> read(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(pidFile).trim().split("\\s+");
            if (parts.length != 2) {
                return Optional.empty();
            }
            return Optional.of(new RecordedProcess(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True if the recorded process is still the one we started (same PID and same start time). */
    boolean isAlive() {
        return readStartTime(pid).map(t -> t == startTime).orElse(false);
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL; only if it is still our process. */
    void terminate(Duration grace) {
        if (!isAlive()) {
            return;
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        if (!waitForExit(grace)) {
            kill();
        }
    }

    /** SIGKILL, only if it is still our process, and wait for it to be gone. */
    void kill() {
        if (isAlive()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            LabWait.PROCESS_EXIT.until(() -> !isAlive());
        }
    }

    boolean waitForExit(Duration timeout) {
        return LabWait.PROCESS_EXIT.until(timeout, () -> !isAlive());
    }

    static Optional<Long> readStartTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // A zombie still has a /proc entry but is dead for our purposes.
            if (isZombie(stat)) {
                return Optional.empty();
            }
            return Optional.of(parseStartTime(stat));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean isZombie(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    }

    /**
     * Field 22 (starttime) of a /proc/PID/stat line. The second field is the command name in
     * parentheses and may itself hold spaces or ')', so counting starts after the last ')'.
     */
    static long parseStartTime(String stat) {
        String afterName = stat.substring(stat.lastIndexOf(')') + 2);
        String[] fields = afterName.trim().split("\\s+");
        // afterName starts at field 3 (state); starttime is field 22, index 22 - 3.
        return Long.parseLong(fields[22 - 3]);
    }
}
