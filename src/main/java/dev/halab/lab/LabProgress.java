package dev.halab.lab;

import dev.halab.core.i18n.LocalizedText;

/**
 * Receives what the lab is doing, for the slow parts (building the rootfs, the apt repository,
 * booting hosts). A step is text as data: the front end renders it in the language it shows.
 * Implementations must be thread-safe: hosts are prepared in parallel.
 */
@FunctionalInterface
public interface LabProgress {

    /** Ignores everything; for callers that do not show progress. */
    LabProgress SILENT = message -> { };

    /** A new step started, e.g. "Building the host root filesystem (about 1-2 minutes)...". */
    void step(LocalizedText message);

    /** One line of output of a long-running tool (debootstrap, apt-get); ignored by default. */
    default void detail(String line) {
    }
}
