package dev.halab.core.step;

import dev.halab.core.command.RemoteCommand;

import java.util.Optional;

/**
 * How a generated file is checked on the host with the real tool before it counts as installed.
 * keepalived can test a config file by its path, so the staged copy is tested before it moves.
 * nginx tests its whole configuration, which includes every file of sites-enabled: the file is
 * tested in place and rolled back on failure; nginx is not reloaded until the test passes.
 */
public enum Validator {
    NONE, NGINX, KEEPALIVED;

    /** A check of the staged copy, before it moves into place. */
    public Optional<RemoteCommand> stagedCheck(String stagedPath) {
        return this == KEEPALIVED ? Optional.of(RemoteCommand.of("keepalived", "-t", "-f", stagedPath).asRoot())
                : Optional.empty();
    }

    /** A check after the step's files are in place. */
    public Optional<RemoteCommand> inPlaceCheck() {
        return this == NGINX ? Optional.of(RemoteCommand.of("nginx", "-t", "-q").asRoot()) : Optional.empty();
    }
}
