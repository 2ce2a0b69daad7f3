package dev.halab.core.plan;

import dev.halab.core.event.RunEvent;
import dev.halab.core.facts.FactsProbe;
import dev.halab.core.facts.Manifest;
import dev.halab.core.facts.PackageManager;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.topology.Topology;
import dev.halab.fakehost.Exchange;
import dev.halab.fakehost.ScriptedHosts;
import dev.halab.fakehost.Transcript;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs that meet what an earlier, unlucky run left behind, replayed from the recorded transcripts
 * with one thing changed on nginx1: its manifest damaged or gone, a handler left pending, an
 * undo recorded, dpkg interrupted. Every command sent must be the one expected, and no other.
 */
class EngineRecoveryTest {
    private static final String NGINX1 = "nginx1";
    private static final String TOMCAT1 = "tomcat1";
    private static Topology lab;

    @BeforeAll
    static void load() throws Exception {
        lab = ProfileLoader.load("local-lab");
    }

    /** The manifest nginx1's first probe reports in a transcript. */
    private static Manifest manifestOf(Transcript transcript) {
        return manifestOf(transcript, NGINX1);
    }

    private static Manifest manifestOf(Transcript transcript, String host) {
        String line = probeLine(transcript.exchanges(host).get(0), "manifest\t");
        return Manifest.read(Base64.getDecoder().decode(line.substring("manifest\t".length()).trim()));
    }

    /** The values of the lines starting with {@code kind} TAB (user, group) in a host's first probe. */
    private static List<String> probed(Transcript transcript, String host, String kind) {
        return transcript.exchanges(host).get(0).stdout().lines().filter(l -> l.startsWith(kind + "\t"))
                .map(l -> l.substring(kind.length() + 1)).toList();
    }

    private static String probeLine(Exchange probe, String prefix) {
        return probe.stdout().lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(
                () -> new AssertionError("the recorded probe has no " + prefix.trim() + " line"));
    }

    /** The transcript with nginx1's exchanges changed; the other hosts answer as recorded. */
    private static Transcript withNginx1(Transcript transcript, UnaryOperator<List<Exchange>> change) {
        return withHost(transcript, NGINX1, change);
    }

    private static Transcript withHost(Transcript transcript, String host, UnaryOperator<List<Exchange>> change) {
        Map<String, List<Exchange>> hosts = new LinkedHashMap<>(transcript.byHost());
        hosts.put(host, change.apply(new ArrayList<>(transcript.exchanges(host))));
        return new Transcript(hosts);
    }

    /** nginx1's first probe answering with another manifest file content (null: none). */
    private static Exchange probeWithManifest(Exchange probe, byte[] manifest) {
        StringBuilder out = new StringBuilder();
        for (String line : probe.stdout().split("\n", -1)) {
            if (line.startsWith("manifest\t")) {
                continue;
            }
            if (line.startsWith("end\t") && manifest != null) {
                out.append("manifest\t").append(Base64.getEncoder().encodeToString(manifest)).append('\n');
            }
            if (line.startsWith("file\t") && line.endsWith("\t" + Manifest.BACKUP_ROOT) && manifest == null) {
                out.append("file\tother\t").append(Manifest.BACKUP_ROOT).append('\n');
                continue;
            }
            out.append(line).append('\n');
        }
        return Exchange.command(probe.host(), probe.command(), probe.exit(), out.toString().replaceAll("\n+$", "\n"), probe.stderr());
    }

    private record Replay(RunSummary summary, EngineTranscriptTest.Events events, List<String> problems) {
    }

    private static Replay install(Transcript transcript) {
        ScriptedHosts hosts = new ScriptedHosts(transcript);
        EngineTranscriptTest.Events events = new EngineTranscriptTest.Events();
        RunSummary summary = new InstallEngine(hosts).install(lab, events);
        return new Replay(summary, events, hosts.problems());
    }

