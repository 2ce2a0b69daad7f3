package dev.halab.core.facts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FactsProbeTest {
    static final String DEBIAN_FRONT_END = String.join("\n",
            "uid\t0",
            "os\tdebian\t12\t\tDebian GNU/Linux 12 (bookworm)",
            "apt\tyes",
            "aptlists\tyes",
            "init\tsystemd",
            "pkg\tinstalled\tnginx\t1.22.1-9",
            "pkg\tinstalled\tkeepalived\t1:2.2.7-1+b2",
            "pkg\tconfig-files\ttomcat10\t10.1.6-1",
            "file\t0f343b0931126a20f133d67c2b018a3b5b8f1b1f4d0d6b4b3e2a5f1e2d3c4b5a\t/etc/nginx/sites-enabled/halab-tomcat.conf",
            "file\tabsent\t/etc/keepalived/keepalived.conf",
            "file\tother\t/etc/nginx/sites-enabled/default",
            "service\tnginx\tactive\tenabled",
            "service\tkeepalived\tinactive\tdisabled",
            "service\ttomcat10\tunknown\tunknown",
            "link\tlo",
            "link\teth0",
            "addr\tlo\t127.0.0.1/8",
            "addr\teth0\t192.168.224.101/24",
            "addr\teth0\t192.168.224.150/32",
            "disk\t1048576",
            "aptbusy\t1234 1240 ",
            "nonlocalbind\t0",
            "firewall\tufw\tclosed",
            "user\troot",
            "user\ttomcat",
            "group\troot",
            "end\tok", "");

    @Test
    void parsesEveryKindOfFact() {
        HostFacts facts = FactsProbe.parse(DEBIAN_FRONT_END);
        assertThat(facts.uid()).isZero();
        assertThat(facts.debianFamily()).isTrue();
        assertThat(facts.osPrettyName()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(facts.initSystem()).isEqualTo(InitSystem.SYSTEMD);
        assertThat(facts.installed("nginx")).isTrue();
        assertThat(facts.version("keepalived")).contains("1:2.2.7-1+b2");
        assertThat(facts.installed("tomcat10")).as("removed but not purged is not installed").isFalse();
        assertThat(facts.checksum("/etc/nginx/sites-enabled/halab-tomcat.conf")).startsWith("0f343b09");
        assertThat(facts.exists("/etc/keepalived/keepalived.conf")).isFalse();
        assertThat(facts.exists("/etc/nginx/sites-enabled/default")).as("a symlink counts as present").isTrue();
        assertThat(facts.exists("/never/probed")).isFalse();
        assertThat(facts.service("nginx")).isEqualTo(new ServiceState("nginx", true, true));
        assertThat(facts.service("keepalived").active()).isFalse();
        assertThat(facts.hasInterface("eth0")).isTrue();
        assertThat(facts.interfaceHolding("192.168.224.101")).contains("eth0");
        assertThat(facts.holds("192.168.224.150")).isTrue();
        assertThat(facts.diskFreeKb()).isEqualTo(1048576);
        assertThat(facts.aptBusy()).containsExactly("1234", "1240");
        assertThat(facts.firewall()).isEqualTo(new Firewall(Firewall.Kind.UFW, false));
        assertThat(facts.users()).containsExactly("root", "tomcat");
        assertThat(facts.manifest()).isEmpty();
    }

    @Test
    void otherFamiliesAreRecognisedAsSuch() {
        HostFacts centos = FactsProbe.parse("uid\t0\nos\tcentos\t7\trhel fedora\tCentOS Linux 7\napt\tno\ninit\tsystemd\nend\tok\n");
        assertThat(centos.debianFamily()).isFalse();
        HostFacts mint = FactsProbe.parse("os\tlinuxmint\t21\tubuntu debian\tLinux Mint 21\nend\tok\n");
        assertThat(mint.debianFamily()).isTrue();
    }

    @Test
    void candidatesPythonAndWhatACloneSharesAreParsed() {
        HostFacts facts = FactsProbe.parse("os\tdebian\t11\t\tDebian GNU/Linux 11 (bullseye)\ncandidate\ttomcat9\t9.0.43-2\n"
                + "candidate\ttomcat10\t(none)\npython3\tyes\nmachineid\t3d12\nmac\teth0\t00:0c:29:aa:bb:cc\n"
                + "hostkey\tk1\nhostkey\tk2\nend\tok\n");
        assertThat(facts.candidate("tomcat9")).contains("9.0.43-2");
        assertThat(facts.candidate("tomcat10")).contains(HostFacts.NO_CANDIDATE);
        assertThat(facts.candidate("nginx")).isEmpty();
        assertThat(facts.python3()).isTrue();
        assertThat(facts.identity()).isEqualTo(new Identity("3d12", Map.of("eth0", "00:0c:29:aa:bb:cc"), List.of("k1", "k2")));
        assertThat(Distros.of(facts)).contains(Distros.DEBIAN_11);
    }

    @Test
    void theProbeAsksForEveryKnownReleasesServicesAndPackages() {
        String script = FactsProbe.command(List.of()).parts().get(2).toString();
        assertThat(script).startsWith("HALAB_SERVICES='nginx tomcat9 keepalived tomcat10'\n"
                + "HALAB_PACKAGES='nginx keepalived curl procps tomcat9 tomcat10'\n");
    }

    @Test
    void theManifestTravelsAsBase64JsonAndRoundTrips() {
        Manifest manifest = Manifest.empty()
                .withFile(new Manifest.FileRecord("/etc/nginx/sites-enabled/default", true, "/var/backups/halab/x/default", true))
                .withPackages(List.of("nginx", "nginx-common"), List.of(), List.of("ssl-cert"));
        String encoded = Base64.getEncoder().encodeToString(FactsProbe.manifestJson(manifest).getBytes(StandardCharsets.UTF_8));
        HostFacts facts = FactsProbe.parse("manifest\t" + encoded + "\nend\tok\n");
        assertThat(facts.manifest()).contains(manifest);
    }

    @Test
    void modeAndOwnerOfAProbedFileAreRead() {
        HostFacts facts = FactsProbe.parse("file\tabc\t/etc/a\nfilemeta\t644\troot:root\t/etc/a\nend\tok\n");
        assertThat(facts.modeAndOwner("/etc/a")).contains("644 root:root");
        assertThat(facts.modeAndOwner("/etc/b")).isEmpty();
    }

    @Test
    void aManifestThatCannotBeDecodedIsDamagedNotAbsent() {
        HostFacts facts = FactsProbe.parse("manifest\t%%%not-base64\nend\tok\n");
        assertThat(facts.manifest()).hasValueSatisfying(m -> assertThat(m.damage()).isEqualTo(Manifest.DAMAGE_UNREADABLE));
    }

    @Test
    void theFirstRecordOfAFileIsKeptBecauseItHoldsTheOriginal() {
        Manifest first = Manifest.empty().withFile(new Manifest.FileRecord("/etc/a", true, "/var/backups/halab/1/etc/a", false));
        Manifest again = first.withFile(new Manifest.FileRecord("/etc/a", true, "/var/backups/halab/2/etc/a", false));
        assertThat(again.file("/etc/a").orElseThrow().backup()).isEqualTo("/var/backups/halab/1/etc/a");
    }

    @Test
    void theProbeCommandRunsAsRootAndNamesTheFiles() {
        var command = FactsProbe.command(List.of("/etc/keepalived/keepalived.conf"));
        assertThat(command.privileged()).isTrue();
        assertThat(command.parts()).startsWith("sh", "-c").endsWith("halab-facts", "/etc/keepalived/keepalived.conf");
    }

    /** The probe script itself, run with the real shell on this machine: read-only, ends with its marker. */
    @Test
    void theRealProbeScriptRunsAndParses() throws Exception {
        var command = FactsProbe.command(List.of("/etc/hostname", "/no/such/file"));
        Process process = new ProcessBuilder(command.parts().stream().map(Object::toString).toList()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        HostFacts facts = FactsProbe.parse(out);
        assertThat(out).contains("end\tok");
        assertThat(facts.exists("/etc/hostname")).isTrue();
        assertThat(facts.exists("/no/such/file")).isFalse();
        assertThat(facts.interfaces()).contains("lo");
        assertThat(facts.diskFreeKb()).isPositive();
    }
}
