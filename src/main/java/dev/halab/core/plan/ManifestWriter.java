package dev.halab.core.plan;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.facts.Manifest;
import dev.halab.core.remote.RemoteException;

/**
 * Keeps the host's manifest ({@link Manifest#PATH}) and the run's copy of it in step. The file is
 * replaced atomically: written beside it, flushed to disk, renamed over it, its folder flushed; a
 * cut connection or a power loss leaves the old manifest or the new one, never half of one.
 */
final class ManifestWriter {
    static final String STAGED = "/var/lib/halab/.manifest.json.halab-new";

    private final Commands commands;

    ManifestWriter(Commands commands) {
        this.commands = commands;
    }

    void write(HostRun host, String stepId, Manifest manifest) throws StepFailure {
        try {
            host.shell.upload(manifest.toBytes(), STAGED, 0600);
        } catch (RemoteException e) {
            throw new StepFailure(e.text());
        }
        commands.checked(host, stepId, RemoteCommand.of("sh", "-c", "sync \"$1\" && mv -f \"$1\" \"$2\" && sync \"$(dirname \"$2\")\"",
                "halab-manifest", STAGED, Manifest.PATH).asRoot());
        host.manifest = manifest;
    }
}
