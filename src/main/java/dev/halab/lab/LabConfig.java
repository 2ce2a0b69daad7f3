package dev.halab.lab;

import dev.halab.core.i18n.LocalizedText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.halab.core.resources.ProjectResources;
import dev.halab.core.topology.Ipv4;
import dev.halab.core.topology.Ipv4Subnet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the lab needs to know: hosts and addresses from a VM profile
 * ({@code vm-profiles/local-lab.json}), plus where it keeps its caches and state on this machine.
 *
 * <p>The profile is read as a plain Jackson tree on purpose: the lab only needs a handful of
 * fields and stays independent of the full profile model in {@code dev.halab.core}. Addresses
 * follow the program's one IPv4 model ({@link Ipv4}: no leading zeros). A bad profile gives a
 * {@link LabException} with a localized message naming the field.
 *
 * @param hosts             the lab hosts, in profile order
 * @param prefixLength      prefix length of the lab subnet, /24 or longer (24 in the shipped profile)
 * @param hostInterface     interface name inside every host ({@code eth0})
 * @param controllerAddress address of this machine on the lab bridge ({@code 192.168.224.1})
 * @param bridge            name of the bridge in the root namespace ({@code halab0})
 * @param repoPort          TCP port of the apt repository served on the controller address
 * @param cacheDir          rootfs and apt repository cache, kept across labs ({@code /var/cache/halab})
 * @param stateDir          per-lab state: overlays, PID files, SSH key, root password ({@code /var/lib/halab/lab})
 * @param suite             Debian release of the hosts ({@code lab.suite}, default {@value #DEFAULT_SUITE})
 * @param hostSuites        per-host releases that differ from {@code suite} ({@code lab.hostSuites})
 */
public record LabConfig(List<LabHost> hosts, int prefixLength, String hostInterface, String controllerAddress,
                        String bridge, int repoPort, Path cacheDir, Path stateDir, String suite,
                        Map<String, String> hostSuites) {

    /** The Debian releases the lab can boot, oldest first: what students' VMs run. */
    public static final List<String> SUPPORTED_SUITES = List.of("bullseye", "bookworm", "trixie");
    public static final String DEFAULT_SUITE = "bookworm";

    public static final int DEFAULT_REPO_PORT = 8624;
    public static final Path DEFAULT_CACHE_DIR = Path.of("/var/cache/halab");
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/halab/lab");
    /** The lab's whole subnet is blackholed and firewalled: wider than a /24 it would shadow too much. */
    public static final int SHORTEST_PREFIX = 24;
    static final String DEFAULT_PROFILE = "local-lab";

    public LabConfig {
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(controllerAddress, "controllerAddress");
        if (hosts.isEmpty()) {
            throw new LabException(LabMessages.text("profile.noHosts"));
        }
        if (prefixLength < SHORTEST_PREFIX || prefixLength > 30) {
            throw new LabException(LabMessages.text("profile.prefixLength", prefixLength, SHORTEST_PREFIX));
        }
        if (!bridge.matches("[a-zA-Z0-9_-]{1,15}")) {
            throw new LabException(LabMessages.text("profile.bridgeName", bridge));
        }
        hostSuites = Map.copyOf(hostSuites);
        requireSupported("lab.suite", suite);
        for (Map.Entry<String, String> entry : new java.util.TreeMap<>(hostSuites).entrySet()) {
            if (hosts.stream().noneMatch(h -> h.name().equals(entry.getKey()))) {
                throw new LabException(LabMessages.text("profile.suiteHost", entry.getKey()));
            }
            requireSupported("lab.hostSuites." + entry.getKey(), entry.getValue());
        }
        Ipv4Subnet subnet = Ipv4Subnet.of(address("lab.controllerAddress", controllerAddress), prefixLength);
        for (LabHost host : hosts) {
            if (!subnet.contains(Ipv4.of(host.address()))) {
                throw new LabException(LabMessages.text("profile.hostOutsideSubnet", host.name(), host.address(), subnet));
            }
        }
    }

    /** The lab subnet in CIDR form, e.g. {@code 192.168.224.0/24}. */
    public String subnet() {
        return Ipv4Subnet.of(Ipv4.of(controllerAddress), prefixLength).toString();
    }

    /** The Debian release a host runs, e.g. {@code bullseye}. */
    public String suiteOf(LabHost host) {
        return hostSuites.getOrDefault(host.name(), suite);
    }

    /** Every release some host runs, in {@link #SUPPORTED_SUITES} order. */
    public List<String> suites() {
        return SUPPORTED_SUITES.stream().filter(s -> hosts.stream().anyMatch(h -> suiteOf(h).equals(s))).toList();
    }

    private static void requireSupported(String field, String suite) {
        if (!SUPPORTED_SUITES.contains(suite)) {
            throw new LabException(LabMessages.text("profile.suite", field, suite, String.join(", ", SUPPORTED_SUITES)));
        }
    }

    public LabHost host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> new LabException(LabMessages.text("error.unknownHost", name,
                        String.join(", ", hosts.stream().map(LabHost::name).toList()))));
    }

    /** Loads the profile JSON; caches and state dir come from the environment or defaults. */
    public static LabConfig fromProfileJson(String json, Map<String, String> env) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new LabException(LabMessages.text("profile.notJson", e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new LabException(LabMessages.text("profile.notJson", "not a JSON object"));
        }
        List<LabHost> hosts = new ArrayList<>();
        JsonNode hostList = required(root, "hosts", "hosts");
        for (int i = 0; i < hostList.size(); i++) {
            JsonNode host = hostList.get(i);
            String at = "hosts[" + i + "]";
            String name = required(host, "name", at + ".name").asText();
            String address = address(at + ".address", required(host, "address", at + ".address").asText()).toString();
            try {
                hosts.add(new LabHost(name, address));
            } catch (IllegalArgumentException e) {
                throw new LabException(LabMessages.text("profile.hostName", at + ".name", name, e.getMessage()), e);
            }
        }
        JsonNode network = required(root, "network", "network");
        JsonNode lab = required(root, "lab", "lab");
        return new LabConfig(hosts,
                required(network, "prefixLength", "network.prefixLength").asInt(),
                network.path("interface").asText("eth0"),
                required(lab, "controllerAddress", "lab.controllerAddress").asText(),
                lab.path("bridge").asText("halab0"),
                lab.path("repoPort").asInt(DEFAULT_REPO_PORT),
                Path.of(env.getOrDefault("HALAB_CACHE_DIR", DEFAULT_CACHE_DIR.toString())),
                Path.of(env.getOrDefault("HALAB_LAB_STATE_DIR", DEFAULT_STATE_DIR.toString())),
                lab.path("suite").asText(DEFAULT_SUITE),
                hostSuites(lab.path("hostSuites")));
    }

    private static Map<String, String> hostSuites(JsonNode node) {
        Map<String, String> suites = new java.util.LinkedHashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> suites.put(e.getKey(), e.getValue().asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            throw new LabException(LabMessages.text("profile.missingField", "lab.hostSuites {}"));
        }
        return suites;
    }

    /** The default lab profile, {@code vm-profiles/local-lab.json}. See {@link #load(String)}. */
    public static LabConfig load() {
        return load(DEFAULT_PROFILE);
    }

    /**
     * A lab profile by name, e.g. {@code local-lab}, found like every other resource of the
     * program ({@link ProjectResources}: the {@code halab.home} folder, else the packaged copy);
     * never from the current folder by accident.
     */
    public static LabConfig load(String profileName) {
        String resource = "vm-profiles/" + profileName + ".json";
        try (InputStream in = ProjectResources.open(resource)) {
            if (in == null) {
                throw new LabException(LabMessages.text("profile.notFound", resource));
            }
            return fromProfileJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), System.getenv());
        } catch (IOException e) {
            throw new LabException(LabMessages.text("profile.unreadable", resource, e.getMessage()), e);
        }
    }

    /** A profile file given by its path (tests, a teacher's own lab profile). */
    public static LabConfig load(Path profile) {
        try {
            return fromProfileJson(Files.readString(profile), System.getenv());
        } catch (IOException e) {
            throw new LabException(LabMessages.text("profile.unreadable", profile, e.getMessage()), e);
        }
    }

    private static Ipv4 address(String field, String text) {
        Optional<Ipv4.Problem> problem = Ipv4.problem(text);
        if (problem.isPresent()) {
            LocalizedText reason = LabMessages.text("profile.address." + problem.get().name());
            throw new LabException(LabMessages.text("profile.address", field, text, reason));
        }
        return Ipv4.of(text);
    }

    private static JsonNode required(JsonNode node, String field, String path) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            throw new LabException(LabMessages.text("profile.missingField", path));
        }
        return value;
    }
}
