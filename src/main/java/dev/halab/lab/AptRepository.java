package dev.halab.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lab's flat apt repository of one Debian release: the packages listed in
 * {@code lab/repo-packages.txt} for that release plus every dependency its rootfs lacks,
 * downloaded once and cached in {@code CACHE/repo-SUITE}. Downloaded with this machine's apt but
 * a configuration of the repository's own (only that release's archive, package lists in the
 * cache), so a bookworm machine builds a bullseye or trixie repository as well. Hosts have no
 * internet; the repositories, served on the controller address, are their only package source.
 *
 * <p>The cache is keyed by the package list and the rootfs it was computed against, so adding a
 * package to the list (or rebuilding the rootfs) rebuilds the repository on the next {@code up}.
 */
final class AptRepository {

    static final String PACKAGE_LIST_RESOURCE = "/lab/repo-packages.txt";
    private static final String MARKER = ".halab-repo";
    /** {@code apt-get -s} line for a package it would install: "Inst NAME [OLD] (VERSION ...)". */
    /** {@code NAME [suite suite]}: a package only some releases get. */
    private static final Pattern ONLY_FOR = Pattern.compile("(\\S+)\\s+\\[([a-z ]+)\\]");
    private static final Pattern INST = Pattern.compile("^Inst (\\S+) (?:\\[[^\\]]*\\] )?\\((\\S+) ");

    private static final String KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg";

    private final Path dir;
    private final Path aptDir;
    private final RootfsCache rootfs;
    private final List<String> packages;

    AptRepository(Path cacheDir, RootfsCache rootfs, List<String> packages) {
        this.dir = cacheDir.resolve("repo-" + rootfs.suite());
        this.aptDir = cacheDir.resolve("apt-" + rootfs.suite());
        this.rootfs = rootfs;
        this.packages = List.copyOf(packages);
    }

    /** The repository of {@code rootfs}'s release with the packages the shipped list names for it. */
    static AptRepository forRelease(Path cacheDir, RootfsCache rootfs) {
        return new AptRepository(cacheDir, rootfs, packageListFromClasspath(rootfs.suite()));
    }

    Path dir() {
        return dir;
    }

    /**
     * The package list resource for a release: one name per line, '#' starts a comment; a name
     * followed by {@code [suite suite...]} is only for those releases (e.g. {@code tomcat9 [bullseye]}).
     */
    static List<String> packageListFromClasspath(String suite) {
        try (InputStream in = AptRepository.class.getResourceAsStream(PACKAGE_LIST_RESOURCE)) {
            if (in == null) {
                throw new LabException(LabMessages.text("error.missingResource", PACKAGE_LIST_RESOURCE));
            }
            return parsePackageList(new String(in.readAllBytes(), StandardCharsets.UTF_8), suite);
        } catch (IOException e) {
            throw new LabException(LabMessages.text("error.io.read", PACKAGE_LIST_RESOURCE, e.getMessage()), e);
        }
    }

