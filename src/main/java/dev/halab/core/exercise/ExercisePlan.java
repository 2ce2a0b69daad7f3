package dev.halab.core.exercise;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.template.GeneratedFile;
import dev.halab.core.template.HostFiles;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Mode;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What planting an exercise changes on each front end, and what the repair puts back. The broken
 * keepalived.conf is HA Lab's own rendered file with one deliberate edit; the repair uploads the
 * rendered file again. Pure, so it is tested as data.
 */
public final class ExercisePlan {
    /** The nftables table the VRRP-dropping firewall rule lives in; the repair deletes the whole table. */
    static final String FIREWALL_TABLE = "halab_exercise";
    /**
     * A minimal server (and the local lab's hosts) may have no firewall tool at all: the exercise
     * installs nftables, the firewall of current Debian, Ubuntu and RHEL, from the host's own
     * package source. The repair removes the rule, not the package.
     */
    static final String INSTALL_NFT = "command -v nft >/dev/null 2>&1 || if command -v apt-get >/dev/null 2>&1; "
            + "then DEBIAN_FRONTEND=noninteractive apt-get -q install -y --no-install-recommends nftables; "
            + "else dnf -q -y install nftables; fi";

    /**
     * Files to upload to a front end and commands to run there (as root); keepalived restarts
     * afterwards when a file changed.
     *
     * @param restartMayFail the planted file is one keepalived refuses to start with: that refusal is
     *                       the symptom, not an error of the exercise
     */
    public record HostChange(Host host, List<GeneratedFile> files, List<RemoteCommand> commands, boolean restartMayFail) {
        public HostChange {
            files = List.copyOf(files);
            commands = List.copyOf(commands);
        }

        HostChange(Host host, List<GeneratedFile> files, List<RemoteCommand> commands) {
            this(host, files, commands, false);
        }
    }

    private ExercisePlan() {
    }

    /** @throws IllegalArgumentException when the exercise does not fit the profile (the message says why) */
    public static List<HostChange> plant(Exercise exercise, Topology topology) {
        requireFits(exercise, topology);
        VrrpInstance instance = topology.primaryInstance();
        Host master = topology.masterOf(instance);
        Host backup = topology.backupOf(instance);
        String masterConf = conf(topology, master);
        String backupConf = conf(topology, backup);
        return switch (exercise) {
            case WRONG_INTERFACE -> {
                String real = topology.interfaceOf(master);
                String wrong = "ens33".equals(real) ? "ens99" : "ens33";
                String edited = edit(edit(masterConf, "(?m)^(\\s*interface )" + Pattern.quote(real) + "$", "$1" + wrong),
                        "(?m)( dev )" + Pattern.quote(real) + "$", "$1" + wrong);
                yield List.of(new HostChange(master, List.of(keepalivedConf(edited)), List.of(), true));
            }
            case PRIORITIES_INVERTED -> List.of(
                    change(master, edit(masterConf, "(?m)^(\\s*priority )" + topology.priorityOf(master, instance) + "$",
                            "$1" + topology.priorityOf(backup, instance))),
                    change(backup, edit(backupConf, "(?m)^(\\s*priority )" + topology.priorityOf(backup, instance) + "$",
                            "$1" + topology.priorityOf(master, instance))));
            case WEIGHT_TOO_SMALL -> {
                int small = smallWeight(topology);
                yield List.of(change(master, edit(masterConf, "(?m)^(\\s*weight )-?\\d+$", "$1" + small)),
                        change(backup, edit(backupConf, "(?m)^(\\s*weight )-?\\d+$", "$1" + small)));
            }
            case AUTH_MISMATCH -> List.of(change(backup, edit(backupConf, "(?m)^(\\s*auth_pass )\\S+$",
                    "$1" + ("halab-x".equals(topology.vrrp().authentication().password()) ? "halab-y" : "halab-x"))));
            case VRID_CLASH -> List.of(change(backup, edit(backupConf, "(?m)^(\\s*virtual_router_id )" + instance.vrid() + "$",
                    "$1" + (instance.vrid() == 255 ? 254 : instance.vrid() + 1))));
            case VRRP_BLOCKED -> List.of(new HostChange(backup, List.of(), List.of(
                    RemoteCommand.shell(INSTALL_NFT).asRoot(),
                    RemoteCommand.shell("nft add table inet " + FIREWALL_TABLE + " && nft add chain inet " + FIREWALL_TABLE
                            + " input '{ type filter hook input priority -200; }' && nft add rule inet " + FIREWALL_TABLE
                            + " input ip protocol 112 drop").asRoot())));
            case NOPREEMPT_MASTER -> List.of(
                    change(master, nopreempt(edit(masterConf, "(?m)^(\\s*state )\\w+$", "$1MASTER"), topology.priorityOf(master, instance))),
                    change(backup, nopreempt(backupConf, topology.priorityOf(backup, instance))));
        };
    }

