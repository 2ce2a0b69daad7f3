package dev.halab.core.template;

import dev.halab.core.facts.Distro;
import dev.halab.core.facts.Distros;
import dev.halab.core.topology.Authentication;
import dev.halab.core.topology.CheckScript;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Problem;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.TopologyValidator;
import dev.halab.core.topology.VrrpInstance;
import dev.halab.core.topology.VrrpSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every file HA Lab writes to a host, rendered from the templates under {@code installers/}.
 * Front ends get the nginx site, keepalived.conf and keepalived's two scripts; back ends get the
 * tomcat test page. The install engine uploads exactly this list, so a file added here is
 * installed everywhere without touching the engine. Paths that differ between releases (the
 * nginx site folder, tomcat's webapps) come from the host's {@link Distro}.
 *
 * <pre>{@code
 * for (GeneratedFile file : HostFiles.forHost(topology, topology.host("nginx1"), Distros.DEBIAN_12)) {
 *     upload(file.path(), file.content(), file.modeOctal());
 * }
 * }</pre>
 */
public final class HostFiles {
    public static final String KEEPALIVED_CONF = "/etc/keepalived/keepalived.conf";
    public static final String CHECK_SCRIPT = "/etc/keepalived/check_nginx.sh";
    public static final String NOTIFY_SCRIPT = "/etc/keepalived/notify.sh";
    /** Written by {@link #NOTIFY_SCRIPT}: one line {@code EPOCH_MILLIS HOST INSTANCE STATE PRIORITY} per change. */
    public static final String VRRP_STATE_LOG = "/var/log/halab/vrrp-state.log";
    /** Answered by nginx itself (204, loopback only): what the check script asks. */
    public static final String HEALTH_PATH = "/halab-health";
    /** Response header the tomcat page sets to its own address. */
    public static final String TOMCAT_HEADER = "X-Tomcat";

    private static final int CONFIG = 0644;
    private static final int SCRIPT = 0755;
    /**
     * Two failed checks in a row before the priority drops: one slow answer under load does not
     * move the VIP; two successes before it rises again, so a flapping nginx does not either.
     */
    /** Failed checks in a row before keepalived applies the weight (the failover timing reads it). */
    public static final int CHECK_FALL = 2;
    /** Passed checks in a row before a failed check counts as healthy again (a restarted node waits for it). */
    public static final int CHECK_RISE = 2;

    private HostFiles() {
    }

    /** Where a run takes a host's files from: {@link #forHost(Topology, Host, Distro)}, or another source in tests. */
    @FunctionalInterface
    public interface Source {
        List<GeneratedFile> forHost(Topology topology, Host host, Distro distro);
    }

    /** The files for a host of the reference release ({@link Distros#REFERENCE}): render and golden files. */
    public static List<GeneratedFile> forHost(Topology topology, Host host) {
        return forHost(topology, host, Distros.REFERENCE);
    }

    /**
     * @throws IllegalArgumentException if the topology has validation errors (validate first) or
     *                                  the host is not part of it
     */
    public static List<GeneratedFile> forHost(Topology topology, Host host, Distro distro) {
        List<Problem> errors = TopologyValidator.validate(topology).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("cannot render files for an invalid topology: "
                    + errors.get(0).render(java.util.Locale.ENGLISH));
        }
        if (!topology.hosts().contains(host)) {
            throw new IllegalArgumentException("host " + host.name() + " is not part of topology " + topology.name());
        }
        List<GeneratedFile> files = new ArrayList<>();
        if (host.isFrontEnd()) {
            files.add(new GeneratedFile(distro.nginxSite(),
                    TemplateRenderer.render("nginx/halab-tomcat.conf.mustache", nginxSite(topology, host)), CONFIG));
            files.add(new GeneratedFile(KEEPALIVED_CONF,
                    TemplateRenderer.render("keepalived/keepalived.conf.mustache", keepalivedConf(topology, host)), CONFIG));
            files.add(new GeneratedFile(CHECK_SCRIPT,
                    TemplateRenderer.render("keepalived/check_nginx.sh.mustache", checkScript(topology, host)), SCRIPT));
            files.add(new GeneratedFile(NOTIFY_SCRIPT,
                    TemplateRenderer.render("keepalived/notify.sh.mustache", notifyScript(host)), SCRIPT));
        }
        if (host.isBackEnd()) {
            files.add(new GeneratedFile(distro.tomcatIndex(),
                    TemplateRenderer.render("tomcat/index.jsp.mustache", tomcatIndex(topology, host)), CONFIG));
        }
        return List.copyOf(files);
    }

    /** Every host's files, by host name, in profile order. */
    public static Map<String, List<GeneratedFile>> forAllHosts(Topology topology) {
        Map<String, List<GeneratedFile>> all = new LinkedHashMap<>();
        for (Host host : topology.hosts()) {
            all.put(host.name(), forHost(topology, host));
        }
        return all;
    }

    private static Map<String, Object> nginxSite(Topology t, Host host) {
        List<Map<String, Object>> servers = t.backEnds().stream().map(b -> Map.<String, Object>of(
                "name", b.name(), "address", b.address(), "port", t.tomcat().port(),
                "weight", b.effectiveUpstreamWeight())).toList();
        return Map.of(
                "hostName", host.name(),
                "listenPort", t.nginx().port(),
                "nginxHeader", host.nginxHeader(),
                "healthPath", HEALTH_PATH,
                "servers", servers);
    }

    private static Map<String, Object> keepalivedConf(Topology t, Host host) {
        VrrpSettings vrrp = t.vrrp();
        CheckScript check = vrrp.checkScript();
        List<Map<String, Object>> instances = new ArrayList<>();
        for (VrrpInstance instance : vrrp.instances()) {
            Host peer = host.name().equals(instance.master()) ? t.backupOf(instance) : t.masterOf(instance);
            Authentication auth = vrrp.authentication();
            instances.add(Map.ofEntries(
                    Map.entry("name", instance.name()),
                    Map.entry("intendedRole", host.name().equals(instance.master()) ? "master" : "backup"),
                    Map.entry("state", t.initialStateOf(host, instance)),
                    Map.entry("interface", t.interfaceOf(host)),
                    Map.entry("vrid", instance.vrid()),
                    Map.entry("priority", t.priorityOf(host, instance)),
                    Map.entry("advertInterval", vrrp.advertInterval().stripTrailingZeros().toPlainString()),
                    Map.entry("nopreempt", !vrrp.preempt()),
                    Map.entry("multicast", !vrrp.unicast()),
                    Map.entry("unicast", vrrp.unicast()),
                    Map.entry("sourceAddress", host.address()),
                    Map.entry("peerAddress", peer.address()),
                    Map.entry("authentication", auth == null ? List.of()
                            : List.of(Map.of("type", auth.type(), "password", auth.password()))),
                    Map.entry("vip", instance.vip())));
        }
        return Map.of(
                "hostName", host.name(),
                "vrrpVersion3", vrrp.version() == 3,
                // Without a check script there is no vrrp_script nor track_script; the validator warns.
                "checkScript", check == null ? List.of() : List.of(Map.of(
                        "path", CHECK_SCRIPT, "interval", check.interval(), "weight", check.weight(),
                        "fall", CHECK_FALL, "rise", CHECK_RISE)),
                "notifyScript", NOTIFY_SCRIPT,
                "instances", instances);
    }

    private static Map<String, Object> checkScript(Topology t, Host host) {
        return Map.of("hostName", host.name(), "port", t.nginx().port(), "healthPath", HEALTH_PATH);
    }

    private static Map<String, Object> notifyScript(Host host) {
        return Map.of("hostName", host.name(), "logFile", VRRP_STATE_LOG);
    }

    private static Map<String, Object> tomcatIndex(Topology t, Host host) {
        return Map.of("hostName", host.name(), "address", host.address(), "tomcatHeader", TOMCAT_HEADER);
    }
}
