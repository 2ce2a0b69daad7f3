package dev.halab.core.plan;

import dev.halab.core.facts.HostFacts;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which packages an install added on HA Lab's behalf, so that uninstall purges exactly those: a
 * package counts only if it was not installed before and HA Lab asked for it or apt named it as
 * NEW for that request. A package that merely changed state during the run (its pending triggers
 * processed, or installed by someone else meanwhile) is not HA Lab's and must never be purged.
 */
final class PackageAttribution {
    private static final String NEW_HEADER = "The following NEW packages will be installed:";

    private PackageAttribution() {
    }

    /**
     * @param requested  the packages HA Lab asked apt for
     * @param aptOutputs the standard output of every install attempt of this request
     */
    static List<String> added(HostFacts before, HostFacts after, Collection<String> requested, Collection<String> aptOutputs) {
        Set<String> ours = new LinkedHashSet<>(requested);
        aptOutputs.forEach(output -> ours.addAll(newPackages(output)));
        return after.packages().keySet().stream()
                .filter(p -> !before.installed(p))
                .filter(ours::contains)
                .sorted().toList();
    }

    /** The packages apt lists under "The following NEW packages will be installed:" (arch suffix dropped). */
    static Set<String> newPackages(String aptOutput) {
        Set<String> names = new LinkedHashSet<>();
        boolean inList = false;
        for (String line : aptOutput.split("\n", -1)) {
            if (line.strip().equals(NEW_HEADER)) {
                inList = true;
            } else if (inList && line.startsWith(" ")) {
                for (String name : line.strip().split("\\s+")) {
                    if (!name.isEmpty()) {
                        int colon = name.indexOf(':');
                        names.add(colon < 0 ? name : name.substring(0, colon));
                    }
                }
            } else {
                inList = false;
            }
        }
        return names;
    }
}
