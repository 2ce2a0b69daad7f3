package dev.halab.lab;

/**
 * What a command run in a lab host returned.
 *
 * @param exitCode the command's exit status (124 if it was stopped by a timeout, like coreutils' timeout)
 * @param output   standard output and standard error, interleaved as the command wrote them
 */
public record ExecResult(int exitCode, String output) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
