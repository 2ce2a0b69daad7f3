package dev.halab.gui.wizard;

/** A file the install would change on a host, with its unified diff (from the dry run). */
public record FileDiffItem(String host, String path, String unifiedDiff) {
    @Override
    public String toString() {
        return host + ":" + path;
    }
}