    private static Replay uninstall(Transcript transcript) {
        ScriptedHosts hosts = new ScriptedHosts(transcript);
        EngineTranscriptTest.Events events = new EngineTranscriptTest.Events();
        RunSummary summary = new InstallEngine(hosts).uninstall(lab, events);
        return new Replay(summary, events, hosts.problems());
    }

    private static List<String> failures(RunSummary summary) {
        return summary.failures().stream().map(f -> f.host() + " " + f.stepId() + ": " + f.why().render(Locale.ENGLISH)).toList();
    }

    @Test
    void aManifestCutShortStopsUninstallThereAndNoBackupIsTouched() {
        Transcript recorded = Transcript.load("uninstall");
        byte[] whole = manifestOf(recorded).toBytes();
        Transcript damaged = withNginx1(recorded, x -> List.of(probeWithManifest(x.get(0), Arrays.copyOf(whole, whole.length / 2))));

        Replay r = uninstall(damaged);
        // nginx1 got its probe and nothing after it: no restore, no purge, no rm of the backups.
        assertThat(r.problems()).isEmpty();
        assertThat(r.summary().success()).isFalse();
        assertThat(failures(r.summary())).singleElement().asString().startsWith("nginx1 uninstall: nginx1: HA Lab's record of what it "
                + "changed there (/var/lib/halab/manifest.json) is damaged: it is not a complete manifest (cut short or not JSON). "
                + "Nothing was changed and no backup was touched.");
        assertThat(r.events().lines(RunEvent.StepChanged.class)).containsExactly("nginx2 uninstall", "tomcat1 uninstall", "tomcat2 uninstall");
    }

    @Test
    void anEditedManifestStopsInstallBeforeAnythingChanges() {
        Transcript recorded = Transcript.load("rerun");
        String edited = new String(manifestOf(recorded).toBytes(), StandardCharsets.UTF_8).replace("\"nginx\"", "\"libc-bin\"");
        // Pre-flight still runs its checks (as recorded); nothing after pre-flight is sent.
        Transcript damaged = withNginx1(recorded, x -> {
            x.set(0, probeWithManifest(x.get(0), edited.getBytes(StandardCharsets.UTF_8)));
            return x;
        });

        Replay r = install(damaged);
        assertThat(r.problems()).isEmpty();
        assertThat(failures(r.summary())).singleElement().asString()
                .contains("is damaged: its checksum does not match its content (edited or partly overwritten)");
    }

    @Test
    void aManifestGoneWhileItsBackupsAreStillThereStopsUninstall() {
        Transcript recorded = Transcript.load("uninstall");
        Transcript missing = withNginx1(recorded, x -> List.of(probeWithManifest(x.get(0), null)));

        Replay r = uninstall(missing);
        assertThat(r.problems()).isEmpty();
        assertThat(failures(r.summary())).singleElement().asString().startsWith("nginx1 uninstall: nginx1: HA Lab's record of what "
                + "it changed there (/var/lib/halab/manifest.json) is missing, but its backups are still there (/var/backups/halab).");
    }

    @Test
    void aHandlerAnInterruptedRunLeftPendingIsRunByTheNextRunAndCleared() {
        Transcript recorded = Transcript.load("rerun");
        Manifest pending = manifestOf(recorded).withPendingHandler("RELOAD_NGINX");
        Manifest cleared = pending.withoutPendingHandler("RELOAD_NGINX");
        Transcript left = withNginx1(recorded, x -> {
            x.set(0, probeWithManifest(x.get(0), pending.toBytes()));
            x.add(Exchange.command(NGINX1, "sudo systemctl reload-or-restart nginx", 0, "", ""));
            x.add(Exchange.upload(NGINX1, ManifestWriter.STAGED, "0600", Transcript.normalise(FactsProbe.manifestJson(cleared))));
            x.add(Exchange.command(NGINX1, "sudo sh -c 'sync \"$1\" && mv -f \"$1\" \"$2\" && sync \"$(dirname \"$2\")\"' halab-manifest "
                    + ManifestWriter.STAGED + " " + Manifest.PATH, 0, "", ""));
            return x;
        });

        Replay r = install(left);
        assertThat(r.problems()).isEmpty();
        assertThat(r.summary().success()).as(failures(r.summary()).toString()).isTrue();
        assertThat(r.events().lines(RunEvent.StepChanged.class)).containsExactly("nginx1 handler.reload_nginx");
    }

