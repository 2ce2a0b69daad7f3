package dev.halab.core.verify;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.event.RunEvent;
import dev.halab.core.event.RunListener;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.remote.RemoteShell;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.step.StepTexts;
import dev.halab.core.template.HostFiles;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tutorial's check, automated. From this machine, {@code requests} HTTP requests go to
 * {@code http://VIP:port/}; each must be answered by the master's nginx ({@code X-Served-By}
 * header, e.g. NGINX-1, and the page body), and the answers must alternate between the tomcats
 * ({@code X-Tomcat} header). Over SSH, {@code ip -o addr} on both front ends shows the VIP on
 * the master only. Changes nothing anywhere.
 */
public final class Verifier {
    public static final int DEFAULT_REQUESTS = 10;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** The first request after an install compiles the JSP: allow for it. */
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(20);
    private static final String SERVED_BY = "X-Served-By";
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final ShellFactory shells;
    private final int requests;

    public Verifier(ShellFactory shells, int requests) {
        this.shells = shells;
        this.requests = requests;
    }

    public VerifyReport verify(Topology topology, RunListener listener) {
        listener.onEvent(new RunEvent.RunStarted(Instant.now(), "verify",
                topology.frontEnds().stream().map(Host::name).toList()));
        List<VerifyReport.Check> checks = new ArrayList<>();
        Map<String, List<String>> holders = vipHolders(topology, checks, listener);
        List<String> tomcats = new ArrayList<>();
        List<String> servedBy = new ArrayList<>();
        for (VrrpInstance instance : topology.instances()) {
            httpChecks(topology, instance, checks, tomcats, servedBy, listener);
        }
        long failed = checks.stream().filter(c -> !c.passed()).count();
        LocalizedText summary = summary(checks);
        listener.onEvent(new RunEvent.RunFinished(Instant.now(), failed == 0, 0, checks.size() - (int) failed,
                (int) failed, summary));
        return new VerifyReport(failed == 0, checks, tomcats, servedBy, holders);
    }

