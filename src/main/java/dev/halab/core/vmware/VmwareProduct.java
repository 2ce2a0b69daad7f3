package dev.halab.core.vmware;

import java.util.Locale;
import java.util.Optional;

/** The VMware product {@code vmrun} drives, named by its {@code -T} host type. */
public enum VmwareProduct {
    WORKSTATION("ws"),
    FUSION("fusion"),
    PLAYER("player");

    private final String hostType;

    VmwareProduct(String hostType) {
        this.hostType = hostType;
    }

    /** The value of {@code vmrun -T}. */
    public String hostType() {
        return hostType;
    }

    /** Fusion on macOS, Workstation elsewhere (Windows and Linux). */
    public static VmwareProduct forOs(String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("mac") ? FUSION : WORKSTATION;
    }

    /** {@code ws}, {@code fusion} or {@code player} (as {@code vmrun -T} takes them), any case. */
    public static Optional<VmwareProduct> fromHostType(String value) {
        for (VmwareProduct product : values()) {
            if (product.hostType.equalsIgnoreCase(value == null ? "" : value.trim())) {
                return Optional.of(product);
            }
        }
        return Optional.empty();
    }
}
