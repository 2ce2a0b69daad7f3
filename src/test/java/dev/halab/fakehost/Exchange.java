package dev.halab.fakehost;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One exchange with a host in a transcript: a command (as {@link Transcript#key rendered for
 * people}, with its exit code, stdout and stderr) or an upload (path, octal mode, content).
 * One JSON object per line in a transcript file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Exchange(String host, String command, Integer exit, String stdout, String stderr,
                       String upload, String mode, String content) {

    public static Exchange command(String host, String command, int exit, String stdout, String stderr) {
        return new Exchange(host, command, exit, stdout, stderr, null, null, null);
    }

    public static Exchange upload(String host, String path, String mode, String content) {
        return new Exchange(host, null, null, null, null, path, mode, content);
    }

    public boolean uploadsFile() {
        return upload != null;
    }

    /** How the exchange reads in a failure message. */
    public String describe() {
        return uploadsFile() ? "upload " + upload + " (" + mode + ")" : "`" + command + "`";
    }
}
