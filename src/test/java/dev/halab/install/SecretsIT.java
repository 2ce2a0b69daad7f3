package dev.halab.install;

import dev.halab.gui.GuiSecretsRun;
import dev.halab.lab.ExecResult;
import dev.halab.lab.LabExtension;
import dev.halab.lab.LabHost;
import dev.halab.lab.LabProgress;
import dev.halab.lab.LocalLab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's secrets check, end to end: a student logs in with a password as a sudo user (the
 * VMware case), installs, verifies and writes a report through the real CLI, then does the same
 * through the desktop app ({@link GuiSecretsRun}: the wizard with password login and sudo, a re-install
 * that changes nothing, the dashboard); afterwards neither the login password nor the VRRP key may
 * appear in any log, trust store, session record, report, anything either printed or on the hosts'
 * disks — except the VRRP key in the one file keepalived must read it from.
 */
@Tag("lab")
@ExtendWith(LabExtension.class)
class SecretsIT {
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalLab lab;

    @AfterEach
    void freshHostsForTheNextTest() {
        if (lab != null) {
            lab.reset(LabProgress.SILENT);
        }
    }

    @Test
    void neitherTheLoginPasswordNorTheVrrpKeyIsWrittenAnywhereElse(LocalLab lab, @TempDir Path tmp) throws Exception {
        this.lab = lab;
        lab.reset(LabProgress.SILENT);
        String login = random(20);
        String vrrpKey = random(8); // keepalived uses at most 8 characters of a PASS key
        for (LabHost host : lab.hosts()) {
            // The password goes through the lab's root SSH channel once, as a student would type it into chpasswd.
            ExecResult made = lab.exec(host.name(), "id student >/dev/null 2>&1 || useradd -m -s /bin/bash -G sudo student; "
                    + "echo 'student:" + login + "' | chpasswd");
            assertThat(made.succeeded()).as(made.output()).isTrue();
        }
        Path profile = tmp.resolve("profile.json");
        String json = Files.readString(Path.of("vm-profiles/local-lab.json"));
        assertThat(json).contains("\"password\": \"123456\"");
        Files.writeString(profile, json.replace("\"password\": \"123456\"", "\"password\": \"" + vrrpKey + "\""));
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path reportDir = tmp.resolve("report");

        List<String> login4cli = List.of("-u", "student", "--password-stdin", "--trust-new-host-keys");
        CliRun install = cli(home, login, concat(List.of("install", "--profile", profile.toString(), "--yes"), login4cli));
        assertThat(install.exit()).as(install.output()).isZero();
        CliRun verify = cli(home, login, concat(List.of("verify", "--profile", profile.toString()), login4cli));
        assertThat(verify.exit()).as(verify.output()).isZero();
        CliRun report = cli(home, null, List.of("report", "--profile", profile.toString(), "--student", "Secrets Check", "--no-pdf", "--out", reportDir.toString()));
        assertThat(report.exit()).as(report.output()).isZero();
        assertThat(Files.list(reportDir)).as("the report was written").isNotEmpty();
        // The GUI on the installed lab, with the same home: its logs, trust store and session record land there too.
        CliRun gui = gui(home, login, profile);
        assertThat(gui.exit()).as(gui.output()).isZero();
        assertThat(gui.output()).contains("[gui] dashboard: connected").contains("[gui log] ");

        // The controller side: everything the runs wrote (logs, trust store, session record, report) and printed.
        assertThat(filesContaining(tmp, login)).as("files on the controller holding the login password").isEmpty();
        assertThat(filesContaining(tmp, vrrpKey)).as("files on the controller holding the VRRP key")
                .allSatisfy(path -> assertThat(path).doesNotStartWith(home.toString()).doesNotStartWith(reportDir.toString()))
                .containsExactly(profile.toString());
        assertThat(install.output() + verify.output() + report.output() + gui.output()).doesNotContain(login).doesNotContain(vrrpKey);

        // The hosts: every file the hosts wrote (their overlay's upper layer: logs, journal, configs, backups).
        for (LabHost host : lab.hosts()) {
            Path upper = lab.config().stateDir().resolve("hosts").resolve(host.name()).resolve("upper");
            assertThat(Files.isDirectory(upper)).as(upper.toString()).isTrue();
            assertThat(filesContaining(upper, login)).as("files on %s holding the login password", host.name()).isEmpty();
            List<String> withKey = filesContaining(upper, vrrpKey).stream().map(p -> p.substring(upper.toString().length())).toList();
            if (host.name().startsWith("nginx")) {
                assertThat(withKey).as("files on %s holding the VRRP key", host.name()).containsExactly("/etc/keepalived/keepalived.conf");
            } else {
                assertThat(withKey).as("files on %s holding the VRRP key", host.name()).isEmpty();
            }
        }
    }

    private record CliRun(int exit, String output) {
    }

    /** The real CLI in a JVM of its own, with its own home (trust store, logs, session record) under {@code home}. */
    private static CliRun cli(Path home, String passwordLine, List<String> args) throws IOException, InterruptedException {
        return run(home, passwordLine, List.of("-Dhalab.lang=en", "dev.halab.Launcher"), args);
    }

    /** The desktop app driven through the wizard on headless Monocle ({@link GuiSecretsRun}), in a JVM of its own like the CLI. */
    private static CliRun gui(Path home, String password, Path profile) throws IOException, InterruptedException {
        List<String> jvm = new ArrayList<>();
        for (String name : List.of("testfx.robot", "testfx.headless", "prism.order", "glass.platform", "monocle.platform",
                "headless.geometry", "java.awt.headless", "halab.projectDir")) {
            if (System.getProperty(name) != null) {
                jvm.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        jvm.add(GuiSecretsRun.class.getName());
        return run(home, password, jvm, List.of(profile.toString()));
    }

    private static CliRun run(Path home, String passwordLine, List<String> jvm, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.home=" + home));
        command.addAll(jvm);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("HOME", home.toString());
        env.remove("XDG_CONFIG_HOME");
        env.remove("XDG_STATE_HOME");
        env.remove("XDG_DATA_HOME");
        long started = System.nanoTime();
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            if (passwordLine != null) {
                in.write((passwordLine + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println("[secrets-it] " + jvm.get(jvm.size() - 1) + " " + String.join(" ", args) + " ("
                + (System.nanoTime() - started) / 1_000_000_000 + " s)\n" + text);
        return new CliRun(process.exitValue(), text);
    }

    /** Regular files under {@code root} (symlinks not followed) whose bytes contain {@code secret}. */
    static List<String> filesContaining(Path root, String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        TreeSet<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                if (contains(bytes, needle)) {
                    found.add(file.toString());
                }
                if (file.getFileName().toString().endsWith(".zip")) {
                    // compressed entries hide their text from a byte search: look inside
                    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                            if (contains(zip.readAllBytes(), needle)) {
                                found.add(file + "!/" + entry.getName());
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
