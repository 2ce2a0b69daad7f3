package dev.halab.gui.install;

import dev.halab.core.event.RunEvent;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.gui.ScriptedServices;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.service.Credentials;
import dev.halab.gui.service.RunRequest;
import dev.halab.gui.service.ServiceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class InstallViewModelTest {
    private final ScriptedServices scripted = new ScriptedServices();
    private InstallViewModel vm;
    private RunRequest request;

    @BeforeEach
    void setUp() throws Exception {
        vm = new InstallViewModel(scripted.services().install(), UiContext.sameThread());
        request = new RunRequest(ProfileLoader.load("tutorial"), Credentials.none());
    }

    private static LocalizedText t(String words) {
        return ScriptedServices.text(words);
    }

    /** The log keeps HA Lab's own lines as data: they read in the window's language, now and after a switch. */
    @Test
    void theLogsOwnLinesFollowTheWindowsLanguageAndToolOutputStaysAsItCame() {
        UiContext chinese = UiContext.sameThread(dev.halab.core.i18n.Bundles.CHINESE);
        InstallViewModel zh = new InstallViewModel(scripted.services().install(), chinese);
        Instant now = Instant.now();
        LocalizedText upload = new dev.halab.core.step.Action.MoveAside("/etc/nginx/sites-enabled/default").display().get(0);
        scripted.installEvents.addAll(List.of(
                new RunEvent.CommandStarted(now, "nginx1", "nginx-site", upload),
                new RunEvent.OutputLine(now, "nginx1", "nginx-site", false, "renamed 'default'"),
                ScriptedServices.finished(true)));
        scripted.verifyEvents.add(ScriptedServices.finished(true));

        zh.start(request);

        String chineseLog = zh.copyText(zh.log());
        assertThat(chineseLog).contains("[nginx1] $ 把 /etc/nginx/sites-enabled/default 移到", "[nginx1] renamed 'default'")
                .doesNotContain("$ move");
        chinese.texts().setLocale(Locale.ENGLISH);
        assertThat(zh.copyText(zh.log())).contains(
                "[nginx1] $ move /etc/nginx/sites-enabled/default to /var/backups/halab/<run>/etc/nginx/sites-enabled/default",
                "[nginx1] renamed 'default'");
    }

    @Test
    void stepsGetTheirStatesAndTheRunIsVerifiedAfterASuccessfulInstall() {
        Instant now = Instant.now();
        scripted.installEvents.addAll(List.of(
                new RunEvent.RunStarted(now, "install", List.of("nginx1", "nginx2", "tomcat1", "tomcat2")),
                new RunEvent.HostStarted(now, "tomcat1"),
                new RunEvent.StepStarted(now, "tomcat1", "packages", t("Install tomcat10")),
                new RunEvent.CommandStarted(now, "tomcat1", "packages", "apt-get install -y tomcat10"),
                new RunEvent.OutputLine(now, "tomcat1", "packages", false, "Setting up tomcat10 ..."),
                new RunEvent.StepChanged(now, "tomcat1", "packages", t("installed tomcat10")),
                new RunEvent.StepStarted(now, "tomcat1", "index", t("Write index.jsp")),
                new RunEvent.StepUnchanged(now, "tomcat1", "index", t("nothing to do: same checksum")),
                new RunEvent.HostFinished(now, "tomcat1", true),
                ScriptedServices.finished(true)));
        scripted.verifyEvents.add(ScriptedServices.finished(true));

        vm.start(request);

        assertThat(scripted.calls).containsExactly("install", "verify");
        HostProgress tomcat1 = vm.hosts().stream().filter(h -> h.host().equals("tomcat1")).findFirst().orElseThrow();
        assertThat(tomcat1.steps()).extracting(s -> s.stateProperty().get())
                .containsExactly(StepState.CHANGED, StepState.UNCHANGED);
        assertThat(tomcat1.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.installSucceededProperty().get()).isTrue();
        assertThat(vm.verifySucceededProperty().get()).isTrue();
        assertThat(vm.phaseProperty().get()).isEqualTo(InstallViewModel.Phase.DONE);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.log()).extracting(l -> l.text(Locale.ENGLISH)).contains("$ apt-get install -y tomcat10", "Setting up tomcat10 ...");
    }

    @Test
    void aHostWithItsFirstStepDoneIsNotShownAsCompleteAndBlankOutputIsLeftOut() {
        Instant now = Instant.now();
        scripted.installEvents.addAll(List.of(
                new RunEvent.HostStarted(now, "nginx1"),
                new RunEvent.StepStarted(now, "nginx1", "packages", t("Packages")),
                new RunEvent.OutputLine(now, "nginx1", "packages", false, ""),
                new RunEvent.OutputLine(now, "nginx1", "packages", false, "Setting up nginx ..."),
                new RunEvent.StepChanged(now, "nginx1", "packages", t("install nginx, keepalived"))));
        vm.start(request);
        assertThat(vm.log()).extracting(l -> l.text(Locale.ENGLISH)).doesNotContain("").contains("Setting up nginx ...");
        HostProgress nginx1 = vm.hosts().stream().filter(h -> h.host().equals("nginx1")).findFirst().orElseThrow();
        int planned = InstallViewModel.plannedSteps(request.topology().findHost("nginx1").orElseThrow());
        assertThat(planned).isGreaterThan(1);
        assertThat(nginx1.progressProperty().get()).isEqualTo(1.0 / planned);
    }

    @Test
    void aFailedStepIsExplainedVerifyIsSkippedAndRetryRunsAgain() {
        Instant now = Instant.now();
        scripted.installEvents.addAll(List.of(
                new RunEvent.StepStarted(now, "nginx1", "nginx-config", t("nginx site")),
                new RunEvent.OutputLine(now, "nginx1", "nginx-config", true, "nginx: [emerg] unknown directive"),
                new RunEvent.StepFailed(now, "nginx1", "nginx-config", t("nginx -t refused the site; the old one is back")),
                new RunEvent.StepSkipped(now, "nginx1", "keepalived", t("needs nginx-config")),
                ScriptedServices.finished(false)));

        vm.start(request);

        assertThat(scripted.calls).containsExactly("install");
        assertThat(vm.failedStepProperty().get().stepId()).isEqualTo("nginx-config");
        assertThat(vm.failedStepProperty().get().detailProperty().get()).isEqualTo(t("nginx -t refused the site; the old one is back"));
        assertThat(vm.installSucceededProperty().get()).isFalse();
        assertThat(vm.verifySucceededProperty().get()).isNull();
        assertThat(vm.log()).filteredOn(l -> l.kind() == LogLine.Kind.ERROR).isNotEmpty();

        scripted.installEvents.clear();
        scripted.installEvents.add(ScriptedServices.finished(true));
        scripted.verifyEvents.add(ScriptedServices.finished(true));
        vm.retry();
        assertThat(scripted.calls).containsExactly("install", "install", "verify");
        assertThat(vm.failedStepProperty().get()).isNull();
        assertThat(scripted.requests.get(1)).isSameAs(request);
    }

    @Test
    void aRunThatCannotStartShowsWhy() {
        scripted.installFailure = new ServiceException(t("cannot connect to nginx1"), null);
        vm.start(request);
        assertThat(vm.summaryProperty().get()).isEqualTo(t("cannot connect to nginx1"));
        assertThat(vm.installSucceededProperty().get()).isFalse();
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void theLogFiltersByHostStepAndSearchText() {
        Instant now = Instant.now();
        List<RunEvent> batch = new ArrayList<>();
        batch.add(new RunEvent.StepStarted(now, "nginx1", "packages", t("packages")));
        batch.add(new RunEvent.StepStarted(now, "tomcat1", "packages", t("packages")));
        for (int i = 0; i < 3000; i++) {
            batch.add(new RunEvent.OutputLine(now, i % 2 == 0 ? "nginx1" : "tomcat1", "packages", false, "Unpacking lib" + i));
        }
        vm.apply(batch);
        assertThat(vm.log()).hasSize(3002);
        vm.hostFilterProperty().set("tomcat1");
        assertThat(vm.visibleLog()).hasSize(1501).allMatch(l -> l.host().equals("tomcat1"));
        vm.searchProperty().set("LIB2999");
        assertThat(vm.visibleLog()).extracting(l -> l.text(Locale.ENGLISH)).containsExactly("Unpacking lib2999");
        vm.searchProperty().set("");
        vm.hostFilterProperty().set(null);
        StepItem nginxPackages = vm.hosts().get(0).steps().get(0);
        vm.stepFilterProperty().set(nginxPackages);
        assertThat(vm.visibleLog()).allMatch(l -> "nginx1".equals(l.host())).hasSize(1501);
        assertThat(vm.copyText(vm.visibleLog().subList(1, 2))).isEqualTo("[nginx1] Unpacking lib0\n");
    }

    @Test
    void theLogKeepsOnlyTheNewestLines() {
        List<RunEvent> batch = new ArrayList<>();
        for (int i = 0; i < InstallViewModel.MAX_LOG_LINES + 10; i++) {
            batch.add(new RunEvent.OutputLine(Instant.EPOCH, "nginx1", "s", false, "line " + i));
        }
        vm.apply(batch);
        int kept = InstallViewModel.MAX_LOG_LINES * 9 / 10;
        assertThat(vm.log()).hasSize(kept);
        assertThat(vm.log().get(kept - 1).text(Locale.ENGLISH)).isEqualTo("line " + (InstallViewModel.MAX_LOG_LINES + 9));
    }
}
