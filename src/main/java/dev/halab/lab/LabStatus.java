package dev.halab.lab;

import java.util.List;

/**
 * A snapshot of the lab, as {@code halab lab status} shows it.
 *
 * @param networkUp   the lab bridge exists in the root namespace
 * @param repoServing the apt repository's HTTP server the lab started is alive
 * @param hosts       every host of the profile, in profile order
 */
public record LabStatus(boolean networkUp, boolean repoServing, List<HostStatus> hosts) {

    public LabStatus {
        hosts = List.copyOf(hosts);
    }

    /** True when the network, the repository and every host are up and every host answers SSH. */
    public boolean allUp() {
        return networkUp && repoServing && hosts.stream().allMatch(h -> h.state() == HostState.RUNNING && h.sshAnswers());
    }

    public enum HostState {
        /** The host's systemd-nspawn is running. */
        RUNNING,
        /** The host's network namespace exists but the host is powered off. */
        OFF,
        /** The lab is down: the host has no network namespace. */
        ABSENT
    }

    /**
     * @param sshAnswers the host's sshd sent its banner on port 22 within a short timeout
     */
    public record HostStatus(String name, String address, HostState state, boolean sshAnswers) {
    }
}
