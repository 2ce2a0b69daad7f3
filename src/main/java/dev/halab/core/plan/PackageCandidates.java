package dev.halab.core.plan;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.facts.PackageManager;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.resources.ProjectResources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks a host's package sources, with package lists fetched into a temporary folder, which
 * version of each package they offer: how pre-flight names a missing package before anything is
 * installed when the host's own lists are absent or stale.
 */
public final class PackageCandidates {
    /** Candidates by package, and the package manager's last error line when refreshing failed. */
    public record Answer(Map<String, String> candidates, String updateError) {
        public Answer {
            candidates = Map.copyOf(candidates);
        }
    }

    private PackageCandidates() {
    }

    public static RemoteCommand command(PackageManager manager, List<String> packages) {
        String script = ProjectResources.readString(manager.candidatesScript())
                .orElseThrow(() -> new IllegalStateException(manager.candidatesScript() + " is missing from the build"));
        List<String> parts = new ArrayList<>(List.of("sh", "-c", script, "halab-candidates"));
        parts.addAll(packages);
        return RemoteCommand.of(parts).asRoot();
    }

    public static Answer parse(CommandResult result) {
        Map<String, String> candidates = new LinkedHashMap<>();
        String error = null;
        for (String line : result.stdout().split("\n")) {
            String[] f = line.split("\t", -1);
            if ("candidate".equals(f[0]) && f.length >= 3) {
                candidates.put(f[1], f[2]);
            } else if ("updatefailed".equals(f[0])) {
                error = f.length > 1 ? f[1] : "";
            }
        }
        return new Answer(candidates, error);
    }
}
