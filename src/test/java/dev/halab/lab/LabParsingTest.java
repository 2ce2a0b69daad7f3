package dev.halab.lab;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsers of system-tool output and files the lab reads. */
class LabParsingTest {

    @Test
    void startTimeIsField22EvenWhenTheCommandNameHoldsSpacesAndParentheses() {
        String stat = "4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 "
                + "1000 100 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        assertThat(RecordedProcess.parseStartTime(stat)).isEqualTo(987654L);
        assertThat(RecordedProcess.isZombie(stat)).isFalse();
        assertThat(RecordedProcess.isZombie(stat.replace(") S 1", ") Z 1"))).isTrue();
    }

    @Test
    void ourOwnProcessIsAliveAndAWrongStartTimeIsNot() {
        long self = ProcessHandle.current().pid();
        long start = RecordedProcess.readStartTime(self).orElseThrow();
        assertThat(new RecordedProcess(self, start).isAlive()).isTrue();
        assertThat(new RecordedProcess(self, start + 1).isAlive()).isFalse();
    }

    @Test
    void simulatedInstallLinesBecomePinnedPackages() {
        String output = """
                NOTE: This is only a simulation!
                Inst libpcre3 (2:8.39-15 Debian:12.10/stable [amd64])
                Inst nginx-common (1.22.1-9+deb12u2 Debian-Security:12/stable-security [all])
                Inst tzdata [2024a-0+deb12u1] (2025b-0+deb12u1 Debian:12.11/stable [all])
                Conf libpcre3 (2:8.39-15 Debian:12.10/stable [amd64])
                """;
        assertThat(AptRepository.parseSimulatedInstall(output))
                .containsExactly("libpcre3=2:8.39-15", "nginx-common=1.22.1-9+deb12u2", "tzdata=2025b-0+deb12u1");
    }

    @Test
    void packageListIgnoresCommentsAndRejectsNonNames() {
        assertThat(AptRepository.parsePackageList("# header\nnginx\n  tomcat10  # web\n\npython3-apt\n", "bookworm"))
                .containsExactly("nginx", "tomcat10", "python3-apt");
        assertThatThrownBy(() -> AptRepository.parsePackageList("nginx; rm -rf /\n", "bookworm"))
                .isInstanceOf(LabException.class);
    }

    @Test
    void aPackageMarkedForSomeReleasesIsOnlyInTheirLists() {
        String list = "nginx\ntomcat9 [bullseye]\ntomcat10 [bookworm trixie]\n";
        assertThat(AptRepository.parsePackageList(list, "bullseye")).containsExactly("nginx", "tomcat9");
        assertThat(AptRepository.parsePackageList(list, "trixie")).containsExactly("nginx", "tomcat10");
    }

    @Test
    void theShippedPackageListHasTheLabsPackages() {
        assertThat(AptRepository.packageListFromClasspath("bookworm")).contains("nginx", "tomcat10", "keepalived", "psmisc")
                .doesNotContain("tomcat9");
        assertThat(AptRepository.packageListFromClasspath("bullseye")).contains("nginx", "tomcat9", "keepalived")
                .doesNotContain("tomcat10");
    }

    @Test
    void mirrorIsFoundInDeb822AndOneLineSources() {
        String deb822 = """
                Types: deb
                URIs: http://mirror.example.org/debian
                Suites: bookworm bookworm-updates
                Components: main

                Types: deb
                URIs: http://security.example.org/debian-security
                Suites: bookworm-security
                """;
        assertThat(AptSources.mirrorFor("bookworm", deb822)).contains("http://mirror.example.org/debian");
        String oneLine = "deb https://vendor.example.org/apt cloud-sdk-bookworm main\n"
                + "deb [arch=amd64] http://m.example.org/debian bookworm main\n";
        assertThat(AptSources.mirrorFor("bookworm", oneLine)).contains("http://m.example.org/debian");
        assertThat(AptSources.mirrorFor("trixie", oneLine)).isEmpty();
        assertThat(AptSources.codename("ID=debian\nVERSION_CODENAME=bookworm\n")).contains("bookworm");
    }

    @Test
    void mountPointsAreMatchedExactly() {
        String mountinfo = "48 26 0:38 / /var/lib/halab/lab/hosts/tomcat2/merged rw,relatime - overlay halab-overlay rw\n"
                + "42 41 0:4 net:[4026532177] /run/netns/halab-tomcat1 rw shared:2 - nsfs nsfs rw\n";
        assertThat(HostDisks.isMounted(mountinfo, Path.of("/var/lib/halab/lab/hosts/tomcat2/merged"))).isTrue();
        assertThat(HostDisks.isMounted(mountinfo, Path.of("/var/lib/halab/lab/hosts/tomcat2"))).isFalse();
        assertThat(HostDisks.mountOptions(mountinfo, Path.of("/var/lib/halab/lab/hosts/tomcat2/merged")))
                .contains("rw,relatime");
    }

    @Test
    void hostCgroupsGoInTheHierarchiesSystemdManages() {
        String mountinfo = """
                30 25 0:26 / /sys/fs/cgroup/systemd rw,nosuid - cgroup cgroup rw,xattr,name=systemd
                31 25 0:27 / /sys/fs/cgroup/memory rw,nosuid - cgroup cgroup rw,memory
                32 25 0:28 / /sys/fs/cgroup/unified rw,nosuid - cgroup2 cgroup2 rw
                """;
        assertThat(HostCgroups.hierarchies(mountinfo))
                .containsExactly(Path.of("/sys/fs/cgroup/systemd"), Path.of("/sys/fs/cgroup/unified"));
        java.util.List<String> argv = HostCgroups.enterAndExec(java.util.List.of(Path.of("/sys/fs/cgroup/unified/halab-n1")),
                java.util.List.of("/usr/bin/systemd-nspawn", "-b"));
        assertThat(argv).containsExactly("sh", "-c",
                "echo $$ > /sys/fs/cgroup/unified/halab-n1/cgroup.procs && exec \"$@\"", "halab-host",
                "/usr/bin/systemd-nspawn", "-b");
    }
}
