package dev.halab.core.template;

import dev.halab.core.topology.Host;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered front-end files pass the real {@code nginx -t} and {@code keepalived -t}: exit 0
 * and no warning. keepalived checks more than syntax (the interface must exist, the scripts must
 * be present, root-owned and not writable by others), so it runs in a network namespace that has
 * the configured interface and a private mount namespace with the files at their real paths.
 */
class RealConfigCheckTest {

    @BeforeAll
    static void needsRootAndTools() {
        RealTools.requireRoot();
        RealTools.requireTool("/usr/sbin/nginx");
        RealTools.requireTool("/usr/sbin/keepalived");
        assertThat(Path.of("/etc/keepalived")).as("/etc/keepalived is missing: reinstall the keepalived package")
                .isDirectory();
    }

    static Stream<Arguments> frontEnds() {
        List<Arguments> cases = new ArrayList<>();
        TestProfiles.all().forEach((profile, topology) -> {
            for (Host host : topology.frontEnds()) {
                cases.add(Arguments.of(profile, host.name(), topology.interfaceOf(host),
                        HostFiles.forHost(topology, host)));
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("frontEnds")
    void nginxAcceptsTheSite(String profile, String host, String iface, List<GeneratedFile> files,
                             @TempDir Path dir) throws Exception {
        GeneratedFile site = file(files, dev.halab.core.facts.Distros.REFERENCE.nginxSite());
        Path sitePath = RealTools.write(dir, "halab-tomcat.conf", site.content());
        // A whole nginx.conf of the test's own: its pid, logs and temp folders stay in the temp dir.
        String conf = String.join("\n",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + ";",
                "events { }",
                "http {",
                "    access_log " + dir.resolve("access.log") + ";",
                "    client_body_temp_path " + dir.resolve("body") + ";",
                "    proxy_temp_path " + dir.resolve("proxy") + ";",
                "    fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
                "    uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
                "    scgi_temp_path " + dir.resolve("scgi") + ";",
                "    include " + sitePath + ";",
                "}", "");
        Path confPath = RealTools.write(dir, "nginx.conf", conf);

        RealTools.Result result = RealTools.run(List.of("/usr/sbin/nginx", "-t", "-c", confPath.toString()));

        assertThat(result.exitCode()).as("nginx -t on %s/%s:\n%s", profile, host, result.output()).isZero();
        assertThat(result.output()).contains("test is successful")
                .doesNotContain("[warn]").doesNotContain("[emerg]").doesNotContain("[alert]");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("frontEnds")
    void keepalivedAcceptsTheConfigAndScripts(String profile, String host, String iface, List<GeneratedFile> files,
                                              @TempDir Path dir) throws Exception {
        List<String> keepalivedFiles = new ArrayList<>();
        for (GeneratedFile file : files) {
            if (file.path().startsWith("/etc/keepalived/")) {
                Path local = RealTools.write(dir, file.path().substring("/etc/keepalived/".length()), file.content());
                keepalivedFiles.add(local + "=" + file.path() + "=" + file.modeOctal());
            }
        }
        assertThat(keepalivedFiles).hasSize(3);
        // tmpfs mode 0755: keepalived's script security refuses scripts in a folder others may write to.
        String script = """
                mount -t tmpfs -o mode=0755 halab-test /etc/keepalived || exit 90
                for spec in "$@"; do
                    local_file=${spec%%=*}; rest=${spec#*=}; target=${rest%%=*}; mode=${rest#*=}
                    cp "$local_file" "$target" && chmod "$mode" "$target" || exit 91
                done
                exec /usr/sbin/keepalived -t -f /etc/keepalived/keepalived.conf
                """;

        RealTools.Result result;
        try (RealTools.NetNs ns = new RealTools.NetNs(List.of(iface))) {
            result = ns.runPrivate(script, keepalivedFiles.toArray(String[]::new));
        }

        assertThat(result.exitCode()).as("keepalived -t on %s/%s (exit 4 = config error, 5 = script problem):\n%s",
                profile, host, result.output()).isZero();
        assertThat(result.output()).as("keepalived -t printed warnings").isBlank();
        assertThat(Files.list(Path.of("/etc/keepalived")).map(p -> p.getFileName().toString()))
                .as("the test must not leave files in the real /etc/keepalived").doesNotContain("check_nginx.sh", "notify.sh");
    }

    static GeneratedFile file(List<GeneratedFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + path + " among " + files));
    }
}
