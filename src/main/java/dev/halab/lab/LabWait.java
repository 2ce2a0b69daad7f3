package dev.halab.lab;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Every wait of the lab, named, with its bound. The lab never sleeps a fixed time to let
 * something happen: it polls the condition that says it happened, and gives up at the bound.
 */
enum LabWait {
    /** A booting host's sshd sends its banner. */
    SSH_BANNER(Duration.ofSeconds(90), 100),
    /** systemd inside a host reports the boot finished ({@code systemctl is-system-running --wait}). */
    SYSTEMD_BOOT(Duration.ofSeconds(60), 0),
    /** A host shuts down cleanly after SIGTERM to its systemd-nspawn, before it is killed. */
    CLEAN_SHUTDOWN(Duration.ofSeconds(5), 50),
    /** A process the lab signalled has exited. */
    PROCESS_EXIT(Duration.ofSeconds(5), 50),
    /** Every process of a host's network namespace has died after SIGKILL. */
    NETNS_EMPTY(Duration.ofSeconds(5), 100),
    /** An overlay is unmounted (a process may still be leaving it). */
    UNMOUNT(Duration.ofSeconds(2), 100),
    /** A host's cgroup can be removed (its last process is leaving it). */
    CGROUP_EMPTY(Duration.ofSeconds(2), 100),
    /** The apt repository's HTTP server accepts connections. */
    REPO_LISTENING(Duration.ofSeconds(10), 50);

    private final Duration bound;
    private final long pollMillis;

    LabWait(Duration bound, long pollMillis) {
        this.bound = bound;
        this.pollMillis = pollMillis;
    }

    Duration bound() {
        return bound;
    }

    /**
     * Polls {@code done} until it is true (returns true) or the bound has passed (returns false).
     * {@code done} is always asked at least once, and once more after the bound.
     */
    boolean until(BooleanSupplier done) {
        return until(bound, done);
    }

    /** As {@link #until(BooleanSupplier)} with another bound (a caller's own grace period). */
    boolean until(Duration limit, BooleanSupplier done) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return done.getAsBoolean();
            }
            sleep(pollMillis);
        }
        return true;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException(LabMessages.text("error.interrupted", "-"), e);
        }
    }
}
