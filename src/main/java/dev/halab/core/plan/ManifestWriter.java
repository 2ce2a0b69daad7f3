package dev.halab.core.plan;

import dev.halab.core.facts.FactsProbe;
import dev.halab.core.facts.Manifest;
import dev.halab.core.remote.RemoteException;

/** Keeps the host's manifest ({@link Manifest#PATH}) and the run's copy of it in step. */
final class ManifestWriter {

    void write(HostRun host, Manifest manifest) throws StepFailure {
        try {
            host.shell.upload(FactsProbe.manifestBytes(manifest), Manifest.PATH, 0600);
            host.manifest = manifest;
        } catch (RemoteException e) {
            throw new StepFailure(e.text());
        }
    }
}
