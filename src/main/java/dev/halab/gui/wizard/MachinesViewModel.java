package dev.halab.gui.wizard;

import dev.halab.core.remote.HostKeyPrompt;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.service.ConnectionCheck;
import dev.halab.gui.service.Credentials;
import dev.halab.gui.service.Services;
import dev.halab.gui.service.WorkerCall;

import java.util.Optional;

/**
 * The machines page: the connection test of one host (login, host key, interface detection),
 * with the login captured from the shared {@link WizardState} on the FX thread.
 */
public final class MachinesViewModel {
    private final WizardState state;
    private final Services services;
    private final UiContext context;
    private HostKeyPrompt hostKeyPrompt = HostKeyPrompt.REFUSE;

    MachinesViewModel(WizardState state, Services services, UiContext context) {
        this.state = state;
        this.services = services;
        this.context = context;
    }

    /** How a host key seen for the first time is confirmed (the app asks in a dialog). */
    public void setHostKeyPrompt(HostKeyPrompt prompt) {
        this.hostKeyPrompt = prompt;
    }

    public void testConnection(HostFields row) {
        Topology topology = state.toDraft().topology();
        Optional<Host> host = topology == null ? Optional.empty() : topology.findHost(row.name());
        if (host.isEmpty()) {
            return;
        }
        Credentials credentials = state.credentials();
        HostKeyPrompt prompt = hostKeyPrompt;
        row.testStateProperty().set(HostFields.TestState.TESTING);
        row.testMessageProperty().set(null);
        WorkerCall.call(context, () -> services.connection().test(topology, host.get(), credentials, prompt), outcome -> {
            ConnectionCheck result = outcome.ok() ? outcome.value()
                    : new ConnectionCheck(false, null, outcome.failure(), null);
            row.testMessageProperty().set(result.message());
            row.fingerprintProperty().set(result.fingerprint());
            if (result.detectedInterface() != null && host.get().isFrontEnd()
                    && state.interfaceNameProperty().get().isBlank()) {
                state.interfaceNameProperty().set(result.detectedInterface());
            }
            // Last, so whoever watches the state sees the message and fingerprint already set.
            row.testStateProperty().set(result.ok() ? HostFields.TestState.OK : HostFields.TestState.FAILED);
        });
    }
}