    /**
     * What a run cut after apt and before apt's result was recorded leaves on a host whose
     * transcript records {@code recorded}: its packages recorded as pending only (here with one
     * that apt never got to install), none as added, and the users and groups the host had before
     * apt (those it has in the transcript but for the ones the packages created), none as added.
     */
    private static Manifest cutAfterApt(Transcript transcript, String host) {
        Manifest recorded = manifestOf(transcript, host);
        List<String> pending = new ArrayList<>(recorded.packagesAdded());
        pending.add("halab-never-installed");
        List<String> usersBefore = probed(transcript, host, "user").stream().filter(u -> !recorded.usersAdded().contains(u)).toList();
        List<String> groupsBefore = probed(transcript, host, "group").stream().filter(g -> !recorded.groupsAdded().contains(g)).toList();
        return new Manifest(Manifest.VERSION, List.of(), List.of(), List.of(), recorded.files(), recorded.packagesUpgraded(),
                recorded.pendingHandlers(), pending, usersBefore, groupsBefore, recorded.undo(), null, null);
    }

    @Test
    void packagesAnInstallCutAfterAptLeftPendingAreRecordedAsHaLabsByTheNextInstall() {
        Transcript recorded = Transcript.load("rerun");
        Manifest whole = manifestOf(recorded);
        assertThat(whole.packagesAdded()).contains("nginx", "keepalived");
        Manifest cut = cutAfterApt(recorded, NGINX1);
        Manifest settled = cut.withPendingPackagesSettled(p -> whole.packagesAdded().contains(p),
                probed(recorded, NGINX1, "user"), probed(recorded, NGINX1, "group"));
        assertThat(settled).isEqualTo(whole);
        Transcript left = withNginx1(recorded, x -> {
            x.set(0, probeWithManifest(x.get(0), cut.toBytes()));
            // Before any step: the installed ones become HA Lab's, the one never installed is dropped.
            x.add(Exchange.upload(NGINX1, ManifestWriter.STAGED, "0600", Transcript.normalise(FactsProbe.manifestJson(whole))));
            x.add(Exchange.command(NGINX1, "sudo sh -c 'sync \"$1\" && mv -f \"$1\" \"$2\" && sync \"$(dirname \"$2\")\"' halab-manifest "
                    + ManifestWriter.STAGED + " " + Manifest.PATH, 0, "", ""));
            return x;
        });

        Replay r = install(left);
        assertThat(r.problems()).isEmpty();
        assertThat(r.summary().success()).as(failures(r.summary()).toString()).isTrue();
        assertThat(r.summary().changed()).isZero();
        assertThat(r.events().lines(RunEvent.Notice.class)).contains("nginx1: nginx1: packages that an interrupted run installed are "
                + "now recorded as HA Lab's (uninstall removes them): " + String.join(" ", whole.packagesAdded()));
    }

    @Test
    void uninstallPurgesThePackagesAnInstallCutAfterAptLeftPending() {
        Transcript left = uninstallTranscriptCutAfterApt(NGINX1);
        assertThat(indexOf(left.exchanges(NGINX1), " purge -y ")).as("the recorded purge").isPositive();

        // The recorded purge, of the same packages, is the one expected.
        Replay r = uninstall(left);
        assertThat(r.problems()).isEmpty();
        assertThat(r.summary().success()).as(failures(r.summary()).toString()).isTrue();
    }

