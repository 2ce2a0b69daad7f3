package dev.halab.core.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole lab as a user describes it: machines with roles, VRRP instances and their VIPs, and
 * the nginx / tomcat settings. It is what a VM profile holds and what every step reads. Values are
 * not checked here: {@link TopologyValidator} reports every problem at once, with field names.
 * The description is written by the profile's author, so it is data, not a bundle text: English in
 * {@code description}, Simplified Chinese in {@code description_zh_CN} (optional), and
 * {@link #description(Locale)} picks the one to show.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Topology(int schemaVersion, String name, String description,
                       @JsonProperty("description_zh_CN") String descriptionChinese, Mode mode,
                       NetworkSettings network, List<Host> hosts, VrrpSettings vrrp, NginxSettings nginx,
                       TomcatSettings tomcat, LabSettings lab) {

    public static final int SCHEMA_VERSION = 1;

    public Topology {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }

    /** The description in the given language: the Chinese one when asked for and present, else the default. */
    public String description(Locale locale) {
        boolean chinese = locale != null && "zh".equals(locale.getLanguage());
        return chinese && descriptionChinese != null && !descriptionChinese.isBlank() ? descriptionChinese : description;
    }

    @JsonIgnore
    public List<Host> frontEnds() {
        return hosts.stream().filter(Host::isFrontEnd).toList();
    }

    @JsonIgnore
    public List<Host> backEnds() {
        return hosts.stream().filter(Host::isBackEnd).toList();
    }

    public Optional<Host> findHost(String hostName) {
        return hosts.stream().filter(h -> Objects.equals(h.name(), hostName)).findFirst();
    }

    public Host host(String hostName) {
        return findHost(hostName).orElseThrow(() -> new NoSuchElementException("no host named " + hostName));
    }

    /** The interface keepalived uses on this host: its own override, else the profile's. */
    public String interfaceOf(Host host) {
        return host.interfaceName() != null ? host.interfaceName() : network.interfaceName();
    }

    @JsonIgnore
    public List<VrrpInstance> instances() {
        return vrrp.instances();
    }

    public Host masterOf(VrrpInstance instance) {
        return host(instance.master());
    }

    /** The other front end, which backs this instance up. */
    public Host backupOf(VrrpInstance instance) {
        return frontEnds().stream().filter(h -> !Objects.equals(h.name(), instance.master())).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no backup front end for " + instance.name()));
    }

    public int priorityOf(Host host, VrrpInstance instance) {
        return Objects.equals(host.name(), instance.master()) ? vrrp.masterPriority() : vrrp.backupPriority();
    }

    /**
     * The state keepalived starts in. With nopreempt both nodes must start as BACKUP, because
     * keepalived ignores nopreempt on an instance whose initial state is MASTER. With AH
     * authentication too: keepalived clears a MASTER initial state there ("incompatible with AH
     * authentication") and {@code keepalived -t} fails. The higher priority still wins.
     */
    public String initialStateOf(Host host, VrrpInstance instance) {
        boolean ah = vrrp.authentication() != null && "AH".equals(vrrp.authentication().type());
        if (!vrrp.preempt() || ah) {
            return "BACKUP";
        }
        return Objects.equals(host.name(), instance.master()) ? "MASTER" : "BACKUP";
    }

    /** The instance whose master the given front end is, in the primary mode's single instance. */
    @JsonIgnore
    public VrrpInstance primaryInstance() {
        return vrrp.instances().get(0);
    }

    public Topology withHosts(List<Host> newHosts) {
        return new Topology(schemaVersion, name, description, descriptionChinese, mode, network, newHosts, vrrp, nginx, tomcat, lab);
    }

    public Topology withVrrp(VrrpSettings newVrrp) {
        return new Topology(schemaVersion, name, description, descriptionChinese, mode, network, hosts, newVrrp, nginx, tomcat, lab);
    }

    /** This topology with the VRRP key masked: generated files rendered from it are fit to hand in. */
    public Topology withVrrpKeyMasked() {
        if (vrrp == null || vrrp.authentication() == null) {
            return this;
        }
        return withVrrp(new VrrpSettings(vrrp.version(), vrrp.advertInterval(), vrrp.preempt(), vrrp.unicast(),
                vrrp.masterPriority(), vrrp.backupPriority(), vrrp.authentication().masked(), vrrp.checkScript(), vrrp.instances()));
    }

    public Topology withNetwork(NetworkSettings newNetwork) {
        return new Topology(schemaVersion, name, description, descriptionChinese, mode, newNetwork, hosts, vrrp, nginx, tomcat, lab);
    }

    public Topology withMode(Mode newMode) {
        return new Topology(schemaVersion, name, description, descriptionChinese, newMode, network, hosts, vrrp, nginx, tomcat, lab);
    }
}
