package dev.halab.gui.service;

import dev.halab.core.topology.Topology;

/** Everything a run needs, immutable: made on the FX thread, handed to a worker. */
public record RunRequest(Topology topology, Credentials credentials) {
}