    static List<String> parsePackageList(String text, String suite) {
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            String name = line.replaceAll("#.*", "").strip();
            Matcher only = ONLY_FOR.matcher(name);
            if (only.matches()) {
                name = only.group(1);
                if (!List.of(only.group(2).strip().split("\\s+")).contains(suite)) {
                    continue;
                }
            }
            if (!name.isEmpty()) {
                if (!name.matches("[a-z0-9][a-z0-9+.-]+")) {
                    throw new LabException(LabMessages.text("error.packageName", PACKAGE_LIST_RESOURCE, name));
                }
                names.add(name);
            }
        }
        return names;
    }

    /** The packages (name=version) that {@code apt-get -s install} output says it would install. */
    static List<String> parseSimulatedInstall(String output) {
        List<String> pinned = new ArrayList<>();
        for (String line : output.split("\n")) {
            Matcher m = INST.matcher(line);
            if (m.find()) {
                pinned.add(m.group(1) + "=" + m.group(2));
            }
        }
        return pinned;
    }

    String markerContent() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.join("\n", packages).getBytes(StandardCharsets.UTF_8));
            sha.update(rootfs.markerContent().getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(rootfs.dir().resolve("var/lib/dpkg/status")));
            return HexFormat.of().formatHex(sha.digest()) + "\n";
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new LabException(LabMessages.text("error.io.fingerprint", e.getMessage()), e);
        }
    }

    /**
     * apt-get with a configuration of this repository's own: the release's archive only (signed
     * with Debian's keys), lists and cache under {@code CACHE/apt-SUITE}, the rootfs's dpkg status
     * (packages it has are left out), nothing of this machine's sources or pins.
     */
    private List<String> aptGet() {
        Files2.createDirectories(aptDir.resolve("lists/partial"));
        Files2.createDirectories(aptDir.resolve("cache/archives/partial"));
        Files2.createDirectories(aptDir.resolve("parts"));
        Files2.write(aptDir.resolve("sources.list"),
                "deb [signed-by=" + KEYRING + "] " + rootfs.mirror() + " " + rootfs.suite() + " main\n");
        return List.of("apt-get",
                "-o", "Dir::Etc::SourceList=" + aptDir.resolve("sources.list"),
                "-o", "Dir::Etc::SourceParts=" + aptDir.resolve("parts"),
                "-o", "Dir::Etc::Preferences=/dev/null",
                "-o", "Dir::Etc::PreferencesParts=" + aptDir.resolve("parts"),
                "-o", "Dir::State::Lists=" + aptDir.resolve("lists"),
                "-o", "Dir::Cache=" + aptDir.resolve("cache"),
                "-o", "Dir::State::status=" + rootfs.dir().resolve("var/lib/dpkg/status"),
                "-o", "APT::Get::List-Cleanup=false",
                "-o", "Debug::NoLocking=true");
    }

    boolean isReady() {
        try {
            return Files.readString(dir.resolve(MARKER)).equals(markerContent())
                    && Files.isRegularFile(dir.resolve("Packages"));
        } catch (IOException e) {
            return false;
        }
    }

    void ensure(LabProgress progress) {
        if (isReady()) {
            return;
        }
        progress.step(LabMessages.text("progress.repo", String.join(", ", packages), dir));
        Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
        Files2.deleteTree(partial);
        Files2.createDirectories(partial);
        List<String> closure = dependencyClosure(progress);
        List<String> download = new ArrayList<>(aptGet());
        download.add("download");
        download.addAll(closure);
        SystemCommand.of(download).directory(partial).timeout(Duration.ofMinutes(30)).onLine(progress::detail).check();
        // Only stdout is the index; dpkg-scanpackages reports its progress on stderr.
        SystemCommand.of("sh", "-c", "dpkg-scanpackages -m . /dev/null > Packages 2> scan.log")
                .directory(partial).check();
        Files2.write(partial.resolve(MARKER), markerContent());
        Files2.deleteTree(dir);
        try {
            Files.move(partial, dir);
        } catch (IOException e) {
            throw new LabException(LabMessages.text("error.io.move", partial, dir, e.getMessage()), e);
        }
        progress.step(LabMessages.text("progress.repoDone", closure.size()));
    }

    /**
     * Everything {@code apt-get install --no-install-recommends PACKAGES} would install on a host,
     * computed by the machine's apt against the rootfs's dpkg status, so packages already in the
     * rootfs are left out. If the machine's package lists do not know a package, they are
     * refreshed once with {@code apt-get update}.
     */
    private List<String> dependencyClosure(LabProgress progress) {
        List<String> simulate = new ArrayList<>(aptGet());
        simulate.addAll(List.of("-s", "-q", "install", "--no-install-recommends"));
        simulate.addAll(packages);
        ExecResult result = SystemCommand.of(simulate).run();
        if (!result.succeeded()) {
            progress.step(LabMessages.text("progress.aptUpdate", rootfs.suite()));
            List<String> update = new ArrayList<>(aptGet());
            update.addAll(List.of("-q", "update"));
            SystemCommand.of(update).timeout(Duration.ofMinutes(10)).onLine(progress::detail).check();
            result = SystemCommand.of(simulate).run();
        }
        if (!result.succeeded()) {
            throw new LabException(LabMessages.text("error.repoClosure", result.output().strip()));
        }
        List<String> closure = parseSimulatedInstall(result.output());
        if (closure.isEmpty()) {
            throw new LabException(LabMessages.text("error.repoClosure", result.output().strip()));
        }
        return closure;
    }
}