    /**
     * Who holds each VIP, read on both front ends. Right after an install the election is still
     * running (a backup waits 3 x advert_int + skew before it claims the VIP), so this looks again
     * until every VIP is on its master alone or the settle time is over.
     */
    private Map<String, List<String>> vipHolders(Topology topology, List<VerifyReport.Check> checks, RunListener listener) {
        Map<String, List<String>> holders = new LinkedHashMap<>();
        Map<String, RemoteShell> open = new LinkedHashMap<>();
        try {
            for (Host front : topology.frontEnds()) {
                try {
                    open.put(front.name(), shells.open(front));
                } catch (RemoteException e) {
                    record(checks, listener, front.name(), "verify.ssh", false, e.text());
                }
            }
            long settleMillis = 2000 + 5 * topology.vrrp().advertInterval().multiply(java.math.BigDecimal.valueOf(1000)).longValue();
            long deadline = System.currentTimeMillis() + settleMillis;
            while (true) {
                holders.clear();
                Map<String, String> addresses = new LinkedHashMap<>();
                for (Map.Entry<String, RemoteShell> entry : open.entrySet()) {
                    try {
                        addresses.put(entry.getKey(), entry.getValue().run(RemoteCommand.of("ip", "-o", "-4", "addr", "show"),
                                Duration.ofSeconds(15)).stdout());
                    } catch (RemoteException e) {
                        addresses.put(entry.getKey(), "");
                    }
                }
                for (VrrpInstance instance : topology.instances()) {
                    List<String> on = new ArrayList<>();
                    addresses.forEach((host, text) -> {
                        if (holdsAddress(text, instance.vip())) {
                            on.add(host);
                        }
                    });
                    holders.put(instance.vip(), on);
                }
                boolean settled = topology.instances().stream()
                        .allMatch(i -> holders.get(i.vip()).equals(List.of(i.master())));
                if (settled || System.currentTimeMillis() > deadline) {
                    break;
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.values().forEach(RemoteShell::close);
        }
        for (VrrpInstance instance : topology.instances()) {
            List<String> on = holders.getOrDefault(instance.vip(), List.of());
            String master = instance.master();
            boolean ok = on.equals(List.of(master));
            record(checks, listener, master, "verify.vip", ok, ok ? StepTexts.text("verify.vipOnMaster", instance.vip(), master)
                    : StepTexts.text("verify.vipWrong", instance.vip(), master, on.isEmpty() ? "-" : String.join(", ", on)));
        }
        return holders;
    }

    /**
     * What is wrong with one answer through the VIP, most telling reason first: an error status says
     * nginx answered but could not get a page (a 502/504 is tomcat unreachable, not a wrong front end);
     * only a good answer from another nginx is a wrong front end.
     */
    static Optional<LocalizedText> responseProblem(int request, URI uri, int status, String servedBy,
                                                             boolean bodyNamesNginx, String masterNginx) {
        if (status != 200) {
            String meaning = switch (status) {
                case 502, 503, 504 -> "verify.status.upstream";
                case 404 -> "verify.status.notFound";
                default -> "verify.status.other";
            };
            return Optional.of(StepTexts.text("verify.badStatus", request, uri, status, servedBy,
                    StepTexts.text(meaning)));
        }
        if (!masterNginx.equals(servedBy)) {
            return Optional.of(StepTexts.text("verify.wrongFrontEnd", request, uri, servedBy, masterNginx));
        }
        if (!bodyNamesNginx) {
            return Optional.of(StepTexts.text("verify.bodyWithoutNginx", request, uri, masterNginx));
        }
        return Optional.empty();
    }

    /** One answer through the VIP: status, the two naming headers, and the start of the page. */
    record PageAnswer(int status, String servedBy, String tomcat, String bodyHead) {
    }

    /**
     * Sends one request and reads at most {@value #MAX_BODY_BYTES} bytes of the page: the check
     * page is small, and whatever answers on the VIP (a wrong server, a looping app) must not be
     * able to make the controller buffer without end.
     */
    static PageAnswer fetch(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        String head;
        try (InputStream body = response.body()) {
            head = new String(body.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
        }
        return new PageAnswer(response.statusCode(), response.headers().firstValue(SERVED_BY).orElse("-"),
                response.headers().firstValue(HostFiles.TOMCAT_HEADER).orElse("-"), head);
    }

    /** True when an {@code ip -o -4 addr} listing has the address (any prefix length). */
    static boolean holdsAddress(String ipAddrOutput, String address) {
        return ipAddrOutput.lines().anyMatch(line -> line.contains(" inet " + address + "/"));
    }

    private void httpChecks(Topology topology, VrrpInstance instance, List<VerifyReport.Check> checks,
                            List<String> tomcats, List<String> servedBy, RunListener listener) {
        Host master = topology.masterOf(instance);
        URI uri = URI.create("http://" + instance.vip() + (topology.nginx().port() == 80 ? "" : ":" + topology.nginx().port()) + "/");
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        List<String> seen = new ArrayList<>();
        boolean allOk = true;
        for (int i = 1; i <= requests; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).header("Cache-Control", "no-cache").GET().build();
            try {
                PageAnswer answer = fetch(client, request);
                String by = answer.servedBy();
                String tomcat = answer.tomcat();
                servedBy.add(by);
                tomcats.add(tomcat);
                seen.add(tomcat);
                boolean bodyNamesNginx = answer.bodyHead().contains(master.nginxHeader());
                Optional<LocalizedText> problem = responseProblem(i, uri, answer.status(), by, bodyNamesNginx,
                        master.nginxHeader());
                if (problem.isPresent()) {
                    allOk = false;
                    record(checks, listener, master.name(), "verify.http", false, problem.get());
                }
            } catch (IOException e) {
                allOk = false;
                record(checks, listener, master.name(), "verify.http", false,
                        StepTexts.text("verify.requestFailed", i, uri, String.valueOf(e.getMessage() == null ? e : e.getMessage())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Set<String> expected = new LinkedHashSet<>(topology.backEnds().stream().map(Host::address).toList());
        Set<String> distinct = new LinkedHashSet<>(seen);
        List<String> missing = expected.stream().filter(a -> !distinct.contains(a)).toList();
        if (!missing.isEmpty()) {
            allOk = false;
            record(checks, listener, master.name(), "verify.backends", false, StepTexts.text("verify.missingBackEnd",
                    String.join(", ", distinct), uri, String.join(", ", missing)));
        } else if (!alternates(seen, equalWeights(topology) ? expected.size() : 1)) {
            allOk = false;
            record(checks, listener, master.name(), "verify.backends", false, StepTexts.text("verify.noAlternation", seen));
        }
        if (allOk) {
            record(checks, listener, master.name(), "verify.http", true, StepTexts.text("verify.requests", requests, uri,
                    master.nginxHeader(), String.join(" ", seen)));
        }
    }

    private static boolean equalWeights(Topology topology) {
        return topology.backEnds().stream().map(Host::effectiveUpstreamWeight).distinct().count() <= 1;
    }

    /**
     * Round robin with equal weights: the tomcats take turns. Each nginx worker process keeps its
     * own round-robin position (no shared upstream zone), so two answers in a row from the same
     * tomcat can happen when requests land on different workers; three in a row cannot.
     */
    static boolean alternates(List<String> seen, int backEnds) {
        if (backEnds < 2) {
            return true;
        }
        for (int i = 2; i < seen.size(); i++) {
            if (seen.get(i).equals(seen.get(i - 1)) && seen.get(i).equals(seen.get(i - 2))) {
                return false;
            }
        }
        return true;
    }

    /** "verify passed: 2 of 2 checks." (each check is its own step with its own text), or how many failed. */
    static LocalizedText summary(List<VerifyReport.Check> checks) {
        long failed = checks.stream().filter(c -> !c.passed()).count();
        return failed == 0 ? StepTexts.text("verify.summary.ok", checks.size())
                : StepTexts.text("verify.summary.failed", failed);
    }

    private static void record(List<VerifyReport.Check> checks, RunListener listener, String host, String id, boolean ok,
                               LocalizedText text) {
        checks.add(new VerifyReport.Check(ok, text));
        listener.onEvent(new RunEvent.StepStarted(Instant.now(), host, id, StepTexts.text("verify.step." + id.substring("verify.".length()))));
        listener.onEvent(ok ? new RunEvent.StepChanged(Instant.now(), host, id, text)
                : new RunEvent.StepFailed(Instant.now(), host, id, text));
    }
}
