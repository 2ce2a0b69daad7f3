package dev.halab.lab;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What an end-to-end test failure needs to be diagnosed from the CI output alone: the last event
 * lines of the monitors the tests ran (fed by the tests), and each running host's journal for
 * keepalived, nginx and tomcat (read when a test fails). Printed by {@link LabExtension}.
 */
public final class LabDiagnostics {

    private static final int MAX_LINES = 400;
    private static final Deque<String> MONITOR_LINES = new ArrayDeque<>();

    private LabDiagnostics() {
    }

    /** Keeps one monitor event line (the last {@value #MAX_LINES} are kept). */
    public static void monitorEvent(Object event) {
        synchronized (MONITOR_LINES) {
            MONITOR_LINES.addLast(Instant.now() + " " + event);
            while (MONITOR_LINES.size() > MAX_LINES) {
                MONITOR_LINES.removeFirst();
            }
        }
    }

    static void print(LocalLab lab, String testName, Throwable cause, PrintStream out) {
        out.println("[lab] ===== diagnostics for failed test " + testName + ": " + cause);
        List<String> monitor;
        synchronized (MONITOR_LINES) {
            monitor = new ArrayList<>(MONITOR_LINES);
        }
        out.println("[lab] ----- last " + monitor.size() + " monitor events");
        monitor.forEach(line -> out.println("[lab monitor] " + line));
        for (LabHost host : lab.hosts()) {
            out.println("[lab] ----- journal of " + host.name() + " (keepalived, nginx, tomcat)");
            try {
                ExecResult journal = lab.exec(host.name(), "journalctl --no-pager -o short-precise -n 80"
                        + " -u keepalived -u nginx -u tomcat9 -u tomcat10", java.time.Duration.ofSeconds(20));
                journal.output().lines().forEach(line -> out.println("[lab journal " + host.name() + "] " + line));
            } catch (LabException e) {
                out.println("[lab journal " + host.name() + "] (not readable: " + e.getMessage() + ")");
            }
        }
        out.println("[lab] ===== end of diagnostics");
        out.flush();
    }
}
