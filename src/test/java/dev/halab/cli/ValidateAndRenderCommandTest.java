package dev.halab.cli;

import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.template.HostFiles;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateAndRenderCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int halab(String... args) {
        CommandLine cli = HalabCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** The tutorial with the backup above the master and a 9-character password: two errors, one warning. */
    private static Path badProfile(Path dir) throws Exception {
        Topology t = ProfileLoader.load("tutorial");
        VrrpSettings v = t.vrrp();
        Topology bad = t.withVrrp(new VrrpSettings(v.version(), v.advertInterval(), v.preempt(), v.unicast(), 240, 250,
                new dev.halab.core.topology.Authentication("PASS", "123456789"), v.checkScript(), v.instances()))
                .withHosts(t.hosts().stream().map(h -> h.name().equals("tomcat2") ? h.withAddress("192.168.224.1O4") : h).toList());
        Path file = dir.resolve("bad.json");
        ProfileLoader.save(bad, file);
        return file;
    }

    @Test
    void validateOnAGoodProfileSaysSoAndExitsZero() {
        int exit = halab("validate", "--lang", "en", "--profile", "tutorial");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Profile \"tutorial\" has no errors (0 warnings)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void validateListsOneLinePerProblemAndExitsTwoOnErrors(@TempDir Path dir) throws Exception {
        int exit = halab("validate", "--lang", "en", "--profile", badProfile(dir).toString());

        assertThat(exit).isEqualTo(2);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ERROR hosts[3].address: \"192.168.224.1O4\" is not a valid IPv4 address"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ERROR vrrp.masterPriority: The master's priority (240)"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("WARNING vrrp.authentication.password: "));
    }

    @Test
    void validateSpeaksChineseOnRequest(@TempDir Path dir) throws Exception {
        int exit = halab("validate", "--lang", "zh", "--profile", badProfile(dir).toString());
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).contains("错误 vrrp.masterPriority: ").contains("警告 vrrp.authentication.password: ")
                .doesNotContain("ERROR").containsPattern("\\p{IsHan}");
    }

    @Test
    void anUnreadableProfileGivesOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.json");
        Files.writeString(file, Files.readString(Path.of(System.getProperty("halab.projectDir", "."), "vm-profiles/tutorial.json"))
                .replace("\"advertInterval\"", "\"advertInterva\""));

        int exit = halab("validate", "--lang", "en", "--profile", file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .startsWith("ERROR Profile ").contains("unknown field \"advertInterva\"");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownProfileNameGivesOneLineAndExitTwo() {
        assertThat(halab("validate", "--lang", "en", "--profile", "tutorail")).isEqualTo(2);
        assertThat(err.toString().lines().toList()).singleElement().asString().contains("\"tutorail\" was not found");
    }

    @Test
    void renderWritesEveryFileOfEveryHostWithItsMode(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out");

        int exit = halab("render", "--lang", "en", "--profile", "dual-master", "--out", target.toString());

        assertThat(exit).as(err.toString()).isZero();
        Path keepalived = target.resolve("nginx2/etc/keepalived/keepalived.conf");
        assertThat(keepalived).exists();
        assertThat(Files.readString(keepalived)).isEqualTo(HostFiles.forHost(ProfileLoader.load("dual-master"),
                ProfileLoader.load("dual-master").host("nginx2")).get(1).content());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("nginx1/etc/keepalived/check_nginx.sh"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(target.resolve("tomcat1/var/lib/tomcat10/webapps/ROOT/index.jsp")).exists();
        try (Stream<Path> files = Files.walk(target)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(10);
        }
        assertThat(out.toString()).contains("10 files for 4 hosts written under " + target);

        // Idempotent: a second run over the same folder gives the same result.
        assertThat(halab("render", "--lang", "en", "--profile", "dual-master", "--out", target.toString())).isZero();
    }

    @Test
    void renderRefusesAProfileWithErrorsAndWritesNothing(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out");

        int exit = halab("render", "--lang", "en", "--profile", badProfile(dir).toString(), "--out", target.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(target).doesNotExist();
        assertThat(out.toString()).contains("ERROR vrrp.masterPriority");
        assertThat(err.toString()).contains("Nothing was written");
    }

    @Test
    void renderRefusesAFileAsOutputFolder(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertThat(halab("render", "--lang", "en", "--profile", "tutorial", "--out", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("x");
    }
}