    /**
     * tomcat10's scripts create the tomcat user and group. A run cut after apt did that, before
     * its result was recorded: the next install records them as HA Lab's with the packages.
     */
    @Test
    void theUsersAndGroupsThePackagesOfAnInstallCutAfterAptCreatedAreRecordedByTheNextInstall() {
        Transcript recorded = Transcript.load("rerun");
        Manifest whole = manifestOf(recorded, TOMCAT1);
        assertThat(whole.usersAdded()).containsExactly("tomcat");
        assertThat(whole.groupsAdded()).containsExactly("tomcat");
        Manifest cut = cutAfterApt(recorded, TOMCAT1);
        assertThat(cut.usersBeforePackages()).isNotEmpty().doesNotContain("tomcat");
        Transcript left = withHost(recorded, TOMCAT1, x -> {
            x.set(0, probeWithManifest(x.get(0), cut.toBytes()));
            // Before any step: the whole record, users and groups included (the upload must be exactly this).
            x.add(Exchange.upload(TOMCAT1, ManifestWriter.STAGED, "0600", Transcript.normalise(FactsProbe.manifestJson(whole))));
            x.add(Exchange.command(TOMCAT1, "sudo sh -c 'sync \"$1\" && mv -f \"$1\" \"$2\" && sync \"$(dirname \"$2\")\"' halab-manifest "
                    + ManifestWriter.STAGED + " " + Manifest.PATH, 0, "", ""));
            return x;
        });

        Replay r = install(left);
        assertThat(r.problems()).isEmpty();
        assertThat(r.summary().success()).as(failures(r.summary()).toString()).isTrue();
        assertThat(r.summary().changed()).isZero();
        assertThat(r.events().lines(RunEvent.Notice.class)).contains(
                "tomcat1: tomcat1: system users that the packages of an interrupted run created are now recorded as HA Lab's "
                        + "(uninstall removes them): tomcat",
                "tomcat1: tomcat1: groups that the packages of an interrupted run created are now recorded as HA Lab's "
                        + "(uninstall removes them): tomcat");
    }

    /** Uninstall straight after such a cut removes the tomcat user and group with the packages. */
    @Test
    void uninstallRemovesTheUsersAndGroupsThePackagesOfAnInstallCutAfterAptCreated() {
        Transcript left = uninstallTranscriptCutAfterApt(TOMCAT1);
        assertThat(indexOf(left.exchanges(TOMCAT1), "userdel tomcat")).as("the recorded userdel").isGreaterThan(
                indexOf(left.exchanges(TOMCAT1), " purge -y "));
        assertThat(indexOf(left.exchanges(TOMCAT1), "halab-groupdel tomcat")).as("the recorded groupdel").isPositive();

        // The recorded purge, userdel and groupdel are the ones expected: each must be sent.
        Replay r = uninstall(left);
        assertThat(r.problems()).isEmpty();
        assertThat(r.summary().success()).as(failures(r.summary()).toString()).isTrue();
    }

    /** The recorded uninstall, its host's manifest left by an install cut after apt (pending packages). */
    private static Transcript uninstallTranscriptCutAfterApt(String host) {
        Transcript recorded = Transcript.load("uninstall");
        return withHost(recorded, host, x -> {
            x.set(0, probeWithManifest(x.get(0), cutAfterApt(recorded, host).toBytes()));
            return x;
        });
    }

    @Test
    void uninstallUndoesTheFirewallRuleAndSysctlSettingItRecorded() {
        Transcript recorded = Transcript.load("uninstall");
        List<String> sysctl = List.of("sh", "-c", "rm -f \"$1\" && sysctl -q -w net.ipv4.ip_nonlocal_bind=\"$2\"", "halab-undo",
                "/etc/sysctl.d/60-halab-nonlocal-bind.conf", "0");
        List<String> ufw = List.of("ufw", "delete", "allow", "proto", "vrrp", "from", "192.168.224.102", "to", "any");
        Manifest withUndo = manifestOf(recorded).withUndo(sysctl).withUndo(ufw);
        Transcript undo = withNginx1(recorded, x -> {
            List<Exchange> all = new ArrayList<>(x);
            all.set(0, probeWithManifest(x.get(0), withUndo.toBytes()));
            int purge = indexOf(all, " purge ");
            // Newest first, after the files are back and before the packages go.
            all.add(purge, Exchange.command(NGINX1, "sudo sh -c 'rm -f \"$1\" && sysctl -q -w net.ipv4.ip_nonlocal_bind=\"$2\"' "
                    + "halab-undo /etc/sysctl.d/60-halab-nonlocal-bind.conf 0", 0, "", ""));
            all.add(purge, Exchange.command(NGINX1, "sudo ufw delete allow proto vrrp from 192.168.224.102 to any", 0, "Rule deleted\n", ""));
            return all;
        });

        Replay r = uninstall(undo);
        assertThat(r.problems()).isEmpty();
        assertThat(r.summary().success()).as(failures(r.summary()).toString()).isTrue();
    }

