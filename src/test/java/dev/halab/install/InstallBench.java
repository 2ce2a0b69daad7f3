package dev.halab.install;

import dev.halab.core.event.RunListener;
import dev.halab.core.plan.InstallEngine;
import dev.halab.core.plan.RunSummary;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.remote.Credentials;
import dev.halab.core.remote.HostKeyPrompt;
import dev.halab.core.remote.KnownHosts;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.remote.SshConnector;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.lab.ExecResult;
import dev.halab.lab.LabProgress;
import dev.halab.lab.LocalLab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints, on fresh lab hosts: the full install time, the no-change re-run time, and the floor,
 * plain parallel {@code apt-get update && apt-get install} of the same packages, with the ratio.
 * Run by bench/install-bench.sh (root, under the lab lock). Figures only; nothing is asserted.
 */
public final class InstallBench {
    private static final List<String> FRONT = List.of("nginx", "keepalived", "curl", "procps");
    private static final List<String> BACK = List.of("tomcat10");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        Topology topology = ProfileLoader.load("local-lab");
        LocalLab lab = LocalLab.fromDefaultProfile();
        lab.up(LabProgress.SILENT);
        for (int run = 1; run <= runs; run++) {
            lab.reset(LabProgress.SILENT);
            double floor = floor(lab, topology);
            lab.reset(LabProgress.SILENT);
            Path store = Files.createTempFile("halab-bench-kh", "");
            ShellFactory shells = ShellFactory.ssh(new SshConnector(new KnownHosts(store), HostKeyPrompt.TRUST_NEW,
                    Duration.ofSeconds(10)), Credentials.withKey("root", lab.sshPrivateKey()));
            InstallEngine engine = new InstallEngine(shells);
            long t0 = System.nanoTime();
            RunSummary install = engine.install(topology, RunListener.NONE);
            double full = seconds(t0);
            t0 = System.nanoTime();
            RunSummary again = engine.install(topology, RunListener.NONE);
            double rerun = seconds(t0);
            Files.deleteIfExists(store);
            System.out.printf("run %d: full install %.1f s (%s, %d changed) | no-change re-run %.2f s (%d changed; goal <= 3 s) "
                            + "| floor: parallel apt-get %.1f s | ratio install/floor %.2f (goal <= 1.3)%n",
                    run, full, install.success() ? "ok" : "FAILED", install.changed(), rerun, again.changed(), floor, full / floor);
        }
    }

    /** Plain apt on every host at once, as a person with four terminals would type it. */
    private static double floor(LocalLab lab, Topology topology) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(topology.hosts().size());
        long t0 = System.nanoTime();
        List<Future<ExecResult>> results = new ArrayList<>();
        for (Host host : topology.hosts()) {
            String packages = String.join(" ", host.isFrontEnd() ? FRONT : BACK);
            results.add(pool.submit(() -> lab.exec(host.name(), "export DEBIAN_FRONTEND=noninteractive; apt-get -q update >/dev/null && "
                    + "apt-get -q install -y --no-install-recommends " + packages + " >/dev/null")));
        }
        for (Future<ExecResult> result : results) {
            ExecResult r = result.get();
            if (!r.succeeded()) {
                throw new IllegalStateException("floor apt-get failed: " + r.output());
            }
        }
        double took = seconds(t0);
        pool.shutdown();
        return took;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
