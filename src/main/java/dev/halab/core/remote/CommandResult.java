package dev.halab.core.remote;

/** What a finished remote command returned; stdout and stderr as collected text. */
public record CommandResult(int exitCode, String stdout, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }
}
