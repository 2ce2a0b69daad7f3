package dev.halab.core.facts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a host looks like right now, from one read-only probe ({@link FactsProbe}). Steps read
 * only this; they never ask the host themselves.
 *
 * @param osId             {@code ID} from /etc/os-release ({@code debian}, {@code ubuntu}, ...)
 * @param osLike           {@code ID_LIKE} (e.g. {@code debian} on Ubuntu derivatives)
 * @param packages         installed packages and their versions
 * @param fileChecksums    sha256 of each probed file; {@link #ABSENT} or {@link #NOT_A_FILE} otherwise
 * @param aptBusy          names of package-manager processes running now (its lock is held)
 * @param users            login names in /etc/passwd (to undo users a package adds)
 * @param manifest         what HA Lab installed on this host before, if anything
 * @param candidates       package name to the version apt would install, {@code (none)} when it
 *                         has none; empty when the package lists were absent (not known yet)
 * @param python3          whether python3 runs there (the VRRP network checks need it)
 * @param identity         what a cloned VM would share with its original
 * @param fileModes        octal mode and owner of each probed regular file ({@code "644 root:root"});
 *                         empty for a file, or a probe, that did not say
 */
public record HostFacts(int uid, String osId, String osVersion, String osLike, String osPrettyName,
                        boolean hasApt, boolean aptListsPresent, InitSystem initSystem,
                        Map<String, String> packages, Map<String, String> fileChecksums,
                        Map<String, ServiceState> services, List<String> interfaces,
                        List<InterfaceAddress> addresses, long diskFreeKb, List<String> aptBusy,
                        int nonlocalBind, Firewall firewall, List<String> users, List<String> groups,
                        Optional<Manifest> manifest, Map<String, String> candidates, boolean python3,
                        Identity identity, Map<String, String> fileModes) {

    public static final String ABSENT = "absent";
    public static final String NOT_A_FILE = "other";

    public HostFacts {
        packages = Map.copyOf(packages);
        fileChecksums = Map.copyOf(fileChecksums);
        services = Map.copyOf(services);
        interfaces = List.copyOf(interfaces);
        addresses = List.copyOf(addresses);
        aptBusy = List.copyOf(aptBusy);
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        candidates = Map.copyOf(candidates);
        fileModes = fileModes == null ? Map.of() : Map.copyOf(fileModes);
    }

    /** No candidate (the lists say so); empty when the lists did not say (absent lists, old probe). */
    public static final String NO_CANDIDATE = "(none)";

    /** The version apt would install, if the package lists were read; {@link #NO_CANDIDATE} if none. */
    public Optional<String> candidate(String pkg) {
        return Optional.ofNullable(candidates.get(pkg));
    }

    public boolean installed(String pkg) {
        return packages.containsKey(pkg);
    }

    public Optional<String> version(String pkg) {
        return Optional.ofNullable(packages.get(pkg));
    }

    /** sha256 of a probed file, or {@link #ABSENT}; a path that was not probed counts as absent. */
    public String checksum(String path) {
        return fileChecksums.getOrDefault(path, ABSENT);
    }

    /** The file's octal mode and owner ({@code "644 root:root"}), if the probe said. */
    public Optional<String> modeAndOwner(String path) {
        return Optional.ofNullable(fileModes.get(path));
    }

    public boolean exists(String path) {
        return !ABSENT.equals(checksum(path));
    }

    public ServiceState service(String name) {
        return services.getOrDefault(name, ServiceState.absent(name));
    }

    public boolean hasInterface(String name) {
        return interfaces.contains(name);
    }

    /** The interface carrying an address, e.g. the host's own address or the VIP. */
    public Optional<String> interfaceHolding(String address) {
        return addresses.stream().filter(a -> a.address().equals(address)).map(InterfaceAddress::interfaceName).findFirst();
    }

    public boolean holds(String address) {
        return interfaceHolding(address).isPresent();
    }

    /** Debian, Ubuntu and their derivatives: the family the tool supports. */
    public boolean debianFamily() {
        return "debian".equals(osId) || "ubuntu".equals(osId)
                || (osLike != null && (osLike.contains("debian") || osLike.contains("ubuntu")));
    }
}