    /** HA Lab's own files again on both front ends, and the firewall table gone. */
    public static List<HostChange> repair(Exercise exercise, Topology topology) {
        List<HostChange> changes = new ArrayList<>();
        for (Host host : topology.frontEnds()) {
            List<RemoteCommand> commands = exercise == Exercise.VRRP_BLOCKED
                    ? List.of(RemoteCommand.shell("if command -v nft >/dev/null 2>&1; then nft delete table inet " + FIREWALL_TABLE
                            + " 2>/dev/null; fi; true").asRoot())
                    : List.of();
            changes.add(new HostChange(host, List.of(file(topology, host)), commands));
        }
        return changes;
    }

    /** A weight that lowers the master to just above the backup: 250/240 gives -5. */
    static int smallWeight(Topology topology) {
        int gap = topology.vrrp().masterPriority() - topology.vrrp().backupPriority();
        return -Math.max(1, gap / 2);
    }

    static void requireFits(Exercise exercise, Topology topology) {
        if (topology.mode() != Mode.MASTER_BACKUP) {
            throw new IllegalArgumentException("the exercises need a master/backup profile, not " + topology.mode());
        }
        if (exercise == Exercise.AUTH_MISMATCH && topology.vrrp().authentication() == null) {
            throw new IllegalArgumentException("exercise " + exercise.id() + " needs VRRPv2 with an auth_pass (the profile has none)");
        }
        if (exercise == Exercise.WEIGHT_TOO_SMALL && topology.vrrp().checkScript() == null) {
            throw new IllegalArgumentException("exercise " + exercise.id() + " needs a check script in the profile");
        }
        if ((exercise == Exercise.WEIGHT_TOO_SMALL || exercise == Exercise.NOPREEMPT_MASTER)
                && topology.vrrp().masterPriority() - topology.vrrp().backupPriority() < 2) {
            throw new IllegalArgumentException("exercise " + exercise.id() + " needs the master priority at least 2 above the backup's");
        }
    }

    private static String nopreempt(String conf, int priority) {
        if (conf.contains("\n    nopreempt\n")) {
            return conf;
        }
        return edit(conf, "(?m)^(\\s*priority " + priority + ")$", "$1\n    nopreempt");
    }

    private static HostChange change(Host host, String keepalivedConf) {
        return new HostChange(host, List.of(keepalivedConf(keepalivedConf)), List.of());
    }

    private static GeneratedFile keepalivedConf(String content) {
        return new GeneratedFile(HostFiles.KEEPALIVED_CONF, content, 0644);
    }

    private static GeneratedFile file(Topology topology, Host host) {
        return HostFiles.forHost(topology, host).stream().filter(f -> f.path().equals(HostFiles.KEEPALIVED_CONF)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no keepalived.conf for " + host.name()));
    }

    private static String conf(Topology topology, Host host) {
        return file(topology, host).content();
    }

    /** Replaces every match; a pattern that matches nothing is a bug in the exercise, not a silent no-op. */
    static String edit(String content, String regex, String replacement) {
        Matcher m = Pattern.compile(regex).matcher(content);
        if (!m.find()) {
            throw new IllegalStateException("exercise edit found nothing to change: " + regex);
        }
        return m.replaceAll(replacement);
    }
}
