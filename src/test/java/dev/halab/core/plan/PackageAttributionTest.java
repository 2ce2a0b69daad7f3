package dev.halab.core.plan;

import dev.halab.core.facts.FactsProbe;
import dev.halab.core.facts.HostFacts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PackageAttributionTest {
    /** apt-get's answer to "install nginx keepalived" on a lab host (from transcripts/first-install.jsonl, shortened). */
    private static final String APT_OUTPUT = """
            Reading package lists...
            Building dependency tree...
            The following additional packages will be installed:
              libnl-3-200 nginx-common perl-base
            Recommended packages:
              ipvsadm
            The following NEW packages will be installed:
              keepalived libnl-3-200
              nginx nginx-common:amd64
            The following packages will be upgraded:
              perl-base
            1 upgraded, 4 newly installed, 0 to remove and 0 not upgraded.
            Setting up libc-bin (2.36-9+deb12u14) ...
            """;

    private static HostFacts facts(String... pkgLines) {
        StringBuilder out = new StringBuilder("uid\t0\n");
        for (String line : pkgLines) {
            out.append("pkg\t").append(line.replace(' ', '\t')).append('\n');
        }
        return FactsProbe.parse(out + "end\tok\n");
    }

    @Test
    void aPackageWhosePendingTriggersAptProcessedIsNotHaLabs() {
        // dpkg said "triggers-pending" before the run (not "installed"); apt processed the trigger.
        HostFacts before = facts("triggers-pending libc-bin 2.36", "triggers-awaited dbus 1.14", "installed perl-base 5.36-u3");
        HostFacts after = facts("installed libc-bin 2.36", "installed dbus 1.14", "installed perl-base 5.36-u4",
                "installed keepalived 2.2", "installed libnl-3-200 3.7", "installed nginx 1.22", "installed nginx-common 1.22");

        assertThat(PackageAttribution.added(before, after, List.of("nginx", "keepalived"), List.of(APT_OUTPUT)))
                .containsExactly("keepalived", "libnl-3-200", "nginx", "nginx-common");
    }

    @Test
    void aPackageSomeoneElseInstalledDuringTheRunIsNotHaLabs() {
        HostFacts before = facts("installed base-files 12");
        HostFacts after = facts("installed base-files 12", "installed nginx 1.22", "installed htop 3.2");

        assertThat(PackageAttribution.added(before, after, List.of("nginx"), List.of(APT_OUTPUT))).containsExactly("nginx");
    }

    @Test
    void withoutAptsListOnlyTheRequestedPackagesCount() {
        HostFacts before = facts("installed base-files 12");
        HostFacts after = facts("installed nginx 1.22", "installed nginx-common 1.22");

        assertThat(PackageAttribution.added(before, after, List.of("nginx"), List.of("E: Could not get lock\n")))
                .containsExactly("nginx");
    }

    @Test
    void readsAptsNewListAcrossLinesAndDropsTheArchitecture() {
        assertThat(PackageAttribution.newPackages(APT_OUTPUT))
                .containsExactly("keepalived", "libnl-3-200", "nginx", "nginx-common");
        assertThat(PackageAttribution.newPackages("")).isEmpty();
    }
}
