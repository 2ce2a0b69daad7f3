package dev.halab.core.step;

import dev.halab.core.facts.HostFacts;
import dev.halab.core.facts.InitSystem;
import dev.halab.core.topology.Host;

import java.util.List;
import java.util.Optional;

/**
 * What differs between supported systems: package names and service names. Only the Debian
 * family with apt is supported; see docs/adding-a-distro.md for adding another.
 */
public final class Distros {
    /** Tomcat's package and service name: tomcat10 on Debian 12 and Ubuntu 24.04, the generated page's path. */
    public static final String TOMCAT = "tomcat10";
    /** curl and pgrep (procps) are used by the generated check_nginx.sh. */
    static final List<String> FRONT_END_PACKAGES = List.of("nginx", "keepalived", "curl", "procps");
    static final List<String> BACK_END_PACKAGES = List.of(TOMCAT);

    private Distros() {
    }

    public static List<String> packagesFor(Host host, HostFacts facts) {
        return host.isFrontEnd() ? FRONT_END_PACKAGES : BACK_END_PACKAGES;
    }

    /** Why a host is not supported, or empty when it is. Keys of the install bundle. */
    public static Optional<String> unsupportedReason(HostFacts facts) {
        if (!facts.debianFamily()) {
            return Optional.of("preflight.osUnsupported");
        }
        if (!facts.hasApt()) {
            return Optional.of("preflight.noApt");
        }
        if (facts.initSystem() == InitSystem.UNKNOWN) {
            return Optional.of("preflight.noInit");
        }
        return Optional.empty();
    }
}
