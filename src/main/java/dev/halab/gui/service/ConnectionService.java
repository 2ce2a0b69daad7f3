package dev.halab.gui.service;

import dev.halab.core.remote.HostKeyPrompt;
import dev.halab.core.topology.Host;

/** SSH connection test of one host of a topology; blocks. */
public interface ConnectionService {
    ConnectionCheck test(dev.halab.core.topology.Topology topology, Host host, Credentials credentials, HostKeyPrompt prompt);
}
