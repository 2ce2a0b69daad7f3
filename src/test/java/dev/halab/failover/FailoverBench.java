package dev.halab.failover;

import dev.halab.core.failover.ChaosAction;
import dev.halab.core.failover.ChaosResult;
import dev.halab.core.failover.ChaosRunner;
import dev.halab.core.failover.ClusterState;
import dev.halab.core.failover.FailoverMonitor;
import dev.halab.core.failover.FailoverMonitor.MonitorSettings;
import dev.halab.core.failover.FailoverTiming;
import dev.halab.core.failover.MonitorEvent;
import dev.halab.core.failover.Outage;
import dev.halab.core.failover.TrafficProbe;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;
import dev.halab.lab.LabProgress;
import dev.halab.lab.LocalLab;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Benchmark (not a test): every kill method N times on each profile; prints the median measured
 * outage beside the theoretical floor, and the monitor's lag (receive time minus host time of VRRP
 * and VIP events). Run by {@code bench/failover-bench.sh}; needs root and the local lab.
 *
 * <p>Arguments: {@code [runs] [profile...]}, default {@code 5 local-lab local-lab-fast}.
 */
public final class FailoverBench {
    private static final List<ChaosAction> METHODS = List.of(ChaosAction.STOP, ChaosAction.KILL, ChaosAction.NGINX,
            ChaosAction.NET, ChaosAction.POWER);
    /** Probe interval: the resolution of the outage measurement. */
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(20);

    private record Row(String profile, ChaosAction method, List<Long> outagesMs, List<Integer> failed, long floorMs,
                       List<Long> lagsMs, int missed) { }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> profiles = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of("local-lab", "local-lab-fast");
        LocalLab lab = LocalLab.fromDefaultProfile();
        lab.up(LabProgress.SILENT);
        List<Row> rows = new ArrayList<>();
        List<Long> allLags = new ArrayList<>();
        for (String profile : profiles) {
            Topology topology = LabFailover.profile(profile);
            System.out.println("# installing " + profile);
            LabFailover.install(lab, topology);
            MonitorSettings settings = MonitorSettings.defaults()
                    .withProbe(TrafficProbe.Settings.defaults().withInterval(PROBE_INTERVAL));
            try (FailoverMonitor monitor = LabFailover.monitor(lab, topology, settings)) {
                monitor.start();
                ChaosRunner chaos = LabFailover.chaos(lab, topology);
                VrrpInstance instance = topology.primaryInstance();
                Host master = topology.masterOf(instance);
                for (ChaosAction method : METHODS) {
                    List<Long> outages = new ArrayList<>();
                    List<Integer> failed = new ArrayList<>();
                    List<Long> lags = new ArrayList<>();
                    int missed = 0;
                    for (int run = 0; run < runs; run++) {
                        home(monitor, chaos, topology, instance, master);
                        Instant before = Instant.now();
                        Duration cut = FailoverTiming.masterDownInterval(topology.vrrp().version(), topology.vrrp().advertInterval(),
                                topology.vrrp().backupPriority()).plusSeconds(2);
                        ChaosResult fault = chaos.apply(master, method, Duration.ofSeconds(Math.max(2, cut.toSeconds() + 1)));
                        Optional<ClusterState> moved = monitor.await(s -> s.lastProbe(instance.vip())
                                        .filter(p -> p.ok() && !master.nginxHeader().equals(p.servedBy())).isPresent(),
                                FailoverTiming.ceiling(method, topology.vrrp()));
                        Thread.sleep(300); // let the VIP event of the new holder arrive
                        List<MonitorEvent> events = monitor.eventsSince(before);
                        events.stream().map(Outage::lagOf).filter(l -> l != null && !l.isNegative())
                                .forEach(l -> { lags.add(l.toMillis()); allLags.add(l.toMillis()); });
                        if (moved.isEmpty()) {
                            missed++;
                        } else {
                            Outage outage = Outage.measure(method, fault.faultAt(), master.nginxHeader(),
                                    monitor.probesSince(before.minusSeconds(1)).stream()
                                            .filter(p -> p.vip().equals(instance.vip())).toList(),
                                    FailoverTiming.floor(method, topology), null);
                            if (outage.measured() != null) {
                                outages.add(outage.measured().toMillis());
                                failed.add(outage.failedRequests());
                            } else {
                                missed++;
                            }
                        }
                        chaos.restore(master);
                    }
                    Row row = new Row(profile, method, outages, failed, FailoverTiming.floor(method, topology).toMillis(), lags, missed);
                    rows.add(row);
                    System.out.println("# " + line(row));
                }
                home(monitor, chaos, topology, instance, master);
            }
        }
        System.out.println();
        System.out.println("| profile | method | runs | median outage | floor | goal (15 % + 100 ms) | median failed requests | monitor lag median / max |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        rows.forEach(r -> System.out.println(line(r)));
        System.out.printf(Locale.ROOT, "%nmonitor lag over all %d VRRP/VIP events: median %d ms, p95 %d ms, max %d ms (goal <= 250 ms)%n",
                allLags.size(), median(allLags), percentile(allLags, 95), allLags.stream().mapToLong(Long::longValue).max().orElse(-1));
        LabFailover.install(lab, LabFailover.profile("local-lab"));
    }

    private static void home(FailoverMonitor monitor, ChaosRunner chaos, Topology topology, VrrpInstance instance, Host master)
            throws Exception {
        for (Host host : topology.frontEnds()) {
            chaos.restore(host);
        }
        Optional<ClusterState> home = monitor.await(s -> s.holders(instance.vip()).equals(List.of(master.name()))
                && s.masters(instance.name()).equals(List.of(master.name()))
                && s.lastProbe(instance.vip()).filter(p -> p.ok() && master.nginxHeader().equals(p.servedBy())).isPresent()
                && s.servedStreak(instance.vip()) >= 10, Duration.ofSeconds(60));
        if (home.isEmpty()) {
            throw new IllegalStateException("the VIP did not come home: " + monitor.state().summary());
        }
        Thread.sleep(1000); // steady state before the next fault (check script rise, ARP settled)
    }

    private static String line(Row r) {
        long median = median(r.outagesMs());
        String goal = r.outagesMs().isEmpty() ? "-" : (median <= r.floorMs() * 1.15 + 100 ? "met" : "MISSED");
        return String.format(Locale.ROOT, "| %s | %s | %d%s | %s | %d ms | %s | %s | %d / %d ms |", r.profile(), r.method().cliName(),
                r.outagesMs().size(), r.missed() > 0 ? " (" + r.missed() + " no failover)" : "",
                r.outagesMs().isEmpty() ? "-" : median + " ms", r.floorMs(), goal,
                r.failed().isEmpty() ? "-" : Long.toString(median(r.failed().stream().map(Integer::longValue).toList())),
                median(r.lagsMs()), r.lagsMs().stream().mapToLong(Long::longValue).max().orElse(-1));
    }

    private static long median(List<Long> values) {
        return percentile(values, 50);
    }

    private static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int index = Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.min(index, sorted.size() - 1));
    }
}
