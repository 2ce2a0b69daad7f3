package dev.halab.core.step;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.facts.Distro;
import dev.halab.core.facts.Distros;
import dev.halab.core.facts.Firewall;
import dev.halab.core.facts.PackageManager;
import dev.halab.core.facts.InitSystem;
import dev.halab.core.facts.Manifest;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.template.GeneratedFile;
import dev.halab.core.template.HostFiles;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps as data: given these facts, expect these actions or "nothing to do" with this reason. */
class StepsTest {
    /** What a dry run shows for an action, in English. */
    private static List<String> shown(Action action) {
        return action.display().stream().map(line -> line.render(Locale.ENGLISH)).toList();
    }

    static final Distro BOOKWORM = Distros.DEBIAN_12;
    static Topology lab;
    static Host nginx1;
    static Host tomcat1;

    @BeforeAll
    static void load() throws Exception {
        lab = ProfileLoader.load("local-lab");
        nginx1 = lab.host("nginx1");
        tomcat1 = lab.host("tomcat1");
    }

    static StepContext context(Host host, TestFacts facts) {
        return new StepContext(lab, host, facts.build(), HostFiles.forHost(lab, host));
    }

    static String reason(StepResult result) {
        assertThat(result).isInstanceOf(StepResult.NothingToDo.class);
        return ((StepResult.NothingToDo) result).reason().render(Locale.ENGLISH);
    }

    static List<Action> actions(StepResult result) {
        assertThat(result).isInstanceOf(StepResult.Changes.class);
        return ((StepResult.Changes) result).actions();
    }

