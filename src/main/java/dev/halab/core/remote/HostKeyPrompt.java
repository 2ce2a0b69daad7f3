package dev.halab.core.remote;

import java.util.List;

/**
 * Asks a person whether to trust a host key seen for the first time. The CLI asks on the terminal
 * (or trusts when {@code --trust-new-host-keys} / {@code --yes} is given); the GUI shows a dialog.
 * Called on a worker thread; it may block until the person answers.
 */
@FunctionalInterface
public interface HostKeyPrompt {
    /** Refuses every unknown key: the connection fails with an explanation of how to trust it. */
    HostKeyPrompt REFUSE = (target, keys) -> false;
    /** Trusts a key seen for the first time (never a changed one): for {@code --trust-new-host-keys}. */
    HostKeyPrompt TRUST_NEW = (target, keys) -> true;

    /**
     * @param keys every key the host offers, each as "type SHA256:fingerprint"
     * @return true to record the keys and go on
     */
    boolean trustNewHost(SshTarget target, List<HostKeyFingerprint> keys);
}
