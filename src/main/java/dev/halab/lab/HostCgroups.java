package dev.halab.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One cgroup per host, in the hierarchies systemd uses (the cgroup2 mount and, on hybrid
 * machines, the v1 {@code name=systemd} one).
 *
 * <p>Why: with {@code --keep-unit} systemd-nspawn stays in the cgroup it was started in and
 * puts the host under {@code <that cgroup>/payload}. Hosts all started from the same cgroup would
 * share one payload tree, and their systemd instances would create and remove each other's unit
 * cgroups: units then fail at random with "status=219/CGROUP" and the host boots "degraded".
 */
final class HostCgroups {

    private HostCgroups() {
    }

    /** Mount points of the cgroup hierarchies systemd manages, from /proc/self/mountinfo text. */
    static List<Path> hierarchies(String mountinfo) {
        List<Path> found = new ArrayList<>();
        for (String line : mountinfo.split("\n")) {
            int separator = line.indexOf(" - ");
            if (separator < 0) {
                continue;
            }
            String[] before = line.substring(0, separator).split(" ");
            String[] after = line.substring(separator + 3).split(" ");
            if (before.length < 5 || after.length < 3) {
                continue;
            }
            String fsType = after[0];
            String superOptions = after[2];
            if (fsType.equals("cgroup2") || (fsType.equals("cgroup") && superOptions.contains("name=systemd"))) {
                found.add(Path.of(before[4]));
            }
        }
        return found;
    }

    static List<Path> dirs(LabHost host) {
        return hierarchies(Files2.read(Path.of("/proc/self/mountinfo"))).stream()
                .map(h -> h.resolve(LabHost.NETNS_PREFIX + host.name())).toList();
    }

    /**
     * argv that moves itself into the host's cgroups and then execs {@code command}; the shell
     * execs in place, so the PID stays that of the command.
     */
    static List<String> enterAndExec(List<Path> cgroupDirs, List<String> command) {
        StringBuilder script = new StringBuilder();
        for (Path dir : cgroupDirs) {
            script.append("echo $$ > ").append(dir.resolve("cgroup.procs")).append(" && ");
        }
        script.append("exec \"$@\"");
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script.toString(), "halab-host"));
        argv.addAll(SystemCommand.resolved(command));
        return argv;
    }

    static List<Path> create(LabHost host) {
        List<Path> dirs = dirs(host);
        dirs.forEach(Files2::createDirectories);
        return dirs;
    }

    /** Removes the host's cgroups, deepest first; only possible once its processes are gone. */
    static void remove(LabHost host) {
        for (Path dir : dirs(host)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            LabWait.CGROUP_EMPTY.until(() -> removeTree(dir));
        }
    }

    /** rmdir of every cgroup below and at {@code dir}, deepest first; false while one is still busy. */
    private static boolean removeTree(Path dir) {
        List<Path> tree;
        try (Stream<Path> walk = Files.walk(dir)) {
            tree = walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            return !Files.isDirectory(dir);
        }
        try {
            for (Path cgroup : tree) {
                Files.deleteIfExists(cgroup); // rmdir: cgroupfs control files go with it
            }
            return true;
        } catch (IOException busy) {
            return false; // a dying process is still leaving it
        }
    }
}
