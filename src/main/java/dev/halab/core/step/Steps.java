package dev.halab.core.step;

import dev.halab.core.facts.Distro;
import dev.halab.core.facts.Distros;
import dev.halab.core.topology.Host;

import java.util.List;

/** Every step of the tutorial, in order. A new step is added here (docs/adding-a-step.md). */
public final class Steps {
    private Steps() {
    }

    /** The steps for hosts of one release: its package names, paths and service names. */
    public static List<Step> all(Distro distro) {
        return List.of(
                new PackagesStep(distro),
                MoveAsideStep.tomcatDefaultPage(distro),
                FilesStep.tomcatPage(distro),
                ServiceStep.tomcat(distro),
                MoveAsideStep.nginxDefaultSite(distro),
                FilesStep.nginxSite(distro),
                ServiceStep.nginx(),
                new NonlocalBindStep(false),
                new FirewallStep(),
                FilesStep.keepalivedFiles(),
                ServiceStep.keepalived());
    }

    public static List<Step> forHost(Host host, Distro distro) {
        return all(distro).stream().filter(s -> s.appliesTo(host)).toList();
    }

    /**
     * Files the facts probe must checksum for a host: generated files and files moved aside, for
     * every known release (the release is itself a fact of the same probe).
     */
    public static List<String> probedPaths(Host host) {
        return Distros.supported().stream().flatMap(d -> forHost(host, d).stream()).flatMap(s -> s instanceof FilesStep f
                ? f.paths().stream() : s instanceof MoveAsideStep m ? java.util.stream.Stream.of(m.path())
                : java.util.stream.Stream.empty()).distinct().toList();
    }
}
