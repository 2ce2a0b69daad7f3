package dev.halab.core.template;

import dev.halab.core.topology.Topology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated check and notify scripts do what keepalived relies on, run for real: the check
 * exits 0 only while nginx runs and answers, 1 otherwise; notify appends the documented line.
 * Each run has its own network, PID and mount namespaces, so it sees only the nginx it started
 * and writes /var/log/halab on a tmpfs that vanishes with it.
 */
class KeepalivedScriptsTest {
    private static final Topology TUTORIAL = TestProfiles.load("tutorial");

    @BeforeAll
    static void needsRootAndTools() {
        RealTools.requireRoot();
        RealTools.requireTool("/usr/sbin/nginx");
        RealTools.requireTool("/usr/bin/curl");
        RealTools.requireTool("/usr/bin/pgrep");
    }

    @Test
    void checkScriptPassesOnlyWhileNginxRunsAndAnswersOnItsPort(@TempDir Path dir) {
        List<GeneratedFile> files = HostFiles.forHost(TUTORIAL, TUTORIAL.host("nginx1"));
        Path site = RealTools.write(dir, "site.conf", RealConfigCheckTest.file(files, dev.halab.core.facts.Distros.REFERENCE.nginxSite()).content());
        Path check = RealTools.write(dir, "check_nginx.sh", RealConfigCheckTest.file(files, HostFiles.CHECK_SCRIPT).content());
        // The same script pointed at another port: nginx runs but does not answer there.
        Path checkOtherPort = RealTools.write(dir, "check_other_port.sh",
                RealConfigCheckTest.file(files, HostFiles.CHECK_SCRIPT).content().replace(":80/", ":8081/"));
        Path conf = RealTools.write(dir, "nginx.conf", String.join("\n",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + ";",
                "events { }",
                "http {",
                "    access_log " + dir.resolve("access.log") + ";",
                "    client_body_temp_path " + dir.resolve("body") + ";",
                "    proxy_temp_path " + dir.resolve("proxy") + ";",
                "    include " + site + ";",
                "}", ""));
        String script = """
                conf=$1; check=$2; check_other=$3; pidfile=$4
                /bin/bash "$check"; echo "before-start=$?"
                /usr/sbin/nginx -c "$conf" || exit 90
                /bin/bash "$check"; echo "running=$?"
                /bin/bash "$check_other"; echo "other-port=$?"
                pid=$(cat "$pidfile")
                kill "$pid"
                for i in $(seq 1 50); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
                /bin/bash "$check"; echo "stopped=$?"
                """;

        RealTools.Result result;
        try (RealTools.NetNs ns = new RealTools.NetNs(List.of())) {
            result = RealTools.run(List.of("ip", "netns", "exec", ns.name, "unshare", "--mount", "--propagation", "private",
                    "--pid", "--fork", "--mount-proc", "sh", "-c", script, "sh",
                    conf.toString(), check.toString(), checkOtherPort.toString(), dir.resolve("nginx.pid").toString()));
        }

        assertThat(result.output()).as(result.output())
                .contains("before-start=1", "running=0", "other-port=1", "stopped=1");
    }

    @Test
    void notifyScriptAppendsOneDocumentedLinePerStateChange(@TempDir Path dir) {
        List<GeneratedFile> files = HostFiles.forHost(TUTORIAL, TUTORIAL.host("nginx2"));
        Path notify = RealTools.write(dir, "notify.sh", RealConfigCheckTest.file(files, HostFiles.NOTIFY_SCRIPT).content());
        String script = """
                mount -t tmpfs halab-test /var/log || exit 90
                /bin/bash "$1" INSTANCE VI_1 BACKUP 240 || exit 91
                /bin/bash "$1" INSTANCE VI_1 MASTER 240 || exit 92
                cat /var/log/halab/vrrp-state.log
                """;

        RealTools.Result result;
        try (RealTools.NetNs ns = new RealTools.NetNs(List.of())) {
            result = ns.runPrivate(script, notify.toString());
        }

        assertThat(result.exitCode()).as(result.output()).isZero();
        List<String> lines = result.output().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("\\d{13} nginx2 VI_1 BACKUP 240");
        assertThat(lines.get(1)).matches("\\d{13} nginx2 VI_1 MASTER 240");
        long first = Long.parseLong(lines.get(0).split(" ")[0]);
        assertThat(first).as("epoch milliseconds").isBetween(System.currentTimeMillis() - 600_000, System.currentTimeMillis() + 1);
    }
}
