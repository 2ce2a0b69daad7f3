package dev.halab.gui.service;

/**
 * Asked (on a worker thread) when a host shows a key not yet trusted: the GUI answers with a
 * dialog showing the fingerprint. A changed key is never asked about: it is refused.
 */
@FunctionalInterface
public interface HostKeyPrompt {
    boolean trust(String host, String address, String keyType, String fingerprint);
}
