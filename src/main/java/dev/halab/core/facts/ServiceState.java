package dev.halab.core.facts;

/** A service's state as the init system reports it. */
public record ServiceState(String name, boolean active, boolean enabled) {
    public static ServiceState absent(String name) {
        return new ServiceState(name, false, false);
    }
}
