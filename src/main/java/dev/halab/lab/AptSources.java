package dev.halab.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the machine's own apt configuration to find the Debian mirror and release the lab's
 * rootfs is built from, so the rootfs and the lab's package repository (downloaded with the
 * machine's apt) are the same Debian release from the same place.
 */
final class AptSources {

    private AptSources() {
    }

    /** The text of /etc/apt/sources.list and every file of /etc/apt/sources.list.d, blank-line separated. */
    static String machineSources() {
        StringBuilder all = new StringBuilder();
        List<Path> files = new ArrayList<>(List.of(Path.of("/etc/apt/sources.list")));
        try (var listed = Files.newDirectoryStream(Path.of("/etc/apt/sources.list.d"))) {
            listed.forEach(files::add);
        } catch (IOException e) {
            // no sources.list.d: only sources.list counts
        }
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                all.append(Files2.read(file)).append("\n\n");
            }
        }
        return all.toString();
    }

    /** VERSION_CODENAME from /etc/os-release text, e.g. {@code bookworm}. */
    static Optional<String> codename(String osRelease) {
        for (String line : osRelease.split("\n")) {
            if (line.startsWith("VERSION_CODENAME=")) {
                String value = line.substring("VERSION_CODENAME=".length()).replace("\"", "").strip();
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * The first mirror URI that serves {@code codename} itself (not -updates or -security),
     * from sources in either format: one-line ({@code deb [opts] URI SUITE COMPONENTS}) or
     * deb822 stanzas ({@code URIs:} / {@code Suites:}).
     */
    static Optional<String> mirrorFor(String codename, String sources) {
        String stanzaUri = null;
        boolean stanzaHasSuite = false;
        for (String rawLine : (sources + "\n\n").split("\n")) {
            String line = rawLine.strip();
            if (line.isEmpty()) {
                if (stanzaUri != null && stanzaHasSuite) {
                    return Optional.of(stanzaUri);
                }
                stanzaUri = null;
                stanzaHasSuite = false;
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("deb ")) {
                String rest = line.substring(4).strip();
                if (rest.startsWith("[")) {
                    rest = rest.substring(rest.indexOf(']') + 1).strip();
                }
                String[] fields = rest.split("\\s+");
                if (fields.length >= 2 && fields[1].equals(codename)) {
                    return Optional.of(fields[0]);
                }
            } else if (line.regionMatches(true, 0, "URIs:", 0, 5)) {
                stanzaUri = line.substring(5).strip().split("\\s+")[0];
            } else if (line.regionMatches(true, 0, "Suites:", 0, 7)) {
                for (String suite : line.substring(7).strip().split("\\s+")) {
                    if (suite.equals(codename)) {
                        stanzaHasSuite = true;
                    }
                }
            }
        }
        return Optional.empty();
    }
}
