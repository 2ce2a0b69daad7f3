package dev.halab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the lab needs to know: hosts and addresses from a VM profile
 * ({@code vm-profiles/local-lab.json}), plus where it keeps its caches and state on this machine.
 *
 * <p>The profile is read as a plain Jackson tree on purpose: the lab only needs a handful of
 * fields and stays independent of the full profile model in {@code dev.halab.core}.
 *
 * @param hosts             the lab hosts, in profile order
 * @param prefixLength      prefix length of the lab subnet (24 in the shipped profile)
 * @param hostInterface     interface name inside every host ({@code eth0})
 * @param controllerAddress address of this machine on the lab bridge ({@code 192.168.224.1})
 * @param bridge            name of the bridge in the root namespace ({@code halab0})
 * @param repoPort          TCP port of the apt repository served on the controller address
 * @param cacheDir          rootfs and apt repository cache, kept across labs ({@code /var/cache/halab})
 * @param stateDir          per-lab state: overlays, PID files, SSH key ({@code /var/lib/halab/lab})
 * @param rootPassword      root password of every host (never logged)
 */
public record LabConfig(List<LabHost> hosts, int prefixLength, String hostInterface, String controllerAddress,
                        String bridge, int repoPort, Path cacheDir, Path stateDir, String rootPassword) {

    /** The fixed, documented lab root password (like Vagrant's "vagrant"); override with HALAB_LAB_PASSWORD. */
    public static final String DEFAULT_ROOT_PASSWORD = "halab";
    public static final int DEFAULT_REPO_PORT = 8624;
    public static final Path DEFAULT_CACHE_DIR = Path.of("/var/cache/halab");
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/halab/lab");
    static final String PROFILE_FILE = "local-lab.json";

    public LabConfig {
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(controllerAddress, "controllerAddress");
        Objects.requireNonNull(rootPassword, "rootPassword");
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("the lab profile has no hosts");
        }
        if (!bridge.matches("[a-zA-Z0-9_-]{1,15}")) {
            throw new IllegalArgumentException("bad bridge name: " + bridge);
        }
        for (LabHost host : hosts) {
            if (!Ipv4.overlaps(host.address(), prefixLength, controllerAddress, prefixLength)) {
                throw new IllegalArgumentException("host " + host.name() + " (" + host.address()
                        + ") is not in the controller's subnet " + Ipv4.network(controllerAddress, prefixLength)
                        + "/" + prefixLength);
            }
        }
    }

    /** The lab subnet in CIDR form, e.g. {@code 192.168.224.0/24}. */
    public String subnet() {
        return Ipv4.network(controllerAddress, prefixLength) + "/" + prefixLength;
    }

    public LabHost host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> new LabException(LabMessages.get("error.unknownHost", name,
                        String.join(", ", hosts.stream().map(LabHost::name).toList()))));
    }

    /** Loads the profile JSON; caches, state dir and password come from the environment or defaults. */
    public static LabConfig fromProfileJson(String json, Map<String, String> env) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("lab profile is not valid JSON: " + e.getMessage(), e);
        }
        List<LabHost> hosts = new ArrayList<>();
        for (JsonNode host : required(root, "hosts")) {
            hosts.add(new LabHost(required(host, "name").asText(), required(host, "address").asText()));
        }
        JsonNode network = required(root, "network");
        JsonNode lab = required(root, "lab");
        return new LabConfig(hosts,
                required(network, "prefixLength").asInt(),
                network.path("interface").asText("eth0"),
                required(lab, "controllerAddress").asText(),
                lab.path("bridge").asText("halab0"),
                lab.path("repoPort").asInt(DEFAULT_REPO_PORT),
                Path.of(env.getOrDefault("HALAB_CACHE_DIR", DEFAULT_CACHE_DIR.toString())),
                Path.of(env.getOrDefault("HALAB_LAB_STATE_DIR", DEFAULT_STATE_DIR.toString())),
                env.getOrDefault("HALAB_LAB_PASSWORD", DEFAULT_ROOT_PASSWORD));
    }

    /**
     * The default profile: {@code $halab.projectDir/vm-profiles/local-lab.json}, else
     * {@code ./vm-profiles/local-lab.json}, else the copy packaged on the classpath.
     */
    public static LabConfig load() {
        List<Path> candidates = new ArrayList<>();
        String projectDir = System.getProperty("halab.projectDir");
        if (projectDir != null) {
            candidates.add(Path.of(projectDir, "vm-profiles", PROFILE_FILE));
        }
        candidates.add(Path.of("vm-profiles", PROFILE_FILE));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return load(candidate);
            }
        }
        try (InputStream in = LabConfig.class.getResourceAsStream("/vm-profiles/" + PROFILE_FILE)) {
            if (in == null) {
                throw new LabException("vm-profiles/" + PROFILE_FILE + " not found");
            }
            return fromProfileJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), System.getenv());
        } catch (IOException e) {
            throw new LabException("cannot read the lab profile: " + e.getMessage(), e);
        }
    }

    public static LabConfig load(Path profile) {
        try {
            return fromProfileJson(Files.readString(profile), System.getenv());
        } catch (IOException e) {
            throw new LabException("cannot read the lab profile " + profile + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("lab profile: missing field '" + field + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        // A record's default toString would print the password.
        return "LabConfig[hosts=" + hosts + ", subnet=" + subnet() + ", bridge=" + bridge
                + ", cacheDir=" + cacheDir + ", stateDir=" + stateDir + "]";
    }
}
