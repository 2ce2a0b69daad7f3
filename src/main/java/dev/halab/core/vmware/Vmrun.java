package dev.halab.core.vmware;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Which {@code vmrun} to call and for which product. {@code HALAB_VMRUN} (or {@code -Dhalab.vmrun})
 * names the program and {@code HALAB_VMRUN_TYPE} ({@code -Dhalab.vmrunType}: ws, fusion or player)
 * the product; otherwise the usual install folder of the system is tried, then {@code vmrun} on
 * the PATH, for Workstation on Windows and Linux and Fusion on macOS.
 */
public record Vmrun(String executable, VmwareProduct product) {

    static final List<String> WINDOWS_PLACES = List.of(
            "C:\\Program Files (x86)\\VMware\\VMware Workstation\\vmrun.exe",
            "C:\\Program Files\\VMware\\VMware Workstation\\vmrun.exe");
    static final String FUSION_PLACE = "/Applications/VMware Fusion.app/Contents/Library/vmrun";
    static final String LINUX_PLACE = "/usr/bin/vmrun";

    public static Vmrun locate() {
        Map<String, String> settings = new java.util.HashMap<>(System.getenv());
        putIfSet(settings, "HALAB_VMRUN", System.getProperty("halab.vmrun"));
        putIfSet(settings, "HALAB_VMRUN_TYPE", System.getProperty("halab.vmrunType"));
        return locate(System.getProperty("os.name", ""), settings, path -> Files.isRegularFile(Path.of(path)));
    }

    /** @param exists whether a program file is there (a parameter so every system's rule is testable) */
    static Vmrun locate(String osName, Map<String, String> env, java.util.function.Predicate<String> exists) {
        VmwareProduct product = VmwareProduct.fromHostType(env.get("HALAB_VMRUN_TYPE")).orElse(VmwareProduct.forOs(osName));
        String configured = env.get("HALAB_VMRUN");
        if (configured != null && !configured.isBlank()) {
            return new Vmrun(configured.trim(), product);
        }
        List<String> places = osName.toLowerCase(java.util.Locale.ROOT).startsWith("windows") ? WINDOWS_PLACES
                : osName.toLowerCase(java.util.Locale.ROOT).startsWith("mac") ? List.of(FUSION_PLACE) : List.of(LINUX_PLACE);
        return new Vmrun(places.stream().filter(exists).findFirst().orElse("vmrun"), product);
    }

    private static void putIfSet(Map<String, String> settings, String key, String value) {
        if (value != null && !value.isBlank()) {
            settings.put(key, value);
        }
    }
}
