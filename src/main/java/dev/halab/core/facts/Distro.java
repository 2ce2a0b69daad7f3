package dev.halab.core.facts;

import dev.halab.core.topology.Host;

import java.util.List;

/**
 * One release HA Lab installs on, as values: what the steps, the generated files' paths and the
 * pre-flight checks read instead of constants. All releases are listed in {@link Distros}.
 *
 * @param osId           {@code ID} of /etc/os-release ({@code debian}, {@code ubuntu})
 * @param version        {@code VERSION_ID} of /etc/os-release ({@code 12}, {@code 24.04})
 * @param name           shown to people: {@code Debian 12 (bookworm)}
 * @param tomcat         tomcat's package, and its service's name ({@code tomcat9}, {@code tomcat10})
 * @param tomcatWebapps  where that package serves web applications from
 * @param nginxSiteDir   the folder nginx includes every file of ({@code sites-enabled} or {@code conf.d})
 * @param packageManager how packages are installed and what its errors look like
 * @param firewall       the firewall the release ships (inactive until someone enables it)
 */
public record Distro(String osId, String version, String name, String tomcat, String tomcatWebapps,
                     String nginxSiteDir, PackageManager packageManager, Firewall.Kind firewall) {

    /** curl and pgrep (procps) are used by the generated check_nginx.sh. */
    private static final List<String> FRONT_END_PACKAGES = List.of("nginx", "keepalived", "curl", "procps");

    /** {@code debian-12}, {@code ubuntu-24.04}: the name of its golden plan. */
    public String id() {
        return osId + "-" + version;
    }

    public boolean matches(HostFacts facts) {
        return osId.equals(facts.osId()) && version.equals(facts.osVersion());
    }

    public List<String> frontEndPackages() {
        return FRONT_END_PACKAGES;
    }

    public List<String> backEndPackages() {
        return List.of(tomcat);
    }

    public List<String> packagesFor(Host host) {
        return host.isFrontEnd() ? frontEndPackages() : backEndPackages();
    }

    public List<String> allPackages() {
        return java.util.stream.Stream.concat(frontEndPackages().stream(), backEndPackages().stream()).toList();
    }

    public String tomcatService() {
        return tomcat;
    }

    /** The page HA Lab writes: answers with the back end's name and address. */
    public String tomcatIndex() {
        return tomcatWebapps + "/ROOT/index.jsp";
    }

    /** The package's own page, moved aside (it would win over index.jsp in the welcome-file list). */
    public String tomcatDefaultPage() {
        return tomcatWebapps + "/ROOT/index.html";
    }

    public String nginxSite() {
        return nginxSiteDir + "/halab-tomcat.conf";
    }

    /** The package's default site, moved aside (it would also claim {@code default_server}). */
    public String nginxDefaultSite() {
        return nginxSiteDir + "/default";
    }
}
