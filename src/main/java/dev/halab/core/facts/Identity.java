package dev.halab.core.facts;

import java.util.List;
import java.util.Map;

/**
 * What makes a machine itself, and what a cloned VM copies from its original: the systemd
 * machine-id, the MAC address of each interface and the SSH host keys (sha256 of each public key).
 */
public record Identity(String machineId, Map<String, String> macs, List<String> hostKeys) {
    public static final Identity UNKNOWN = new Identity("", Map.of(), List.of());

    public Identity {
        macs = Map.copyOf(macs);
        hostKeys = List.copyOf(hostKeys);
    }
}
