package dev.halab.core.facts;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every release HA Lab knows, and the choice of one from a host's facts. This list is the one
 * place to add a release (docs/adding-a-distro.md); anything not in it is refused at pre-flight
 * with its name and this list.
 */
public final class Distros {
    private static final String SITES = "/etc/nginx/sites-enabled";
    private static final PackageManager APT = PackageManager.APT;

    public static final Distro DEBIAN_11 = new Distro("debian", "11", "Debian 11 (bullseye)",
            "tomcat9", "/var/lib/tomcat9/webapps", SITES, APT, Firewall.Kind.NONE);
    public static final Distro DEBIAN_12 = new Distro("debian", "12", "Debian 12 (bookworm)",
            "tomcat10", "/var/lib/tomcat10/webapps", SITES, APT, Firewall.Kind.NONE);
    public static final Distro DEBIAN_13 = new Distro("debian", "13", "Debian 13 (trixie)",
            "tomcat10", "/var/lib/tomcat10/webapps", SITES, APT, Firewall.Kind.NONE);
    public static final Distro UBUNTU_20_04 = new Distro("ubuntu", "20.04", "Ubuntu 20.04 (focal)",
            "tomcat9", "/var/lib/tomcat9/webapps", SITES, APT, Firewall.Kind.UFW);
    public static final Distro UBUNTU_22_04 = new Distro("ubuntu", "22.04", "Ubuntu 22.04 (jammy)",
            "tomcat9", "/var/lib/tomcat9/webapps", SITES, APT, Firewall.Kind.UFW);
    public static final Distro UBUNTU_24_04 = new Distro("ubuntu", "24.04", "Ubuntu 24.04 (noble)",
            "tomcat10", "/var/lib/tomcat10/webapps", SITES, APT, Firewall.Kind.UFW);
    public static final Distro UBUNTU_26_04 = new Distro("ubuntu", "26.04", "Ubuntu 26.04 (resolute)",
            "tomcat10", "/var/lib/tomcat10/webapps", SITES, APT, Firewall.Kind.UFW);

    private static final List<Distro> SUPPORTED = List.of(DEBIAN_11, DEBIAN_12, DEBIAN_13,
            UBUNTU_20_04, UBUNTU_22_04, UBUNTU_24_04, UBUNTU_26_04);

    /** The release files are rendered for when no host is asked (render, golden files): the local lab's. */
    public static final Distro REFERENCE = DEBIAN_12;

    private Distros() {
    }

    public static List<Distro> supported() {
        return SUPPORTED;
    }

    /** The release of a host, or empty when HA Lab does not know it. */
    public static Optional<Distro> of(HostFacts facts) {
        return SUPPORTED.stream().filter(d -> d.matches(facts)).findFirst();
    }

    /** The release of a host that passed pre-flight. */
    public static Distro require(HostFacts facts) {
        return of(facts).orElseThrow(() -> new IllegalStateException(
                "unsupported release " + facts.osId() + " " + facts.osVersion() + ": pre-flight should have refused it"));
    }

    /** {@code Debian 11 (bullseye), ..., Ubuntu 26.04 (resolute)}: for the refusal message. */
    public static String supportedNames() {
        return SUPPORTED.stream().map(Distro::name).collect(Collectors.joining(", "));
    }

    /** Every package any release may install: the facts probe asks for their candidates. */
    public static List<String> allPackages() {
        return SUPPORTED.stream().flatMap(d -> d.allPackages().stream()).distinct().toList();
    }

    /** Every service any release runs: the facts probe reports their state. */
    public static List<String> allServices() {
        return SUPPORTED.stream().flatMap(d -> java.util.stream.Stream.of("nginx", d.tomcatService(), "keepalived"))
                .distinct().toList();
    }

    /** Why a host is not supported, or empty when it is: a key of the install bundle. */
    public static Optional<String> unsupportedReason(HostFacts facts) {
        if (!facts.hasApt() && facts.debianFamily()) {
            return Optional.of("preflight.noApt");
        }
        if (of(facts).isEmpty()) {
            return Optional.of("preflight.osUnsupported");
        }
        if (facts.initSystem() == InitSystem.UNKNOWN) {
            return Optional.of("preflight.noInit");
        }
        return Optional.empty();
    }
}