    static GeneratedFile file(Host host, String path) {
        return HostFiles.forHost(lab, host).stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void packagesOnAFreshBackEndWithoutListsUpdateThenInstallTomcat() {
        List<Action> actions = actions(new PackagesStep(BOOKWORM).plan(context(tomcat1, TestFacts.fresh().noAptLists())));
        assertThat(actions).containsExactly(new Action.InstallPackages(PackageManager.APT, List.of("tomcat10"), true));
        assertThat(shown(actions.get(0))).hasSize(4).endsWith(
                "sudo env LC_ALL=C DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 update",
                // The dry run hides no command the install sends: the read-only simulation that names what apt would add shows as such.
                "sudo env LC_ALL=C DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300"
                        + " install --simulate --no-install-recommends tomcat10"
                        + "    (read-only: names the packages apt would add, so that HA Lab records them before installing)",
                "sudo env LC_ALL=C DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300"
                        + " -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold install -y --no-install-recommends tomcat10");
        // An installation cut short earlier is finished first, or apt would refuse to install.
        assertThat(shown(actions.get(0)).get(0)).contains("dpkg --configure -a");
    }

    @Test
    void packagesOnAFrontEndInstallOnlyWhatIsMissing() {
        TestFacts facts = TestFacts.fresh().pkg("curl", "7.88").pkg("procps", "2:4.0.2");
        assertThat(actions(new PackagesStep(BOOKWORM).plan(context(nginx1, facts))))
                .containsExactly(new Action.InstallPackages(PackageManager.APT, List.of("nginx", "keepalived"), false));
    }

    @Test
    void packagesAlreadyInstalledAreNothingToDoWithTheirVersions() {
        TestFacts facts = TestFacts.fresh().pkg("nginx", "1.22.1-9").pkg("keepalived", "1:2.2.7-1").pkg("curl", "7.88")
                .pkg("procps", "2:4.0.2");
        assertThat(reason(new PackagesStep(BOOKWORM).plan(context(nginx1, facts))))
                .isEqualTo("already installed: nginx 1.22.1-9, keepalived 1:2.2.7-1, curl 7.88, procps 2:4.0.2");
    }

    @Test
    void theNginxDefaultSiteIsMovedAsideNotDeleted() {
        TestFacts facts = TestFacts.fresh().pkg("nginx", "1.22").file(BOOKWORM.nginxDefaultSite(), "other");
        assertThat(actions(MoveAsideStep.nginxDefaultSite(BOOKWORM).plan(context(nginx1, facts))))
                .containsExactly(new Action.MoveAside(BOOKWORM.nginxDefaultSite()));
    }

    @Test
    void theDefaultSiteOfAPackageNotYetInstalledWillBeMovedAsideAfterTheInstall() {
        StepResult result = MoveAsideStep.nginxDefaultSite(BOOKWORM).plan(context(nginx1, TestFacts.fresh()));
        assertThat(actions(result)).containsExactly(new Action.MoveAside(BOOKWORM.nginxDefaultSite()));
        assertThat(((StepResult.Changes) result).summary().render(Locale.ENGLISH)).contains("once nginx is installed");
    }

    @Test
    void aDefaultSiteMovedBeforeIsNothingToDo() {
        Manifest manifest = Manifest.empty().withFile(new Manifest.FileRecord(BOOKWORM.nginxDefaultSite(), true, "/b", true));
        assertThat(reason(MoveAsideStep.nginxDefaultSite(BOOKWORM).plan(context(nginx1, TestFacts.fresh().pkg("nginx", "1").manifest(manifest)))))
                .isEqualTo("/etc/nginx/sites-enabled/default was already moved aside by HA Lab");
    }

    @Test
    void aSiteThatDiffersIsWrittenCheckedByNginxAndReloadsIt() {
        TestFacts facts = TestFacts.fresh().file(BOOKWORM.nginxSite(), "0000");
        List<Action> actions = actions(FilesStep.nginxSite(BOOKWORM).plan(context(nginx1, facts)));
        assertThat(actions).containsExactly(
                new Action.PutFile(file(nginx1, BOOKWORM.nginxSite()), "0000", Validator.NGINX),
                new Action.Notify(Handler.RELOAD_NGINX));
        assertThat(shown(actions.get(0))).contains("sudo nginx -t -q")
                .anyMatch(l -> l.contains("/etc/nginx/sites-enabled/.halab-tomcat.conf.halab-new"));
    }

    @Test
    void aSiteWithTheSameChecksumIsNothingToDo() {
        String sha = FilesStep.sha256(file(nginx1, BOOKWORM.nginxSite()).content());
        assertThat(reason(FilesStep.nginxSite(BOOKWORM).plan(context(nginx1, TestFacts.fresh().file(BOOKWORM.nginxSite(), sha)))))
                .isEqualTo("up to date: " + BOOKWORM.nginxSite());
    }

    @Test
    void aFileWithTheRightContentButAnotherModeOrOwnerIsWrittenAgain() {
        GeneratedFile site = file(nginx1, BOOKWORM.nginxSite());
        String sha = FilesStep.sha256(site.content());
        String mode = Integer.toOctalString(site.mode());
        TestFacts asWritten = TestFacts.fresh().file(site.path(), sha).fileMode(site.path(), mode, "root:root");
        assertThat(reason(FilesStep.nginxSite(BOOKWORM).plan(context(nginx1, asWritten)))).startsWith("up to date");

        TestFacts chmodded = TestFacts.fresh().file(site.path(), sha).fileMode(site.path(), "777", "root:root");
        assertThat(actions(FilesStep.nginxSite(BOOKWORM).plan(context(nginx1, chmodded))))
                .anyMatch(a -> a instanceof Action.PutFile put && put.file().path().equals(site.path()));
        TestFacts chowned = TestFacts.fresh().file(site.path(), sha).fileMode(site.path(), mode, "www-data:www-data");
        assertThat(actions(FilesStep.nginxSite(BOOKWORM).plan(context(nginx1, chowned))))
                .anyMatch(a -> a instanceof Action.PutFile put && put.file().path().equals(site.path()));
    }

    @Test
    void keepalivedScriptsGoInBeforeTheConfigThatUsesThemAndTheConfigIsTestedStaged() {
        List<Action> actions = actions(FilesStep.keepalivedFiles().plan(context(nginx1, TestFacts.fresh())));
        assertThat(actions).extracting(a -> a instanceof Action.PutFile p ? p.file().path() : a.toString()).containsExactly(
                HostFiles.CHECK_SCRIPT, HostFiles.NOTIFY_SCRIPT, HostFiles.KEEPALIVED_CONF,
                new Action.Notify(Handler.RESTART_KEEPALIVED).toString());
        Action.PutFile conf = (Action.PutFile) actions.get(2);
        assertThat(conf.validator().stagedCheck("/etc/keepalived/.keepalived.conf.halab-new")).contains(
                RemoteCommand.of("keepalived", "-t", "-f", "/etc/keepalived/.keepalived.conf.halab-new").asRoot());
    }

    @Test
    void onlyTheChangedKeepalivedFileIsWritten() {
        TestFacts facts = TestFacts.fresh()
                .file(HostFiles.CHECK_SCRIPT, FilesStep.sha256(file(nginx1, HostFiles.CHECK_SCRIPT).content()))
                .file(HostFiles.NOTIFY_SCRIPT, FilesStep.sha256(file(nginx1, HostFiles.NOTIFY_SCRIPT).content()))
                .file(HostFiles.KEEPALIVED_CONF, "1234");
        assertThat(actions(FilesStep.keepalivedFiles().plan(context(nginx1, facts)))).hasSize(2)
                .first().isEqualTo(new Action.PutFile(file(nginx1, HostFiles.KEEPALIVED_CONF), "1234", Validator.KEEPALIVED));
    }

    @Test
    void aStoppedDisabledServiceIsEnabledAndStartedInOneCommandOnSystemd() {
        List<Action> actions = actions(ServiceStep.keepalived().plan(context(nginx1, TestFacts.fresh().service("keepalived", false, false))));
        assertThat(actions).containsExactly(new Action.Run(RemoteCommand.of("systemctl", "enable", "--now", "keepalived").asRoot(), "keepalived"));
    }

    @Test
    void aRunningEnabledServiceIsNothingToDo() {
        assertThat(reason(ServiceStep.nginx().plan(context(nginx1, TestFacts.fresh().service("nginx", true, true)))))
                .isEqualTo("nginx is running and enabled at boot");
    }

    @Test
    void sysvHostsUseUpdateRcDAndService() {
        List<Action> actions = actions(ServiceStep.tomcat(BOOKWORM).plan(context(tomcat1, TestFacts.fresh().sysv())));
        assertThat(actions).extracting(a -> ((Action.Run) a).command().display())
                .containsExactly("sudo update-rc.d tomcat10 defaults", "sudo service tomcat10 start");
    }

    @Test
    void nonlocalBindIsNotSetBecauseNginxListensOnAllAddresses() {
        assertThat(reason(new NonlocalBindStep(false).plan(context(nginx1, TestFacts.fresh()))))
                .contains("nginx listens on all addresses");
        List<Action> actions = actions(new NonlocalBindStep(true).plan(context(nginx1, TestFacts.fresh())));
        assertThat(actions).hasSize(3);
        // Recorded before it is set, so that uninstall takes it out again.
        assertThat(actions.get(0)).isEqualTo(new Action.RecordUndo(RemoteCommand.of("sh", "-c",
                "rm -f \"$1\" && sysctl -q -w net.ipv4.ip_nonlocal_bind=\"$2\"", "halab-undo",
                NonlocalBindStep.SYSCTL_FILE, "0")));
    }

    @Test
    void noActiveFirewallIsLeftAlone() {
        assertThat(reason(new FirewallStep().plan(context(nginx1, TestFacts.fresh())))).startsWith("no active firewall");
    }

    @Test
    void anActiveUfwGetsVrrpFromThePeerOnly() {
        List<Action> actions = actions(new FirewallStep().plan(context(nginx1,
                TestFacts.fresh().firewall(new Firewall(Firewall.Kind.UFW, false)))));
        assertThat(actions).extracting(a -> shown(a).get(0)).containsExactly(
                "record for uninstall: ufw delete allow proto vrrp from 192.168.224.102 to any",
                "sudo ufw allow proto vrrp from 192.168.224.102 to any");
    }

    @Test
    void anNftablesRuleCarriesTheCommentByWhichUninstallFindsIt() {
        List<Action> actions = actions(new FirewallStep().plan(context(nginx1,
                TestFacts.fresh().firewall(new Firewall(Firewall.Kind.NFTABLES, false)))));
        assertThat(actions.get(0)).isInstanceOf(Action.RecordUndo.class);
        assertThat(shown(actions.get(0)).get(0)).contains("comment \"halab-vrrp\"", "nft delete rule inet filter input handle");
        assertThat(shown(actions.get(1)).get(0)).endsWith("accept comment '\"halab-vrrp\"'");
        // By number: a host without /etc/protocols (no netbase) cannot resolve "vrrp" (seen on the lab's hosts).
        assertThat(shown(actions.get(1)).get(0)).contains("ip protocol 112 accept");
    }

    @Test
    void aFirewallThatAlreadyLetsVrrpInIsNothingToDo() {
        assertThat(reason(new FirewallStep().plan(context(nginx1, TestFacts.fresh().firewall(new Firewall(Firewall.Kind.FIREWALLD, true))))))
                .isEqualTo("the firewalld firewall already lets VRRP in");
    }

    @Test
    void handlersUseTheHostsInitSystemAndWaitForKeepalivedToStop() {
        assertThat(Handler.RELOAD_NGINX.command(InitSystem.SYSTEMD).display()).isEqualTo("sudo systemctl reload-or-restart nginx");
        assertThat(Handler.RELOAD_NGINX.command(InitSystem.SYSV).display()).isEqualTo("sudo service nginx reload");
        assertThat(Handler.RESTART_KEEPALIVED.command(InitSystem.SYSTEMD).display())
                .contains("systemctl stop keepalived").contains("pgrep -x keepalived").contains("systemctl start keepalived")
                .doesNotContain("kill");
    }

    @Test
    void stepsRunInTheTutorialsOrderAndPhasesNeverGoBack() {
        assertThat(Steps.forHost(nginx1, BOOKWORM)).extracting(Step::id).containsExactly("packages", "nginx.defaultSite", "nginx.site",
                "nginx.service", "sysctl.nonlocalBind", "firewall.vrrp", "keepalived.config", "keepalived.service");
        assertThat(Steps.forHost(tomcat1, BOOKWORM)).extracting(Step::id).containsExactly("packages", "tomcat.defaultPage", "tomcat.page",
                "tomcat.service");
        List<Phase> phases = Steps.all(BOOKWORM).stream().map(Step::phase).toList();
        assertThat(phases).isSorted();
        assertThat(Steps.probedPaths(nginx1)).contains(HostFiles.KEEPALIVED_CONF, BOOKWORM.nginxDefaultSite());
    }

    @Test
    void everyStepTextExistsInBothLanguages() {
        for (Step step : Steps.all(BOOKWORM)) {
            assertThat(step.title().render(Locale.ENGLISH)).doesNotStartWith("step.");
            assertThat(step.title().render(Locale.SIMPLIFIED_CHINESE)).doesNotStartWith("step.");
        }
        assertThat(reason(ServiceStep.nginx().plan(context(nginx1, TestFacts.fresh().service("nginx", true, true)))))
                .isNotEqualTo(ServiceStep.nginx().plan(context(nginx1, TestFacts.fresh().service("nginx", true, true)))
                        instanceof StepResult.NothingToDo n ? n.reason().render(Locale.SIMPLIFIED_CHINESE) : "");
    }
}
