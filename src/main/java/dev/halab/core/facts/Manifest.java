package dev.halab.core.facts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What HA Lab changed on a host, kept on the host at {@link #PATH} so that {@code uninstall}
 * restores exactly that, whichever controller runs it. For each file only the first change is
 * recorded: its backup is the file as it was before HA Lab, which is what uninstall restores.
 *
 * @param packagesAdded packages that were not installed before, including pulled-in dependencies
 * @param usersAdded    system users those packages created (e.g. tomcat), removed by uninstall
 * @param groupsAdded   the same for groups
 * @param packagesUpgraded packages that were installed already but apt upgraded as a dependency
 *                      ("perl-base 5.36.0-7+deb12u3 -> 5.36.0-7+deb12u4"): uninstall cannot
 *                      downgrade them safely and says so
 * @param files         files written or moved aside, in the order it happened
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(int version, List<String> packagesAdded, List<String> usersAdded, List<String> groupsAdded,
                       List<FileRecord> files, List<String> packagesUpgraded) {
    public static final String PATH = "/var/lib/halab/manifest.json";
    public static final String BACKUP_ROOT = "/var/backups/halab";

    /**
     * @param path      the file's path
     * @param existed   whether a file was there before HA Lab touched it
     * @param backup    where that original was saved (null if it did not exist)
     * @param movedAside true when HA Lab only moved the file away (the nginx default site)
     */
    public record FileRecord(String path, boolean existed, String backup, boolean movedAside) {
    }

    public Manifest {
        packagesAdded = packagesAdded == null ? List.of() : List.copyOf(packagesAdded);
        usersAdded = usersAdded == null ? List.of() : List.copyOf(usersAdded);
        groupsAdded = groupsAdded == null ? List.of() : List.copyOf(groupsAdded);
        files = files == null ? List.of() : List.copyOf(files);
        packagesUpgraded = packagesUpgraded == null ? List.of() : List.copyOf(packagesUpgraded);
    }

    public static Manifest empty() {
        return new Manifest(1, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public Optional<FileRecord> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** Adds a file record unless the file is already recorded (the first record holds the original). */
    public Manifest withFile(FileRecord record) {
        if (file(record.path()).isPresent()) {
            return this;
        }
        List<FileRecord> all = new ArrayList<>(files);
        all.add(record);
        return new Manifest(version, packagesAdded, usersAdded, groupsAdded, all, packagesUpgraded);
    }

    public Manifest withPackages(List<String> packages, List<String> users, List<String> groups) {
        return new Manifest(version, union(packagesAdded, packages), union(usersAdded, users), union(groupsAdded, groups), files,
                packagesUpgraded);
    }

    public Manifest withUpgrades(List<String> upgrades) {
        return new Manifest(version, packagesAdded, usersAdded, groupsAdded, files, union(packagesUpgraded, upgrades));
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
