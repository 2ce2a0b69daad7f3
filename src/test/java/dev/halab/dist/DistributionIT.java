package dev.halab.dist;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the download zips {@code mvn package} builds into {@code target/dist}: each holds the
 * launcher of its system, every library, exactly its platform's JavaFX jars, and native code
 * for its operating system and CPU only. The Linux zip is unpacked into an empty folder and its
 * launcher runs {@code validate}, {@code render} and the desktop window (under Xvfb) with the
 * JDK running this test, a fresh home folder and no Maven repository.
 */
@Tag("dist")
class DistributionIT {
    private static final Path DIST = Path.of(System.getProperty("halab.buildDir", "target"), "dist");
    private static final Set<String> JAVAFX_MODULES = Set.of("base", "graphics", "controls", "swing");
    private static final Pattern JAVAFX_JAR = Pattern.compile("lib/javafx-([a-z]+)-[0-9.]+(?:-([a-z0-9-]+))?\\.jar");

    @ParameterizedTest
    @EnumSource(Platform.class)
    void eachZipHoldsItsLauncherLibrariesAndOnlyItsPlatformsJavaFx(Platform platform) throws IOException {
        DistZip zip = DistZip.read(zipOf(platform));
        String root = zip.rootFolder();
        assertThat(zip.names()).contains(root + "halab.jar", root + "README.txt", root + platform.launcher,
                root + "lib/sshj-0.40.0.jar", root + "lib/picocli-4.7.7.jar");
        if (!platform.launcher.endsWith(".cmd")) {
            assertThat(zip.unixMode(root + platform.launcher) & 0111).as("launcher is executable").isEqualTo(0111);
        }
        Set<String> modules = new TreeSet<>();
        for (String name : zip.names()) {
            Matcher jar = JAVAFX_JAR.matcher(name.substring(root.length()));
            if (jar.matches()) {
                assertThat(jar.group(2)).as(name).isEqualTo(platform.classifier);
                modules.add(jar.group(1));
            }
        }
        assertThat(modules).containsExactlyInAnyOrderElementsOf(JAVAFX_MODULES);

        Map<String, NativeBinary> natives = zip.nativeLibraries();
        assertThat(natives).as("JavaFX's native libraries").isNotEmpty();
        natives.forEach((name, binary) -> assertThat(binary).as(name).isEqualTo(platform.binary));
    }

    @Test
    void windowsLauncherHasWindowsLineEndings() throws IOException {
        DistZip zip = DistZip.read(zipOf(Platform.WINDOWS_X64));
        String script = new String(zip.bytes(zip.rootFolder() + Platform.WINDOWS_X64.launcher), StandardCharsets.UTF_8);
        assertThat(script.split("\n")).allSatisfy(line -> assertThat(line).endsWith("\r"));
        assertThat(script).contains("Java 17", "adoptium.net", "需要 Java 17 或更高版本");
    }

    @Test
    void linuxZipRunsTheCommandLineAndOpensTheWindowWithAPlainJdk(@TempDir Path temp) throws Exception {
        Path unpacked = DistZip.read(zipOf(Platform.LINUX_X64)).extractTo(Files.createDirectory(temp.resolve("unpacked")));
        Path launcher = unpacked.resolve(Platform.LINUX_X64.launcher);
        Path work = Files.createDirectory(temp.resolve("work"));
        LauncherRun.Env env = LauncherRun.Env.plainJdk(temp);

        LauncherRun validate = LauncherRun.run(launcher, work, env, "validate", "--profile", "tutorial");
        assertThat(validate.exitCode()).as(validate.output()).isZero();
        assertThat(validate.output()).contains("tutorial");

        LauncherRun render = LauncherRun.run(launcher, work, env, "render", "--profile", "tutorial", "--out", "out");
        assertThat(render.exitCode()).as(render.output()).isZero();
        assertThat(work.resolve("out/nginx1/etc/keepalived/keepalived.conf")).content().contains("192.168.224.150");
        assertThat(work.resolve("out/nginx2/etc/keepalived/check_nginx.sh")).isExecutable();

        LauncherRun window = LauncherRun.runUnderXvfb(launcher, work,
                env.withJavaOptions("-Dhalab.bench.firstFrame=true -Dprism.order=sw -Dglass.platform=gtk"));
        assertThat(window.exitCode()).as(window.output()).isZero();
        assertThat(window.output()).contains("first-frame-ms");
    }

    @Test
    void launchersExplainInEnglishAndChineseWhereToGetJavaWhenItIsMissingOrTooOld(@TempDir Path temp) throws Exception {
        for (Platform platform : List.of(Platform.LINUX_X64, Platform.MACOS_AARCH64)) {
            Path unpacked = DistZip.read(zipOf(platform)).extractTo(Files.createDirectory(temp.resolve(platform.name())));
            Path launcher = unpacked.resolve(platform.launcher);
            List<LauncherRun.Env> withoutJava17 = new ArrayList<>();
            withoutJava17.add(LauncherRun.Env.withoutJava(temp.resolve(platform + "-none")));
            withoutJava17.add(LauncherRun.Env.withJavaVersion(temp.resolve(platform + "-old"), "1.8.0_402"));
            withoutJava17.add(LauncherRun.Env.withJavaVersion(temp.resolve(platform + "-11"), "11.0.22"));
            for (LauncherRun.Env env : withoutJava17) {
                LauncherRun run = LauncherRun.run(launcher, temp, env, "validate", "--profile", "tutorial");
                assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
                assertThat(run.output()).contains("HA Lab needs Java 17 or newer", "https://adoptium.net/",
                        "HA Lab 需要 Java 17 或更高版本");
            }
        }
    }

    private static Path zipOf(Platform platform) throws IOException {
        try (var files = Files.list(DIST)) {
            List<Path> zips = files.filter(p -> p.getFileName().toString().endsWith("-" + platform.id + ".zip")).toList();
            assertThat(zips).as("one %s zip in %s (built by mvn package)", platform.id, DIST).hasSize(1);
            return zips.get(0);
        }
    }

    /** The four downloads: zip suffix, JavaFX classifier, launcher, and the native code they must carry. */
    enum Platform {
        WINDOWS_X64("windows-x64", "win", "HA Lab.cmd", NativeBinary.WINDOWS_X64),
        MACOS_X64("macos-x64", "mac", "HA Lab.command", NativeBinary.MACOS_X64),
        MACOS_AARCH64("macos-aarch64", "mac-aarch64", "HA Lab.command", NativeBinary.MACOS_ARM64),
        LINUX_X64("linux-x64", "linux", "halab.sh", NativeBinary.LINUX_X64);

        final String id;
        final String classifier;
        final String launcher;
        final NativeBinary binary;

        Platform(String id, String classifier, String launcher, NativeBinary binary) {
            this.id = id;
            this.classifier = classifier;
            this.launcher = launcher;
            this.binary = binary;
        }
    }
}
