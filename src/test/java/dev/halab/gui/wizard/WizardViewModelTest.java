package dev.halab.gui.wizard;

import dev.halab.core.command.Secret;
import dev.halab.core.event.RunEvent;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.plan.Preflight;
import dev.halab.core.topology.Mode;
import dev.halab.gui.ScriptedServices;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.service.RunRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class WizardViewModelTest {
    private final ScriptedServices scripted = new ScriptedServices();
    private WizardViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new WizardViewModel(scripted.services(), UiContext.sameThread());
    }

    @Test
    void startNeedsAProfile() {
        assertThat(vm.canGoNextBinding().get()).isFalse();
        vm.start().chooseProfile("tutorial");
        assertThat(vm.canGoNextBinding().get()).isTrue();
        assertThat(vm.state().hosts()).extracting(HostFields::name).containsExactly("nginx1", "nginx2", "tomcat1", "tomcat2");
        assertThat(vm.state().vipProperty().get()).isEqualTo("192.168.224.150");
    }

    @Test
    void aProfileDescriptionIsShownInTheLanguageOfTheWindow() {
        vm.start().loadProfileDescriptions();
        var description = vm.start().profileDescriptions().get("tutorial");
        assertThat(description.apply(java.util.Locale.ENGLISH)).startsWith("The tutorial's four VMware VMs");
        assertThat(description.apply(dev.halab.core.i18n.Bundles.CHINESE)).startsWith("教程中的四台 VMware 虚拟机");
    }

    @Test
    void anUnknownProfileIsReportedAndChangesNothing() {
        vm.start().chooseProfile("no-such-profile");
        assertThat(vm.errorProperty().get()).isNotNull();
        assertThat(vm.state().baseProperty().get()).isNull();
        assertThat(vm.canGoNextBinding().get()).isFalse();
    }

    @Test
    void aBadAddressIsShownOnItsFieldWithTheCoreMessageAndBlocksNext() {
        vm.start().chooseProfile("tutorial");
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(WizardPage.MACHINES);
        vm.state().hosts().get(0).addressProperty().set("192.168.224.999");
        var problem = vm.problemOn("hosts[0].address").get();
        assertThat(problem).isNotNull();
        assertThat(problem.code()).isEqualTo("ip.malformed");
        assertThat(problem.message().render(Locale.ENGLISH)).contains("192.168.224.999");
        assertThat(vm.canGoNextBinding().get()).isFalse();
        vm.state().hosts().get(0).addressProperty().set("192.168.224.101");
        assertThat(vm.problemOn("hosts[0].address").get()).isNull();
        assertThat(vm.canGoNextBinding().get()).isTrue();
    }

    @Test
    void aWordInTheVridFieldIsAnInputProblemOnThatField() {
        vm.start().chooseProfile("tutorial");
        vm.state().vridProperty().set("abc");
        assertThat(vm.problemOn("vrrp.instances[0].vrid").get().message().render(Locale.ENGLISH)).contains("abc");
        vm.state().vridProperty().set("300");
        assertThat(vm.problemOn("vrrp.instances[0].vrid").get().code()).isEqualTo("vrid.range");
    }

    @Test
    void theEstimateFollowsTheSettingsLive() {
        vm.start().chooseProfile("tutorial");
        assertThat(vm.estimateProperty().get().render(Locale.ENGLISH)).contains("3.06 s");
        vm.state().vrrpVersionProperty().set(3);
        vm.state().advertIntervalProperty().set("0.1");
        // VRRPv3 has no authentication block: the state drops it, so no error remains
        assertThat(vm.problems()).noneMatch(p -> p.isError());
        assertThat(vm.estimateProperty().get().render(Locale.ENGLISH)).contains("0.306 s");
    }

    @Test
    void dualMasterAddsASecondInstanceWithItsOwnVip() {
        vm.start().chooseProfile("tutorial");
        vm.state().modeProperty().set(Mode.DUAL_MASTER);
        assertThat(vm.problemOn("vrrp.instances[1].vip").get()).isNotNull();
        vm.state().secondVipProperty().set("192.168.224.151");
        var topology = vm.state().toDraft().topology();
        assertThat(topology.instances()).extracting(i -> i.master()).containsExactly("nginx1", "nginx2");
        assertThat(topology.instances()).extracting(i -> i.vrid()).containsExactly(51, 52);
        assertThat(vm.problems()).noneMatch(p -> p.isError());
    }

    @Test
    void goingBackKeepsEverythingTyped() {
        vm.start().chooseProfile("tutorial");
        vm.next();
        vm.state().hosts().get(2).addressProperty().set("192.168.224.113");
        vm.state().sshUserProperty().set("deploy");
        vm.next();
        vm.state().vipProperty().set("192.168.224.160");
        vm.back();
        vm.back();
        assertThat(vm.pageProperty().get()).isEqualTo(WizardPage.START);
        vm.next();
        vm.next();
        assertThat(vm.state().hosts().get(2).addressProperty().get()).isEqualTo("192.168.224.113");
        assertThat(vm.state().sshUserProperty().get()).isEqualTo("deploy");
        assertThat(vm.state().vipProperty().get()).isEqualTo("192.168.224.160");
    }

    @Test
    void preflightRunsOnEnteringItsPageAndOnlyAPassLetsTheReviewOpen() {
        vm.start().chooseProfile("tutorial");
        LocalizedText centos = ScriptedServices.text("CentOS is not supported yet");
        scripted.preflightEvents.addAll(List.of(
                new RunEvent.HostStarted(Instant.now(), "nginx1"),
                new RunEvent.CheckFinished(Instant.now(), "nginx1", "ssh", Preflight.title("ssh"), true, ScriptedServices.text("ok")),
                new RunEvent.CheckFinished(Instant.now(), "nginx1", "os", Preflight.title("os"), false, centos),
                new RunEvent.StepFailed(Instant.now(), "nginx1", "preflight", centos),
                ScriptedServices.finished(false)));
        vm.next();
        vm.next();
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(WizardPage.PREFLIGHT);
        assertThat(scripted.calls).containsExactly("preflight");
        var hosts = vm.preflight().hosts();
        assertThat(hosts).extracting(PreflightHost::host).containsExactly("nginx1", "nginx2", "tomcat1", "tomcat2");
        assertThat(hosts.get(0).stateProperty().get()).isEqualTo(PreflightHost.State.FAILED);
        assertThat(hosts.get(0).checks()).extracting(PreflightCheck::id, PreflightCheck::passed)
                .containsExactly(tuple("ssh", true), tuple("os", false));
        // the failed step repeats the failed check: said once
        assertThat(hosts.get(0).messages()).isEmpty();
        assertThat(hosts.get(1).stateProperty().get()).isEqualTo(PreflightHost.State.FAILED);
        assertThat(vm.canGoNextBinding().get()).isFalse();

        scripted.preflightEvents.clear();
        scripted.preflightEvents.add(ScriptedServices.finished(true));
        vm.runPreflight();
        assertThat(hosts).allMatch(r -> r.stateProperty().get() == PreflightHost.State.PASSED);
        assertThat(vm.canGoNextBinding().get()).isTrue();
    }

    @Test
    void aHostThatCannotBeReachedFailsItsSshCheckAndAnUnknownCheckIsShownAsReported() {
        vm.start().chooseProfile("tutorial");
        LocalizedText refused = ScriptedServices.text("connection refused");
        scripted.preflightEvents.addAll(List.of(
                new RunEvent.StepFailed(Instant.now(), "tomcat2", "connect", refused),
                new RunEvent.CheckFinished(Instant.now(), "nginx1", "vrrp-multicast", ScriptedServices.text("VRRP multicast"),
                        true, ScriptedServices.text("224.0.0.18 reaches nginx2")),
                ScriptedServices.finished(false)));
        vm.runPreflight();
        var hosts = vm.preflight().hosts();
        assertThat(hosts.get(3).checks()).containsExactly(new PreflightCheck("ssh", Preflight.title("ssh"), false, refused));
        assertThat(hosts.get(3).stateProperty().get()).isEqualTo(PreflightHost.State.FAILED);
        assertThat(hosts.get(0).checks()).extracting(PreflightCheck::id).containsExactly("vrrp-multicast");
    }

    @Test
    void theReviewShowsEachFileDiffFromTheDryRunGroupedByHostInTopologyOrder() {
        vm.start().chooseProfile("tutorial");
        scripted.preflightEvents.add(ScriptedServices.finished(true));
        scripted.planEvents.addAll(List.of(
                new RunEvent.CommandStarted(Instant.now(), "nginx1", "packages", "apt-get install -y nginx"),
                new RunEvent.FileDiff(Instant.now(), "tomcat1", "/opt/tomcat/conf/server.xml", "+<Server>"),
                new RunEvent.FileDiff(Instant.now(), "nginx2", "/etc/nginx/nginx.conf", "+http {"),
                new RunEvent.FileDiff(Instant.now(), "nginx1", "/etc/nginx/nginx.conf", "+http {"),
                new RunEvent.FileDiff(Instant.now(), "nginx1", "/etc/keepalived/keepalived.conf", "+vrrp_instance VI_1 {"),
                new RunEvent.StepFailed(Instant.now(), "nginx2", "packages", ScriptedServices.text("apt is locked")),
                ScriptedServices.finished(true)));
        for (int i = 0; i < 4; i++) {
            vm.next();
        }
        assertThat(vm.pageProperty().get()).isEqualTo(WizardPage.REVIEW);
        assertThat(vm.review().diffs()).extracting(d -> d.host() + ":" + d.path()).containsExactly(
                "nginx1:/etc/keepalived/keepalived.conf", "nginx1:/etc/nginx/nginx.conf",
                "nginx2:/etc/nginx/nginx.conf", "tomcat1:/opt/tomcat/conf/server.xml");
        assertThat(vm.review().hostsWithChanges()).containsExactly("nginx1", "nginx2", "tomcat1");
        assertThat(vm.review().commands()).containsExactly(PlanLine.command("nginx1", dev.halab.core.i18n.LocalizedText.asWritten("apt-get install -y nginx")),
                PlanLine.failure("nginx2", ScriptedServices.text("apt is locked")));
        assertThat(vm.canGoNextBinding().get()).isTrue();
    }

    @Test
    void changingAFieldAfterPreflightMakesItStale() {
        vm.start().chooseProfile("tutorial");
        scripted.preflightEvents.add(ScriptedServices.finished(true));
        vm.next();
        vm.next();
        vm.next();
        assertThat(vm.preflight().statusProperty().get()).isEqualTo(RunStatus.PASSED);
        vm.back();
        vm.state().vipProperty().set("192.168.224.151");
        assertThat(vm.preflight().statusProperty().get()).isEqualTo(RunStatus.NOT_RUN);
    }

    @Test
    void theRunRequestCarriesThePasswordAsASecretOnly() {
        vm.start().chooseProfile("tutorial");
        vm.state().loginProperty().set(WizardState.Login.PASSWORD);
        vm.state().passwordProperty().set(Secret.of("s3cret"));
        RunRequest request = vm.runRequest();
        assertThat(request.credentials().password().reveal()).isEqualTo("s3cret");
        assertThat(request.credentials().toString()).doesNotContain("s3cret");
        assertThat(request.credentials().keyFile()).isNull();
    }

    @Test
    void theLocalLabComesUpWithProgressAndFillsTheLogin() {
        vm.start().chooseLocalLab();
        assertThat(vm.canGoNextBinding().get()).isFalse();
        vm.start().startLocalLab();
        assertThat(scripted.calls).containsExactly("lab up");
        assertThat(vm.start().labProgress()).hasSize(2);
        assertThat(vm.state().localLabReadyProperty().get()).isTrue();
        assertThat(vm.state().keyFileProperty().get()).isEqualTo("/tmp/lab-key");
        assertThat(vm.canGoNextBinding().get()).isTrue();
    }

    @Test
    void aConnectionTestShowsTheFingerprintAndFillsTheDetectedInterface() {
        vm.start().chooseProfile("tutorial");
        vm.state().interfaceNameProperty().set("");
        HostFields nginx1 = vm.state().hosts().get(0);
        vm.machines().testConnection(nginx1);
        assertThat(nginx1.testStateProperty().get()).isEqualTo(HostFields.TestState.OK);
        assertThat(nginx1.fingerprintProperty().get()).isEqualTo("ssh-ed25519 SHA256:abc");
        assertThat(vm.state().interfaceNameProperty().get()).isEqualTo("eth0");
    }
}
