package dev.halab.core.topology;

/** Present only in the local-lab profile: where the controller sits and the lab bridge's name. */
public record LabSettings(String controllerAddress, String bridge) {
}
