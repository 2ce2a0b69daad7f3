package dev.halab.failover;

import dev.halab.cli.FailoverCommand;
import dev.halab.core.command.RemoteCommand;
import dev.halab.core.failover.ChaosAction;
import dev.halab.core.failover.ChaosRunner;
import dev.halab.core.failover.FailoverMonitor;
import dev.halab.core.failover.FailoverSession;
import dev.halab.core.failover.MonitorEvent.ProbeResult;
import dev.halab.core.failover.Outage;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.OutputListener;
import dev.halab.core.remote.RemoteShell;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Topology;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.service.CoreServices;
import dev.halab.gui.service.Credentials;
import dev.halab.gui.service.MonitorService;
import dev.halab.gui.service.RunRequest;
import dev.halab.gui.topology.ChaosTarget;
import dev.halab.gui.topology.DashboardViewModel;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI's {@code failover} and the GUI dashboard are fed one recorded event stream of a kill -9
 * of the master (the two front ends' watch lines and the probe results, with their times) through
 * the same core session; both must report the same outage of the VIP.
 */
class SameOutageTest {
    private static final String VIP = "192.168.224.150";
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    /** The host's clock just before the kill, as the kill command prints it. */
    private static final Instant FAULT = T0.plusMillis(1_050);
    private static final DateTimeFormatter IP_TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private record Line(String host, String text, Instant at) { }

    /** Before the kill: both nodes seen, nginx1 MASTER with the VIP, the probe answered by NGINX-1. */
    private static List<Object> before() {
        List<Object> events = new ArrayList<>();
        for (String host : List.of("nginx1", "nginx2")) {
            boolean master = host.equals("nginx1");
            events.add(new Line(host, "SNAP-BEGIN", T0));
            events.add(new Line(host, "ACTIVE " + T0.toEpochMilli() + " active", T0));
            events.add(new Line(host, "2: eth0    inet 192.168.224." + (master ? 101 : 102) + "/24 brd 192.168.224.255 scope global eth0", T0));
            if (master) {
                events.add(new Line(host, "2: eth0    inet " + VIP + "/32 scope global eth0", T0));
            }
            events.add(new Line(host, T0.minusSeconds(60).toEpochMilli() + " " + host + " VI_1 " + (master ? "MASTER 250" : "BACKUP 240"), T0));
            events.add(new Line(host, "SNAP-END " + T0.toEpochMilli(), T0));
        }
        for (int i = 0; i < 10; i++) {
            events.add(ok(T0.plusMillis(100L * i), "NGINX-1"));
        }
        return events;
    }

    /** After it: requests fail for three seconds, nginx2 takes the VIP, NGINX-2 answers. */
    private static List<Object> after() {
        List<Object> events = new ArrayList<>();
        events.add(ok(T0.plusMillis(1_000), "NGINX-1"));      // sent before the kill
        // The kill: systemd reports the dead unit, the kill command removes the VIP.
        events.add(new Line("nginx1", FAULT.getEpochSecond() + ".061000 nginx1 systemd[1]: keepalived.service: Main process exited, "
                + "code=killed, status=9/KILL", FAULT.plusMillis(70)));
        events.add(new Line("nginx1", "[" + IP_TS.format(FAULT.plusMillis(12)) + "] Deleted 2: eth0    inet " + VIP
                + "/32 scope global eth0", FAULT.plusMillis(15)));
        for (int i = 11; i < 41; i++) {
            events.add(failed(T0.plusMillis(100L * i)));
        }
        Instant takeover = T0.plusMillis(4_110);
        events.add(new Line("nginx2", "[" + IP_TS.format(takeover) + "] 2: eth0    inet " + VIP + "/32 scope global eth0",
                takeover.plusMillis(4)));
        events.add(new Line("nginx2", takeover.toEpochMilli() + " nginx2 VI_1 MASTER 240", takeover.plusMillis(50)));
        events.add(failed(T0.plusMillis(4_100)));
        events.add(ok(T0.plusMillis(4_200), "NGINX-2"));
        events.add(ok(T0.plusMillis(4_300), "NGINX-2"));
        return events;
    }

    private static ProbeResult ok(Instant sent, String nginx) {
        return new ProbeResult(sent, sent.plusMillis(3), VIP, Duration.ofMillis(3), 200, nginx, "192.168.224.103:8080", null);
    }

    private static ProbeResult failed(Instant sent) {
        return new ProbeResult(sent, sent.plusMillis(300), VIP, Duration.ofMillis(300), 0, null, null, "connect timed out");
    }

    private static void replay(FailoverMonitor monitor, List<Object> events) {
        for (Object event : events) {
            if (event instanceof Line l) {
                monitor.replayHostLine(l.host(), l.text(), l.at());
            } else {
                monitor.replayProbe((ProbeResult) event);
            }
        }
    }

    /** A front end whose kill command answers with the recorded fault time, as the real one prints it. */
    private static ShellFactory recordedHosts() {
        return host -> new RemoteShell() {
            @Override
            public String hostName() {
                return host.name();
            }

            @Override
            public CommandResult run(RemoteCommand command, Duration timeout, OutputListener output) {
                return new CommandResult(0, FAULT.toEpochMilli() + "\n", "");
            }

            @Override
            public void upload(byte[] content, String remotePath, int mode) {
            }

            @Override
            public void close() {
            }
        };
    }

    private static FailoverSession session(Topology topology) {
        FailoverMonitor monitor = new FailoverMonitor(topology, recordedHosts(), FailoverMonitor.MonitorSettings.defaults());
        return new FailoverSession(monitor, new ChaosRunner(topology, recordedHosts(), null));
    }

    @Test
    void theCliAndTheDashboardMeasureTheSameOutage() throws Exception {
        Topology topology = ProfileLoader.load("local-lab");

        // CLI: halab failover --node master --how kill, after the monitor saw the lab.
        FailoverSession cli = session(topology);
        replay(cli.monitor(), before());
        FailoverSession.Fault fault = cli.fail("master", ChaosAction.KILL, Duration.ofSeconds(10));
        replay(cli.monitor(), after());
        StringWriter out = new StringWriter();
        boolean moved = FailoverCommand.report(cli, fault, Duration.ofSeconds(1), new PrintWriter(out), new PrintWriter(new StringWriter()), java.util.Locale.ENGLISH);
        assertThat(moved).isTrue();
        assertThat(fault.host().name()).isEqualTo("nginx1");

        // GUI: the dashboard's "kill the master" on the same stream.
        FailoverSession gui = session(topology);
        MonitorService service = (request, updates) -> CoreServices.adapt(gui, updates);
        DashboardViewModel dashboard = new DashboardViewModel(topology, service, UiContext.sameThread());
        dashboard.connect(new RunRequest(topology, Credentials.none()));
        replay(gui.monitor(), before());
        assertThat(dashboard.hostOf(ChaosTarget.MASTER)).isEqualTo("nginx1");
        dashboard.chaos(ChaosTarget.MASTER, ChaosAction.KILL);
        replay(gui.monitor(), after());

        Outage shown = dashboard.outageProperty().get();
        assertThat(shown).isNotNull();
        // Kill at 1.050 s; the first request NGINX-2 answered was sent at 4.200 s; 31 sent in between failed.
        assertThat(shown.measured()).isEqualTo(Duration.ofMillis(3_150));
        assertThat(shown.failedRequests()).isEqualTo(31);
        assertThat(dashboard.measuredProperty().get()).isEqualTo(shown.measured());
        assertThat(dashboard.hostOf(ChaosTarget.MASTER)).isEqualTo("nginx2");
        assertThat(out.toString().strip()).isEqualTo(FailoverCommand.summary("nginx1", VIP, shown, java.util.Locale.ENGLISH));
        cli.monitor().close();
        gui.monitor().close();
    }
}
