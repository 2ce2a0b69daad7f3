package dev.halab.gui.service;

import dev.halab.core.remote.HostKeyPrompt;
import dev.halab.core.topology.Host;

/** SSH connection test of one host; blocks. */
public interface ConnectionService {
    ConnectionCheck test(Host host, Credentials credentials, HostKeyPrompt prompt);
}
