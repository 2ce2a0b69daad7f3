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
 * The lab's flat apt repository: the packages listed in {@code lab/repo-packages.txt} plus every
 * dependency the rootfs lacks, downloaded once with this machine's apt and cached. Hosts have no
 * internet; this repository, served on the controller address, is their only package source.
 *
 * <p>The cache is keyed by the package list and the rootfs it was computed against, so adding a
 * package to the list (or rebuilding the rootfs) rebuilds the repository on the next {@code up}.
 */
final class AptRepository {

    static final String PACKAGE_LIST_RESOURCE = "/lab/repo-packages.txt";
    private static final String MARKER = ".halab-repo";
    /** {@code apt-get -s} line for a package it would install: "Inst NAME [OLD] (VERSION ...)". */
    private static final Pattern INST = Pattern.compile("^Inst (\\S+) (?:\\[[^\\]]*\\] )?\\((\\S+) ");

    private final Path dir;
    private final RootfsCache rootfs;
    private final List<String> packages;

    AptRepository(Path cacheDir, RootfsCache rootfs, List<String> packages) {
        this.dir = cacheDir.resolve("repo");
        this.rootfs = rootfs;
        this.packages = List.copyOf(packages);
    }

    Path dir() {
        return dir;
    }

    /** The package list resource: one name per line, '#' starts a comment. */
    static List<String> packageListFromClasspath() {
        try (InputStream in = AptRepository.class.getResourceAsStream(PACKAGE_LIST_RESOURCE)) {
            if (in == null) {
                throw new LabException(PACKAGE_LIST_RESOURCE + " is missing from the classpath");
            }
            return parsePackageList(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LabException("cannot read " + PACKAGE_LIST_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static List<String> parsePackageList(String text) {
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            String name = line.replaceAll("#.*", "").strip();
            if (!name.isEmpty()) {
                if (!name.matches("[a-z0-9][a-z0-9+.-]+")) {
                    throw new LabException("not a Debian package name in " + PACKAGE_LIST_RESOURCE + ": " + name);
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
            throw new LabException("cannot fingerprint the package list: " + e.getMessage(), e);
        }
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
        progress.step(LabMessages.get("progress.repo", String.join(", ", packages), dir));
        Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
        Files2.deleteTree(partial);
        Files2.createDirectories(partial);
        List<String> closure = dependencyClosure(progress);
        List<String> download = new ArrayList<>(List.of("apt-get", "download"));
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
            throw new LabException("cannot move " + partial + " to " + dir + ": " + e.getMessage(), e);
        }
        progress.step(LabMessages.get("progress.repoDone", closure.size()));
    }

    /**
     * Everything {@code apt-get install --no-install-recommends PACKAGES} would install on a host,
     * computed by the machine's apt against the rootfs's dpkg status, so packages already in the
     * rootfs are left out. If the machine's package lists do not know a package, they are
     * refreshed once with {@code apt-get update}.
     */
    private List<String> dependencyClosure(LabProgress progress) {
        List<String> simulate = new ArrayList<>(List.of("apt-get", "-s", "-q",
                "-o", "Dir::State::status=" + rootfs.dir().resolve("var/lib/dpkg/status"),
                "install", "--no-install-recommends"));
        simulate.addAll(packages);
        ExecResult result = SystemCommand.of(simulate).run();
        if (!result.succeeded()) {
            progress.step(LabMessages.get("progress.aptUpdate"));
            SystemCommand.of("apt-get", "update", "-q").timeout(Duration.ofMinutes(10)).onLine(progress::detail).check();
            result = SystemCommand.of(simulate).run();
        }
        if (!result.succeeded()) {
            throw new LabException(LabMessages.get("error.repoClosure", result.output().strip()));
        }
        List<String> closure = parseSimulatedInstall(result.output());
        if (closure.isEmpty()) {
            throw new LabException(LabMessages.get("error.repoClosure", result.output().strip()));
        }
        return closure;
    }
}
