package dev.halab.core.topology;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * Present only in local-lab profiles: where the controller sits, the lab bridge's name, and which
 * Debian release the lab's hosts run ({@code suite} for all, {@code hostSuites} per host name).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LabSettings(String controllerAddress, String bridge, String suite, Map<String, String> hostSuites) {

    public LabSettings {
        hostSuites = hostSuites == null ? Map.of() : Map.copyOf(hostSuites);
    }

    public LabSettings(String controllerAddress, String bridge) {
        this(controllerAddress, bridge, null, Map.of());
    }
}
