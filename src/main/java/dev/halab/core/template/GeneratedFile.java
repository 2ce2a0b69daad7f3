package dev.halab.core.template;

/**
 * One file a host gets: its absolute path on the host, its full content and its permission bits
 * (e.g. {@code 0644}, {@code 0755}). Owner is always root.
 */
public record GeneratedFile(String path, String content, int mode) {

    public GeneratedFile {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a generated file needs an absolute path, got " + path);
        }
        if (content == null) {
            throw new IllegalArgumentException("no content for " + path);
        }
    }

    /** The mode as {@code chmod} takes it, e.g. {@code 0755}. */
    public String modeOctal() {
        return String.format("%04o", mode);
    }

    public boolean executable() {
        return (mode & 0100) != 0;
    }
}
