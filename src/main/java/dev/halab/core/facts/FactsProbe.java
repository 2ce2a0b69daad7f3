package dev.halab.core.facts;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.remote.RemoteShell;
import dev.halab.core.resources.ProjectResources;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers a host's {@link HostFacts} in one round trip: a read-only shell script
 * ({@code resources/install/facts-probe.sh}) that prints one fact per line, parsed here.
 * One round trip per host keeps a no-change re-run fast.
 */
public final class FactsProbe {
    private static final String SCRIPT_RESOURCE = "install/facts-probe.sh";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private FactsProbe() {
    }

    /** The probe as a command: {@code sh -c SCRIPT halab-facts FILE...}, run as root. */
    public static RemoteCommand command(Collection<String> files) {
        String script = ProjectResources.readString(SCRIPT_RESOURCE)
                .orElseThrow(() -> new IllegalStateException(SCRIPT_RESOURCE + " is missing from the build"));
        // The lists come first in the script's text, so they stay out of the command's arguments.
        String withLists = "HALAB_SERVICES='" + String.join(" ", Distros.allServices()) + "'\n"
                + "HALAB_PACKAGES='" + String.join(" ", Distros.allPackages()) + "'\n" + script;
        List<String> parts = new ArrayList<>(List.of("sh", "-c", withLists, "halab-facts"));
        parts.addAll(files);
        return RemoteCommand.of(parts).asRoot();
    }

    public static HostFacts gather(RemoteShell shell, Collection<String> files) throws RemoteException {
        CommandResult result = shell.run(command(files), TIMEOUT);
        if (!result.stdout().contains("end\tok")) {
            throw new RemoteException(RemoteException.Kind.IO, LocalizedText.of("install", "facts.failed",
                    shell.hostName(), result.exitCode(), firstLine(result.stderr())), null);
        }
        return parse(result.stdout());
    }

    private static String firstLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    }

    /** Parses the probe's output; unknown lines are ignored so the script can grow. */
    public static HostFacts parse(String output) {
        int uid = -1;
        String osId = "";
        String osVersion = "";
        String osLike = "";
        String pretty = "";
        boolean apt = false;
        boolean aptLists = false;
        InitSystem init = InitSystem.UNKNOWN;
        Map<String, String> packages = new HashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> fileModes = new LinkedHashMap<>();
        Map<String, ServiceState> services = new LinkedHashMap<>();
        List<String> links = new ArrayList<>();
        List<InterfaceAddress> addresses = new ArrayList<>();
        long disk = -1;
        List<String> busy = new ArrayList<>();
        int nonlocal = 0;
        Firewall firewall = Firewall.NONE;
        Optional<Manifest> manifest = Optional.empty();
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        Map<String, String> candidates = new HashMap<>();
        boolean python3 = false;
        String machineId = "";
        Map<String, String> macs = new LinkedHashMap<>();
        List<String> hostKeys = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "uid" -> uid = parseInt(f[1], -1);
                case "os" -> {
                    osId = field(f, 1);
                    osVersion = field(f, 2);
                    osLike = field(f, 3);
                    pretty = field(f, 4);
                }
                case "apt" -> apt = "yes".equals(field(f, 1));
                case "aptlists" -> aptLists = "yes".equals(field(f, 1));
                case "init" -> init = switch (field(f, 1)) {
                    case "systemd" -> InitSystem.SYSTEMD;
                    case "sysv" -> InitSystem.SYSV;
                    default -> InitSystem.UNKNOWN;
                };
                case "pkg" -> {
                    // "installed" only: "config-files" (removed, not purged) is not installed.
                    if (f.length >= 4 && "installed".equals(f[1])) {
                        packages.put(f[2], f[3]);
                    }
                }
                case "file" -> {
                    if (f.length >= 3) {
                        files.put(f[2], f[1]);
                    }
                }
                case "filemeta" -> {
                    if (f.length >= 4) {
                        fileModes.put(f[3], f[1] + " " + f[2]);
                    }
                }
                case "service" -> {
                    if (f.length >= 4) {
                        services.put(f[1], new ServiceState(f[1], "active".equals(f[2]),
                                "enabled".equals(f[3]) || "static".equals(f[3]) || "alias".equals(f[3])));
                    }
                }
                case "link" -> links.add(field(f, 1));
                case "addr" -> {
                    String[] cidr = field(f, 2).split("/");
                    if (cidr.length == 2) {
                        addresses.add(new InterfaceAddress(field(f, 1), cidr[0], parseInt(cidr[1], 32)));
                    }
                }
                case "disk" -> disk = parseLong(field(f, 1));
                case "aptbusy" -> {
                    for (String pid : field(f, 1).trim().split("\\s+")) {
                        if (!pid.isEmpty()) {
                            busy.add(pid);
                        }
                    }
                }
                case "nonlocalbind" -> nonlocal = parseInt(field(f, 1), 0);
                case "firewall" -> firewall = switch (field(f, 1)) {
                    case "ufw" -> new Firewall(Firewall.Kind.UFW, "vrrp-open".equals(field(f, 2)));
                    case "firewalld" -> new Firewall(Firewall.Kind.FIREWALLD, "vrrp-open".equals(field(f, 2)));
                    case "nftables" -> new Firewall(Firewall.Kind.NFTABLES, "vrrp-open".equals(field(f, 2)));
                    default -> Firewall.NONE;
                };
                case "user" -> users.add(field(f, 1));
                case "group" -> groups.add(field(f, 1));
                case "manifest" -> manifest = Optional.of(readManifest(field(f, 1)));
                case "candidate" -> {
                    if (f.length >= 3) {
                        candidates.put(f[1], f[2]);
                    }
                }
                case "python3" -> python3 = "yes".equals(field(f, 1));
                case "machineid" -> machineId = field(f, 1).trim();
                case "mac" -> {
                    if (f.length >= 3) {
                        macs.put(f[1], f[2]);
                    }
                }
                case "hostkey" -> hostKeys.add(field(f, 1));
                default -> { }
            }
        }
        return new HostFacts(uid, osId, osVersion, osLike, pretty, apt, aptLists, init, packages, files, services,
                links, addresses, disk, busy, nonlocal, firewall, users, groups, manifest, candidates, python3,
                new Identity(machineId, macs, hostKeys), fileModes);
    }

    /** A manifest that cannot be read is reported as damaged, never as "nothing installed" (see {@link Manifest#read}). */
    static Manifest readManifest(String base64) {
        try {
            return Manifest.read(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            return Manifest.damaged(Manifest.DAMAGE_UNREADABLE);
        }
    }

    public static String manifestJson(Manifest manifest) {
        return new String(manifest.toBytes(), StandardCharsets.UTF_8);
    }

    public static byte[] manifestBytes(Manifest manifest) {
        return manifest.toBytes();
    }

    private static String field(String[] f, int i) {
        return i < f.length ? f[i] : "";
    }

    private static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
