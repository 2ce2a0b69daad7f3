package dev.halab.core.step;

import dev.halab.core.facts.HostFacts;
import dev.halab.core.template.GeneratedFile;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;

import java.util.List;
import java.util.Optional;

/** What a step may read: the whole topology, the host it plans for, its facts and its generated files. */
public record StepContext(Topology topology, Host host, HostFacts facts, List<GeneratedFile> files) {
    public StepContext {
        files = List.copyOf(files);
    }

    public Optional<GeneratedFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }
}
