package dev.halab.core.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What HA Lab changed on a host, kept on the host at {@link #PATH} so that {@code uninstall}
 * restores exactly that, whichever controller runs it. For each file only the first change is
 * recorded: its backup is the file as it was before HA Lab, which is what uninstall restores.
 * Written whole and atomically (temporary file, fsync, rename) with a sha256 of its content, so
 * a cut write or a damaged file is recognised ({@link #damage()}) instead of read as "nothing".
 *
 * @param version         format version ({@link #VERSION}; 1 had no checksum)
 * @param packagesAdded   packages that were not installed before, including pulled-in dependencies
 * @param usersAdded      system users those packages created (e.g. tomcat), removed by uninstall
 * @param groupsAdded     the same for groups
 * @param files           files written or moved aside, in the order it happened
 * @param packagesUpgraded packages that were installed already but apt upgraded as a dependency
 *                        ("perl-base 5.36.0-7+deb12u3 -> 5.36.0-7+deb12u4"): uninstall cannot
 *                        downgrade them safely and says so
 * @param pendingHandlers handlers (by {@code Handler} name) due because files they watch were
 *                        moved in and that have not run yet: a run cut in between leaves them to the next
 * @param packagesPending packages an install is about to add (those asked for and not installed, and the NEW ones
 *                        apt's simulation names), recorded before apt runs: a run cut before apt's result is
 *                        recorded leaves them to the next run, which counts those now installed as added
 *                        ({@link #withPendingPackagesSettled}); left out of the file when empty
 * @param usersBeforePackages the users the host had when {@code packagesPending} was recorded: a user there
 *                        at the next run and not in this list was created by those packages' scripts (e.g.
 *                        tomcat) and is settled with them; left out of the file when empty
 * @param groupsBeforePackages the same for groups
 * @param undo            commands (argv, run as root) that undo changes other than files and
 *                        packages, such as a firewall rule or a sysctl setting; uninstall runs them newest first
 * @param checksum        sha256 of the manifest written without this field (version 2 on)
 * @param damage          why the manifest found on the host cannot be trusted ({@code DAMAGE_*}); never written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(int version, List<String> packagesAdded, List<String> usersAdded, List<String> groupsAdded,
                       List<FileRecord> files, List<String> packagesUpgraded, List<String> pendingHandlers,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> packagesPending,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> usersBeforePackages,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> groupsBeforePackages,
                       List<List<String>> undo, String checksum, @JsonIgnore String damage) {
    public static final String PATH = "/var/lib/halab/manifest.json";
    public static final String BACKUP_ROOT = "/var/backups/halab";
    public static final int VERSION = 2;
    /** Not JSON, or cut short. */
    public static final String DAMAGE_UNREADABLE = "unreadable";
    /** A version this HA Lab does not know. */
    public static final String DAMAGE_VERSION = "version";
    /** Complete JSON whose checksum does not match: edited or partly overwritten. */
    public static final String DAMAGE_CHECKSUM = "checksum";
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param path       the file's path
     * @param existed    whether a file was there before HA Lab touched it
     * @param backup     where that original was saved (null if it did not exist)
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
        pendingHandlers = pendingHandlers == null ? List.of() : List.copyOf(pendingHandlers);
        packagesPending = packagesPending == null ? List.of() : List.copyOf(packagesPending);
        usersBeforePackages = usersBeforePackages == null ? List.of() : List.copyOf(usersBeforePackages);
        groupsBeforePackages = groupsBeforePackages == null ? List.of() : List.copyOf(groupsBeforePackages);
        undo = undo == null ? List.of() : undo.stream().map(List::copyOf).toList();
    }

    public static Manifest empty() {
        return blank(null);
    }

    /** A manifest that exists on the host but cannot be trusted: install and uninstall stop there. */
    public static Manifest damaged(String why) {
        return blank(why);
    }

    private static Manifest blank(String damage) {
        // The compact constructor makes every missing list empty.
        return new Manifest(VERSION, null, null, null, null, null, null, null, null, null, null, null, damage);
    }

    @JsonIgnore
    public boolean isDamaged() {
        return damage != null;
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
        return with(packagesAdded, usersAdded, groupsAdded, all, packagesUpgraded, pendingHandlers, undo);
    }

    public Manifest withPackages(List<String> packages, List<String> users, List<String> groups) {
        return with(union(packagesAdded, packages), union(usersAdded, users), union(groupsAdded, groups), files,
                packagesUpgraded, pendingHandlers, undo);
    }

    public Manifest withUpgrades(List<String> upgrades) {
        return with(packagesAdded, usersAdded, groupsAdded, files, union(packagesUpgraded, upgrades), pendingHandlers, undo);
    }

    public Manifest withPendingHandler(String handler) {
        return with(packagesAdded, usersAdded, groupsAdded, files, packagesUpgraded, union(pendingHandlers, List.of(handler)), undo);
    }

    public Manifest withoutPendingHandler(String handler) {
        return with(packagesAdded, usersAdded, groupsAdded, files, packagesUpgraded,
                pendingHandlers.stream().filter(h -> !h.equals(handler)).toList(), undo);
    }

    /**
     * Records packages an install is about to add, before apt runs (see {@code packagesPending}),
     * with the users and groups the host has now. A second record in the same run (apt retried
     * after refreshing its lists) keeps the first users and groups: those are the ones from before apt.
     */
    public Manifest withPendingPackages(List<String> packages, List<String> users, List<String> groups) {
        boolean first = packagesPending.isEmpty();
        return pending(union(packagesPending, packages), first ? users : usersBeforePackages, first ? groups : groupsBeforePackages);
    }

    /**
     * Settles what a cut install recorded as pending, from the host as it is now: those of its
     * packages now installed count as added (HA Lab's, purged by uninstall), and if any is, so do
     * the users and groups that appeared since (created by those packages' scripts, e.g. tomcat);
     * the rest is dropped and nothing stays pending. A manifest that recorded no users before
     * (written by an HA Lab that did not) settles packages only.
     */
    public Manifest withPendingPackagesSettled(Predicate<String> installed, Collection<String> users, Collection<String> groups) {
        List<String> added = packagesPending.stream().filter(installed).toList();
        boolean aptRan = !added.isEmpty();
        List<String> newUsers = aptRan && !usersBeforePackages.isEmpty()
                ? users.stream().filter(u -> !usersBeforePackages.contains(u)).toList() : List.of();
        List<String> newGroups = aptRan && !groupsBeforePackages.isEmpty()
                ? groups.stream().filter(g -> !groupsBeforePackages.contains(g)).toList() : List.of();
        return withPackages(added, newUsers, newGroups).withoutPendingPackages();
    }

    /** Drops what is pending: the run that recorded it has recorded what apt did itself. */
    public Manifest withoutPendingPackages() {
        return pending(List.of(), List.of(), List.of());
    }

    private Manifest pending(List<String> packages, List<String> usersBefore, List<String> groupsBefore) {
        return new Manifest(VERSION, packagesAdded, usersAdded, groupsAdded, files, packagesUpgraded, pendingHandlers,
                packages, usersBefore, groupsBefore, undo, null, null);
    }

    /** Adds a command that undoes a change, unless it is recorded already. */
    public Manifest withUndo(List<String> command) {
        if (undo.contains(command)) {
            return this;
        }
        List<List<String>> all = new ArrayList<>(undo);
        all.add(List.copyOf(command));
        return with(packagesAdded, usersAdded, groupsAdded, files, packagesUpgraded, pendingHandlers, all);
    }

    private Manifest with(List<String> packages, List<String> users, List<String> groups, List<FileRecord> files,
                          List<String> upgraded, List<String> handlers, List<List<String>> undo) {
        return new Manifest(VERSION, packages, users, groups, files, upgraded, handlers, packagesPending, usersBeforePackages,
                groupsBeforePackages, undo, null, null);
    }

    /** The file as written to the host: pretty JSON ending in a newline, with its checksum. */
    public byte[] toBytes() {
        Manifest unsigned = with(packagesAdded, usersAdded, groupsAdded, files, packagesUpgraded, pendingHandlers, undo);
        Manifest signed = new Manifest(VERSION, packagesAdded, usersAdded, groupsAdded, files, packagesUpgraded,
                pendingHandlers, packagesPending, usersBeforePackages, groupsBeforePackages, undo, sha256(unsigned.json()), null);
        return signed.json().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a manifest as found on a host. Anything that is not a complete manifest (cut short,
     * edited, not JSON, a checksum that does not match, a version from a newer HA Lab) comes back
     * {@link #isDamaged() damaged} with the reason; version 1 manifests (before checksums) are read as they are.
     */
    public static Manifest read(byte[] content) {
        Manifest read;
        try {
            read = JSON.readValue(content, Manifest.class);
        } catch (Exception e) {
            return damaged(DAMAGE_UNREADABLE);
        }
        if (read == null) {
            return damaged(DAMAGE_UNREADABLE);
        }
        if (read.version() < 1 || read.version() > VERSION) {
            return damaged(DAMAGE_VERSION);
        }
        // The checksum belongs to the file, not to what it says: the manifest read carries none.
        Manifest unsigned = new Manifest(read.version(), read.packagesAdded(), read.usersAdded(), read.groupsAdded(),
                read.files(), read.packagesUpgraded(), read.pendingHandlers(), read.packagesPending(), read.usersBeforePackages(),
                read.groupsBeforePackages(), read.undo(), null, null);
        if (read.version() >= 2 && (read.checksum() == null || !read.checksum().equals(sha256(unsigned.json())))) {
            return damaged(DAMAGE_CHECKSUM);
        }
        return unsigned;
    }

    private String json() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
