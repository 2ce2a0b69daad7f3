package dev.halab.core.step;

import dev.halab.core.topology.Host;

import java.util.List;

/** Every step of the tutorial, in order. A new step is added here (docs/adding-a-step.md). */
public final class Steps {
    private Steps() {
    }

    public static List<Step> all() {
        return List.of(
                new PackagesStep(),
                MoveAsideStep.tomcatDefaultPage(),
                FilesStep.tomcatPage(),
                ServiceStep.tomcat(),
                MoveAsideStep.nginxDefaultSite(),
                FilesStep.nginxSite(),
                ServiceStep.nginx(),
                new NonlocalBindStep(false),
                new FirewallStep(),
                FilesStep.keepalivedFiles(),
                ServiceStep.keepalived());
    }

    public static List<Step> forHost(Host host) {
        return all().stream().filter(s -> s.appliesTo(host)).toList();
    }

    /** Files the facts probe must checksum for a host: generated files and files moved aside. */
    public static List<String> probedPaths(Host host) {
        return forHost(host).stream().flatMap(s -> s instanceof FilesStep f ? f.paths().stream()
                : s instanceof MoveAsideStep m ? java.util.stream.Stream.of(m.path()) : java.util.stream.Stream.empty()).toList();
    }
}
