package dev.halab.core.plan;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.facts.Distro;
import dev.halab.core.facts.Distros;
import dev.halab.core.facts.HostFacts;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.remote.RemoteShell;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import static dev.halab.core.plan.PreflightResult.failed;
import static dev.halab.core.plan.PreflightResult.text;
import static dev.halab.core.plan.PreflightResult.warning;

/**
 * Every pre-flight check, in order: the fact checks ({@link Preflight}), then those that ask the
 * hosts (package candidates, the VIP ping, the VRRP probes both front ends run at once) and the
 * controller's own routes. Blocking; nothing on any host changes.
 *
 * <pre>{@code
 * List<PreflightResult> results = new PreflightRunner().run(topology, factsByHost, shellsByHost);
 * boolean go = results.stream().noneMatch(PreflightResult::failed);
 * }</pre>
 */
public final class PreflightRunner {
    private static final Duration SHORT = Duration.ofSeconds(60);
    private static final Duration PACKAGE_LISTS = Duration.ofMinutes(5);

    private final Duration listen;
    private final Function<String, Optional<String>> routes;

    public PreflightRunner() {
        this(VrrpProbe.LISTEN, ControllerRoute::localSource);
    }

    /** With another listening time or route lookup (tests). */
    public PreflightRunner(Duration listen, Function<String, Optional<String>> routes) {
        this.listen = listen;
        this.routes = routes;
    }

    public List<PreflightResult> run(Topology topology, Map<String, HostFacts> facts, Map<String, RemoteShell> shells) {
        List<PreflightResult> results = new ArrayList<>(Preflight.results(topology, facts, answeringVips(topology, facts, shells)));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, shells.size()), r -> {
            Thread thread = new Thread(r, "halab-preflight");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<List<PreflightResult>>> perHost = new ArrayList<>();
            for (Host host : topology.hosts()) {
                HostFacts f = facts.get(host.name());
                RemoteShell shell = shells.get(host.name());
                if (f != null && shell != null && f.uid() == 0) {
                    perHost.add(CompletableFuture.supplyAsync(() -> packages(host, f, shell), pool));
                }
            }
            perHost.forEach(future -> results.addAll(future.join()));
            results.addAll(vrrp(topology, facts, shells, pool));
            results.addAll(ControllerRoute.judge(topology, facts, routes));
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    /** Asks with fresh lists when the probe could not tell (no lists) or found no candidate (maybe stale lists). */
    private static List<PreflightResult> packages(Host host, HostFacts f, RemoteShell shell) {
        Optional<Distro> distro = Distros.of(f);
        if (distro.isEmpty()) {
            return List.of();
        }
        List<String> missing = distro.get().packagesFor(host).stream().filter(p -> !f.installed(p)).toList();
        boolean unsure = missing.stream().anyMatch(p -> f.candidate(p).map(HostFacts.NO_CANDIDATE::equals).orElse(true));
        if (missing.isEmpty() || !unsure) {
            return List.of();
        }
        try {
            CommandResult result = shell.run(PackageCandidates.command(distro.get().packageManager(), missing), PACKAGE_LISTS);
            PackageCandidates.Answer answer = PackageCandidates.parse(result);
            if (answer.candidates().isEmpty()) {
                return List.of(warning(host.name(), PreflightCheck.PACKAGES, text("packages.unchecked", host.name(),
                        firstNonBlank(answer.updateError(), result.stderr()))));
            }
            List<PreflightResult> results = new ArrayList<>(Preflight.packageResults(host.name(), distro.get(), missing,
                    answer.candidates()));
            if (answer.updateError() != null && results.stream().anyMatch(PreflightResult::failed)) {
                results.add(failed(host.name(), PreflightCheck.PACKAGES, text("packages.sourcesBroken", host.name(),
                        answer.updateError())));
            }
            return results;
        } catch (RemoteException e) {
            return List.of(warning(host.name(), PreflightCheck.PACKAGES, e.text()));
        }
    }

    /** VIPs nobody of the profile holds that still answer a ping from their master: another machine uses them. */
    private static Set<String> answeringVips(Topology topology, Map<String, HostFacts> facts, Map<String, RemoteShell> shells) {
        Set<String> answering = new HashSet<>();
        for (VrrpInstance instance : topology.instances()) {
            RemoteShell front = shells.get(instance.master());
            if (front == null || !Preflight.vipUnclaimed(topology, facts, instance)) {
                continue;
            }
            try {
                if (front.run(RemoteCommand.of("ping", "-c", "1", "-W", "1", "-n", instance.vip()), SHORT).ok()) {
                    answering.add(instance.vip());
                }
            } catch (RemoteException e) {
                // Not answering as far as we can tell; the connection problem shows in the next checks.
            }
        }
        return answering;
    }

    /** Both front ends listen and send at once; each then says what it heard. */
    private List<PreflightResult> vrrp(Topology topology, Map<String, HostFacts> facts, Map<String, RemoteShell> shells,
                                       ExecutorService pool) {
        List<Host> fronts = topology.frontEnds();
        for (Host host : fronts) {
            HostFacts f = facts.get(host.name());
            if (f == null || shells.get(host.name()) == null || f.uid() != 0 || !f.hasInterface(topology.interfaceOf(host))) {
                return List.of(); // not connected, not root or no such interface: already reported
            }
            if (!f.python3()) {
                return List.of(warning(host.name(), PreflightCheck.MULTICAST, text("multicast.noPython", host.name())),
                        warning(host.name(), PreflightCheck.VRID, text("vrid.noPython", host.name())));
            }
        }
        String nonce = UUID.randomUUID().toString().substring(0, 8);
        Map<String, CompletableFuture<VrrpProbe.Outcome>> running = new LinkedHashMap<>();
        for (Host host : fronts) {
            Host peer = fronts.stream().filter(h -> h != host).findFirst().orElseThrow();
            String destination = topology.vrrp().unicast() ? peer.address() : VrrpProbe.GROUP;
            RemoteCommand command = VrrpProbe.command(topology.interfaceOf(host), host.address(), destination, listen, nonce);
            RemoteShell shell = shells.get(host.name());
            running.put(host.name(), CompletableFuture.supplyAsync(() -> {
                try {
                    return VrrpProbe.parse(shell.run(command, listen.plus(SHORT)));
                } catch (RemoteException e) {
                    return VrrpProbe.Outcome.failed(e.getMessage());
                }
            }, pool));
        }
        Map<String, VrrpProbe.Outcome> outcomes = new LinkedHashMap<>();
        running.forEach((name, future) -> outcomes.put(name, future.join()));
        return VrrpVerdicts.judge(topology, facts, Collections.unmodifiableMap(outcomes), nonce);
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b == null ? "" : b.lines().filter(l -> !l.isBlank()).reduce((x, y) -> y).orElse("").strip();
    }
}
