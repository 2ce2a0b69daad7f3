package dev.halab.core.exercise;

import dev.halab.core.failover.ClusterState;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.util.List;
import java.util.Optional;

/**
 * Diagnoses read from the cluster state rather than from a log line: what the monitor sees is not
 * what the profile intends, although nothing is broken in a way keepalived would complain about.
 */
public enum StateFinding {
    /** Both front ends healthy, the intended master BACKUP, and the VIP on the intended backup. */
    VIP_ON_INTENDED_BACKUP,
    /** In a non-preemptive lab the restored master took the VIP back from the backup. */
    PREEMPTED_DESPITE_NOPREEMPT;

    public LocalizedText title(Topology topology) {
        VrrpInstance instance = topology.primaryInstance();
        return LocalizedText.of(Exercise.BUNDLE, "finding." + name(), instance.vip(), topology.masterOf(instance).name(),
                topology.backupOf(instance).name());
    }

    /** {@link #VIP_ON_INTENDED_BACKUP} when the state shows it now. */
    static Optional<StateFinding> read(Topology topology, ClusterState state) {
        VrrpInstance instance = topology.primaryInstance();
        Host master = topology.masterOf(instance);
        Host backup = topology.backupOf(instance);
        boolean masterHealthy = state.reachable(master.name()) && state.nginxUp(master.name()).orElse(false);
        if (masterHealthy && state.holders(instance.vip()).equals(List.of(backup.name()))
                && !state.masters(instance.name()).contains(master.name())) {
            return Optional.of(VIP_ON_INTENDED_BACKUP);
        }
        return Optional.empty();
    }
}
