package dev.halab.core.failover;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The silent-death script ({@link ChaosRunner#KILL_KEEPALIVED}) run for real against a process pair
 * shaped like keepalived: a parent, and a child that gets SIGTERM from the kernel when its parent
 * dies ({@code PR_SET_PDEATHSIG}) and then "leaves gracefully" (writes a marker, as keepalived's
 * VRRP child sends its priority-0 advert). {@code systemctl kill} signals a unit's processes one at
 * a time, parent first; the stand-in {@code systemctl} here does the same with a pause between
 * them, so the gap CI once hit by chance (a 0.157 s "silent" failover) is there every time.
 * The {@code ip} command is a stand-in too: this machine's addresses are never touched.
 */
class SilentKillTest {
    private static final String KEEPALIVED_LIKE = """
            import ctypes, os, signal, sys, time
            marker, pids = sys.argv[1], sys.argv[2]
            child = os.fork()
            if child == 0:
                def leave(signum, frame):
                    open(marker, "w").write("priority 0 advert sent")
                    sys.exit(0)
                signal.signal(signal.SIGTERM, leave)
                ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
                while True:
                    time.sleep(0.01)
            open(pids + ".tmp", "w").write("%d\\n%d\\n" % (os.getpid(), child))
            os.rename(pids + ".tmp", pids)
            while True:
                time.sleep(1)
            """;
    /** Signals the unit's processes in cgroup order, one by one, as systemd does; 300 ms apart. */
    private static final String SYSTEMCTL_ONE_BY_ONE = """
            #!/bin/sh
            [ "$1" = kill ] || exit 1
            sig="${2#--signal=SIG}"
            for pid in $(cat "$UNIT_PIDS"); do kill -s "$sig" "$pid" 2>/dev/null; sleep 0.3; done
            """;

    @Test
    void noProcessOfTheUnitRunsAHandlerBeforeItDies(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        executable(bin.resolve("systemctl"), SYSTEMCTL_ONE_BY_ONE);
        executable(bin.resolve("ip"), "#!/bin/sh\necho \"$@\" >> \"$IP_CALLS\"\n");
        Path marker = dir.resolve("left-gracefully");
        Path pids = dir.resolve("unit.pids");
        Process keepalived = new ProcessBuilder("python3", "-c", KEEPALIVED_LIKE, marker.toString(), pids.toString())
                .redirectErrorStream(true).start();
        try {
            List<Long> unit = awaitPids(pids, keepalived);
            ProcessBuilder kill = new ProcessBuilder("sh", "-c", ChaosRunner.KILL_KEEPALIVED, "halab-kill", "eth0", "192.0.2.150")
                    .redirectErrorStream(true);
            kill.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            kill.environment().put("UNIT_PIDS", pids.toString());
            kill.environment().put("IP_CALLS", dir.resolve("ip-calls").toString());
            Process script = kill.start();
            String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(script.exitValue()).as(output).isZero();
            for (long pid : unit) {
                ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
            }
            assertThat(marker).as("the child ran its SIGTERM handler: the death was not silent").doesNotExist();
            assertThat(Files.readString(dir.resolve("ip-calls"))).isEqualTo("addr del 192.0.2.150/32 dev eth0\n");
            assertThat(output.lines().findFirst().orElse("")).as("the fault time comes first").matches("\\d{13}");
        } finally {
            keepalived.descendants().forEach(ProcessHandle::destroyForcibly);
            keepalived.destroyForcibly();
        }
    }

    private static List<Long> awaitPids(Path pids, Process keepalived) throws IOException, InterruptedException {
        for (int i = 0; i < 500 && !Files.exists(pids); i++) {
            assertThat(keepalived.isAlive()).as("the keepalived stand-in started").isTrue();
            Thread.sleep(20);
        }
        List<Long> unit = Files.readAllLines(pids).stream().map(Long::parseLong).toList();
        assertThat(unit).hasSize(2);
        return unit;
    }

    private static void executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
