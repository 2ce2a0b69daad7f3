package dev.halab.gui;

import dev.halab.core.event.RunEvent;
import dev.halab.core.facts.HostFacts;
import dev.halab.core.plan.Preflight;
import dev.halab.core.step.TestFacts;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.failover.ChaosAction;
import dev.halab.core.i18n.Bundles;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.gui.common.Theme;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.scenario.ScenarioViewModel;
import dev.halab.gui.service.MonitorUpdate;
import dev.halab.gui.topology.DashboardViewModel;
import dev.halab.gui.wizard.HostFields;
import dev.halab.gui.wizard.WizardViewModel;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every screen, in English and Simplified Chinese, light theme, to PNG files for the
 * README: {@code docs/screenshots/render.sh} (all but the dashboard, which is shot on the real lab). The screens are fed with recorded-style events
 * (the same types the engine and monitor emit), so the pictures do not need a lab.
 */
@Tag("screenshots")
@EnabledIfSystemProperty(named = "halab.screenshots.dir", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {
    private static final LocalizedText NONE = null;
    /**
     * The dashboard pictures in docs/ come from a real lab run (docs/screenshots/README.md); the
     * scripted ones are rendered only on request ({@code -Dhalab.screenshots.scriptedDashboard=true}).
     */
    private static final boolean SCRIPTED_DASHBOARD = Boolean.getBoolean("halab.screenshots.scriptedDashboard");
    private final ScriptedServices scripted = new ScriptedServices();
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply();
    }

    @Test
    void renderEveryScreenInBothLanguages(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("halab.screenshots.dir"));
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Locale locale : List.of(Locale.ENGLISH, Bundles.CHINESE)) {
            String lang = Bundles.isChinese(locale) ? "zh" : "en";
            robot.interact(() -> build(locale));
            robot.interact(() -> {
                window.wizard().start().loadProfileDescriptions();
                window.wizard().start().chooseProfile("tutorial");
            });
            robot.interact(() -> {
                ListView<String> profiles = robot.lookup("#profiles").queryListView();
                robot.lookup("#choice-profile").queryAs(javafx.scene.control.RadioButton.class).setSelected(true);
                profiles.getSelectionModel().select("tutorial");
            });
            written.add(shot(robot, dir, "wizard-start-" + lang));

            robot.interact(() -> {
                WizardViewModel vm = window.wizard();
                vm.next();
                for (HostFields host : vm.state().hosts().subList(0, 2)) {
                    vm.machines().testConnection(host);
                }
                vm.state().hosts().get(3).addressProperty().set("192.168.224.1044");
            });
            written.add(shot(robot, dir, "wizard-machines-" + lang));

            robot.interact(() -> {
                WizardViewModel vm = window.wizard();
                vm.state().hosts().get(3).addressProperty().set("192.168.224.104");
                vm.next();
                vm.state().backupPriorityProperty().set("250");
            });
            written.add(shot(robot, dir, "wizard-ha-" + lang));

            robot.interact(() -> {
                WizardViewModel vm = window.wizard();
                vm.state().backupPriorityProperty().set("240");
                scripted.preflightEvents.clear();
                scripted.preflightEvents.addAll(preflightEvents());
                vm.next();
            });
            written.add(shot(robot, dir, "wizard-preflight-" + lang));

            robot.interact(() -> {
                scripted.planEvents.clear();
                scripted.planEvents.addAll(planEvents());
                window.wizard().next();
            });
            written.add(shot(robot, dir, "wizard-review-" + lang));

            robot.interact(() -> {
                scripted.installEvents.clear();
                scripted.installEvents.addAll(installEvents());
                scripted.verifyEvents.clear();
                scripted.verifyEvents.add(new RunEvent.RunFinished(Instant.now(), true, 0, 4, 0,
                        LocalizedText.of("gui", "lab.progress", "10/10 requests through 192.168.224.150 served by NGINX-1; "
                                + "tomcats alternated 192.168.224.103, 192.168.224.104; VIP on nginx1 only")));
                window.startInstall(window.wizard().runRequest());
                window.install().hostFilterProperty().set(null);
            });
            written.add(shot(robot, dir, "install-" + lang));

            robot.interact(() -> {
                window.openDashboard(window.wizard().runRequest(), true);
                feedFailover(window.dashboard(), window.scenarios());
                window.dashboardView().timeline().setClock(() -> window.dashboard().timeline()
                        .get(window.dashboard().timeline().size() - 1).at());
            });
            Thread.sleep(500); // let the VIP badge finish its slide
            if (SCRIPTED_DASHBOARD) {
                written.add(shot(robot, dir, "dashboard-" + lang));
            }
        }
        if (!SCRIPTED_DASHBOARD) {
            assertWritten(written);
            return;
        }
        // one picture of the dark theme (the header's switch), for the README
        robot.interact(() -> {
            Theme.DARK.apply();
            build(Locale.ENGLISH);
            window.wizard().start().chooseProfile("tutorial");
            window.openDashboard(window.wizard().runRequest(), true);
            feedFailover(window.dashboard(), window.scenarios());
            window.dashboardView().timeline().setClock(() -> window.dashboard().timeline()
                    .get(window.dashboard().timeline().size() - 1).at());
        });
        Thread.sleep(500);
        written.add(shot(robot, dir, "dashboard-dark-en"));
        robot.interact(Theme.LIGHT::apply);
        assertWritten(written);
    }

    private static void assertWritten(List<Path> written) throws IOException {
        for (Path png : written) {
            assertThat(Files.size(png)).as(png.toString()).isGreaterThan(20_000);
        }
    }

    private void build(Locale locale) {
        scripted.calls.clear();
        UiContext direct = UiContext.sameThread(locale);
        window = new MainWindow(scripted.services(), direct);
        Scene scene = new Scene(window, 1280, 820);
        Theme.style(scene);
        stage.setScene(scene);
        stage.setWidth(1280);
        stage.setHeight(820);
        stage.show();
    }

    private Path shot(FxRobot robot, Path dir, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().getRoot().snapshot(null, null));
        Path file = dir.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
        return file;
    }

    private static LocalizedText text(String words) {
        return LocalizedText.of("gui", "lab.progress", words);
    }

    /** The core's own checks over healthy facts of the tutorial's four hosts, as the engine reports them. */
    private List<RunEvent> preflightEvents() {
        Instant t = Instant.now();
        Topology topology = window.wizard().runRequest().topology();
        Map<String, HostFacts> facts = new LinkedHashMap<>();
        for (Host host : topology.hosts()) {
            facts.put(host.name(), TestFacts.fresh().links("lo", "ens33").address("ens33", host.address()).build());
        }
        List<RunEvent> events = new ArrayList<>();
        for (Host host : topology.hosts()) {
            events.add(new RunEvent.HostStarted(t, host.name()));
            events.add(check(t, Preflight.loggedIn(host)));
        }
        Preflight.checks(topology, facts, Set.of()).forEach(c -> events.add(check(t, c)));
        topology.hosts().forEach(h -> events.add(new RunEvent.HostFinished(t, h.name(), true)));
        events.add(new RunEvent.RunFinished(t, true, 0, 0, 0, text("pre-flight passed on 4 hosts")));
        return events;
    }

    private static RunEvent check(Instant t, Preflight.Check c) {
        return new RunEvent.CheckFinished(t, c.host(), c.id(), c.title(), c.passed(), c.detail());
    }

    private static List<RunEvent> planEvents() {
        Instant t = Instant.now();
        return List.of(
                new RunEvent.CommandStarted(t, "tomcat1", "packages", "apt-get install -y tomcat10"),
                new RunEvent.CommandStarted(t, "nginx1", "packages", "apt-get install -y nginx keepalived"),
                new RunEvent.FileDiff(t, "nginx1", "/etc/keepalived/keepalived.conf", """
                        --- /etc/keepalived/keepalived.conf (on nginx1)
                        +++ /etc/keepalived/keepalived.conf (HA Lab)
                        @@ -0,0 +1,24 @@
                        +global_defs {
                        +    router_id nginx1
                        +    enable_script_security
                        +    script_user root
                        +}
                        +vrrp_script check_nginx {
                        +    script "/etc/keepalived/check_nginx.sh"
                        +    interval 2
                        +    weight -20
                        +}
                        +vrrp_instance VI_1 {
                        +    state MASTER
                        +    interface ens33
                        +    virtual_router_id 51
                        +    priority 250
                        +    advert_int 1
                        +    authentication {
                        +        auth_type PASS
                        +        auth_pass 123456
                        +    }
                        +    virtual_ipaddress {
                        +        192.168.224.150
                        +    }
                        +}
                        """),
                new RunEvent.FileDiff(t, "nginx1", "/etc/nginx/conf.d/halab-tomcat.conf", "+upstream tomcat {\n+    server 192.168.224.103:8080;\n+    server 192.168.224.104:8080;\n+}\n"),
                new RunEvent.FileDiff(t, "nginx2", "/etc/keepalived/keepalived.conf", "+vrrp_instance VI_1 {\n+    state BACKUP\n+    priority 240\n"),
                new RunEvent.FileDiff(t, "tomcat1", "/var/lib/tomcat10/webapps/ROOT/index.jsp", "+<h1><%= request.getLocalAddr() %></h1>\n"),
                new RunEvent.RunFinished(t, true, 9, 3, 0, text("9 changes planned on 4 hosts, 3 steps with nothing to do")));
    }

    private static List<RunEvent> installEvents() {
        Instant t = Instant.now();
        List<RunEvent> events = new ArrayList<>();
        events.add(new RunEvent.RunStarted(t, "install", List.of("nginx1", "nginx2", "tomcat1", "tomcat2")));
        for (String host : List.of("tomcat1", "tomcat2", "nginx1", "nginx2")) {
            boolean front = host.startsWith("nginx");
            events.add(new RunEvent.HostStarted(t, host));
            events.add(new RunEvent.StepStarted(t, host, "packages", text(front ? "Install nginx and keepalived" : "Install tomcat10")));
            events.add(new RunEvent.CommandStarted(t, host, "packages", "apt-get install -y " + (front ? "nginx keepalived" : "tomcat10")));
            for (String line : List.of("Reading package lists...", "Building dependency tree...",
                    "The following NEW packages will be installed:", "Unpacking " + (front ? "nginx" : "tomcat10") + " ...",
                    "Setting up " + (front ? "nginx" : "tomcat10") + " ...")) {
                events.add(new RunEvent.OutputLine(t, host, "packages", false, line));
            }
            events.add(new RunEvent.StepChanged(t, host, "packages", text(front ? "installed nginx 1.22, keepalived 2.2.7" : "installed tomcat10 10.1")));
            if (front) {
                events.add(new RunEvent.StepStarted(t, host, "nginx-site", text("nginx site for the tomcat upstream")));
                events.add(new RunEvent.CommandStarted(t, host, "nginx-site", "nginx -t"));
                events.add(new RunEvent.StepChanged(t, host, "nginx-site", text("wrote /etc/nginx/conf.d/halab-tomcat.conf; old default site moved aside")));
                events.add(new RunEvent.StepStarted(t, host, "nonlocal-bind", text("net.ipv4.ip_nonlocal_bind")));
                events.add(new RunEvent.StepUnchanged(t, host, "nonlocal-bind", text("nothing to do: already 1")));
                events.add(new RunEvent.StepStarted(t, host, "keepalived", text("keepalived.conf and check script")));
                events.add(new RunEvent.CommandStarted(t, host, "keepalived", "keepalived -t -f /etc/keepalived/keepalived.conf.halab-new"));
                events.add(new RunEvent.StepChanged(t, host, "keepalived", text("wrote keepalived.conf (VRRPv2, VRID 51, priority " + (host.equals("nginx1") ? 250 : 240) + ")")));
                events.add(new RunEvent.StepStarted(t, host, "services", text("Enable and start nginx, keepalived")));
                events.add(new RunEvent.StepChanged(t, host, "services", text("restarted keepalived; reloaded nginx")));
            } else {
                events.add(new RunEvent.StepStarted(t, host, "index", text("index.jsp that shows the tomcat address")));
                events.add(new RunEvent.StepChanged(t, host, "index", text("wrote /var/lib/tomcat10/webapps/ROOT/index.jsp")));
                events.add(new RunEvent.StepStarted(t, host, "services", text("Enable and start tomcat10")));
                events.add(new RunEvent.StepUnchanged(t, host, "services", text("nothing to do: tomcat10 active and enabled")));
            }
            events.add(new RunEvent.HostFinished(t, host, true));
        }
        events.add(new RunEvent.RunFinished(t, true, 14, 4, 0, text("14 changed, 4 with nothing to do, 0 failed (38 s)")));
        return events;
    }

    private static void feedFailover(DashboardViewModel vm, ScenarioViewModel scenarios) {
        Instant t0 = Instant.now().minusSeconds(20);
        List<MonitorUpdate> updates = new ArrayList<>();
        updates.add(new MonitorUpdate.VrrpState(t0, "nginx1", "VI_1", "MASTER"));
        updates.add(new MonitorUpdate.VrrpState(t0, "nginx2", "VI_1", "BACKUP"));
        updates.add(new MonitorUpdate.VipHolder(t0, "192.168.224.150", "nginx1"));
        for (String host : List.of("nginx1", "nginx2")) {
            updates.add(new MonitorUpdate.Health(t0, host, "nginx", true));
            updates.add(new MonitorUpdate.Health(t0, host, "keepalived", true));
        }
        updates.add(new MonitorUpdate.Health(t0, "tomcat1", "tomcat", true));
        updates.add(new MonitorUpdate.Health(t0, "tomcat2", "tomcat", true));
        for (int i = 0; i < 100; i++) {
            updates.add(probe(t0.plusMillis(i * 100L), "NGINX-1", i));
        }
        vm.apply(updates);
        scenarios.nextStep();
        scenarios.killMethodProperty().set(ChaosAction.KILL);
        scenarios.doStep();
        Instant kill = vm.lastKillAtProperty().get();
        updates.clear();
        for (int i = 0; i < 30; i++) {
            updates.add(new MonitorUpdate.Probe(kill.plusMillis(50 + i * 100L), false, null, null, null,
                    dev.halab.core.failover.ProbeFailures.explain("192.168.224.150", 0, "SocketTimeoutException: connect timed out")));
        }
        updates.add(new MonitorUpdate.VrrpState(kill.plusMillis(3060), "nginx2", "VI_1", "MASTER"));
        updates.add(new MonitorUpdate.Health(kill.plusMillis(3060), "nginx1", "keepalived", false));
        updates.add(new MonitorUpdate.VrrpState(kill.plusMillis(3060), "nginx1", "VI_1", "STOPPED"));
        updates.add(new MonitorUpdate.VipHolder(kill.plusMillis(3070), "192.168.224.150", "nginx2"));
        for (int i = 0; i < 40; i++) {
            updates.add(probe(kill.plusMillis(3110 + i * 100L), "NGINX-2", i));
        }
        vm.apply(updates);
    }

    private static MonitorUpdate.Probe probe(Instant at, String nginx, int i) {
        return new MonitorUpdate.Probe(at, true, nginx, (i % 2 == 0 ? "192.168.224.103" : "192.168.224.104") + ":8080",
                Duration.ofMillis(3 + i % 4), null);
    }
}