    @Test
    void anInterruptedDpkgIsRepairedWithAMessageBeforeInstalling() {
        Transcript recorded = Transcript.load("first-install");
        Transcript interrupted = withNginx1(recorded, x -> {
            List<Exchange> all = new ArrayList<>(x);
            int repair = indexOf(all, "dpkg --configure -a");
            Exchange e = all.get(repair);
            all.set(repair, Exchange.command(NGINX1, e.command(), 0, PackageManager.INTERRUPTED + "\nSetting up nginx-common ...\n", ""));
            return all;
        });

        Replay r = install(interrupted);
        assertThat(r.problems()).isEmpty();
        assertThat(r.summary().success()).as(failures(r.summary()).toString()).isTrue();
        assertThat(r.events().lines(RunEvent.Notice.class)).contains("nginx1: nginx1: an earlier package installation there was "
                + "interrupted; HA Lab finished it (dpkg --configure -a) before installing.");
    }

    /**
     * A run cut after recording a file's backup and before moving the file aside: the next run
     * moves it to the backup the manifest names (not to a folder of its own, which the manifest
     * would never point to), unless the original is already there.
     */
    @Test
    void aFileRecordedButNotYetMovedAsideGoesToTheRecordedBackup() {
        Transcript recorded = Transcript.load("rerun");
        String site = "/etc/nginx/sites-enabled/default";
        String backup = manifestOf(recorded).file(site).orElseThrow().backup();
        Transcript cut = withNginx1(recorded, x -> {
            Exchange probe = x.get(0);
            String stillThere = probe.stdout().replace("file\tabsent\t" + site + "\n",
                    "file\tce0901350a021608139b5639cf4ccd7717bef8c3a9e4f79031eb46386b67b03f\t" + site + "\nfilemeta\t777\troot:root\t" + site + "\n");
            assertThat(stillThere).isNotEqualTo(probe.stdout());
            x.set(0, Exchange.command(NGINX1, probe.command(), probe.exit(), stillThere, probe.stderr()));
            x.add(Exchange.command(NGINX1, "sudo sh -c 'if [ -e \"$1\" ] || [ -L \"$1\" ]; then if [ -e \"$2\" ] || [ -L \"$2\" ]; then b=\"$3\"; "
                    + "else b=\"$2\"; fi; mkdir -p \"$(dirname \"$b\")\" && mv -f \"$1\" \"$b\"; fi' halab-move-aside " + site + " "
                    + Transcript.normalise(backup) + " /var/backups/halab/RUN" + site, 0, "", ""));
            x.add(probe); // facts are probed again after a change, before the next phase
            return x;
        });

        Replay r = install(cut);
        assertThat(r.problems()).isEmpty();
        assertThat(r.summary().success()).as(failures(r.summary()).toString()).isTrue();
        assertThat(r.events().lines(RunEvent.StepChanged.class)).containsExactly("nginx1 nginx.defaultSite");
    }

    private static int indexOf(List<Exchange> exchanges, String commandPart) {
        for (int i = 0; i < exchanges.size(); i++) {
            if (exchanges.get(i).command() != null && exchanges.get(i).command().contains(commandPart)) {
                return i;
            }
        }
        throw new AssertionError("no recorded command contains " + commandPart);
    }
}
