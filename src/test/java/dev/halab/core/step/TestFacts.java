package dev.halab.core.step;

import dev.halab.core.facts.Firewall;
import dev.halab.core.facts.HostFacts;
import dev.halab.core.facts.InitSystem;
import dev.halab.core.facts.InterfaceAddress;
import dev.halab.core.facts.Manifest;
import dev.halab.core.facts.ServiceState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds {@link HostFacts} for step tests: a fresh Debian 12 host with systemd unless told otherwise. */
public final class TestFacts {
    String osId = "debian";
    String osVersion = "12";
    final java.util.Map<String, String> candidates = new HashMap<>();
    boolean python3 = true;
    dev.halab.core.facts.Identity identity = dev.halab.core.facts.Identity.UNKNOWN;
    boolean aptLists = true;
    InitSystem init = InitSystem.SYSTEMD;
    final Map<String, String> packages = new HashMap<>();
    final Map<String, String> files = new HashMap<>();
    final Map<String, String> fileModes = new HashMap<>();
    final Map<String, ServiceState> services = new HashMap<>();
    final List<String> links = new ArrayList<>(List.of("lo", "eth0"));
    final List<InterfaceAddress> addresses = new ArrayList<>();
    long disk = 10_000_000;
    Firewall firewall = Firewall.NONE;
    Manifest manifest;

    public static TestFacts fresh() {
        return new TestFacts();
    }

    public TestFacts os(String id) {
        osId = id;
        return this;
    }

    public TestFacts os(String id, String version) {
        osId = id;
        osVersion = version;
        return this;
    }

    public TestFacts candidate(String pkg, String version) {
        candidates.put(pkg, version);
        return this;
    }

    public TestFacts noPython() {
        python3 = false;
        return this;
    }

    public TestFacts identity(String machineId, Map<String, String> macs, List<String> hostKeys) {
        identity = new dev.halab.core.facts.Identity(machineId, macs, hostKeys);
        return this;
    }

    public TestFacts noAptLists() {
        aptLists = false;
        return this;
    }

    public TestFacts sysv() {
        init = InitSystem.SYSV;
        return this;
    }

    public TestFacts pkg(String name, String version) {
        packages.put(name, version);
        return this;
    }

    public TestFacts file(String path, String checksum) {
        files.put(path, checksum);
        return this;
    }

    public TestFacts service(String name, boolean active, boolean enabled) {
        services.put(name, new ServiceState(name, active, enabled));
        return this;
    }

    public TestFacts links(String... names) {
        links.clear();
        links.addAll(List.of(names));
        return this;
    }

    public TestFacts address(String iface, String address) {
        addresses.add(new InterfaceAddress(iface, address, 24));
        return this;
    }

    public TestFacts addressWithPrefix(String iface, String address, int prefix) {
        addresses.add(new InterfaceAddress(iface, address, prefix));
        return this;
    }

    public TestFacts disk(long kb) {
        disk = kb;
        return this;
    }

    public TestFacts firewall(Firewall value) {
        firewall = value;
        return this;
    }

    /** A probed file's octal mode and owner, as the probe reports them ("644", "root:root"). */
    public TestFacts fileMode(String path, String mode, String owner) {
        fileModes.put(path, mode + " " + owner);
        return this;
    }

    public TestFacts manifest(Manifest value) {
        manifest = value;
        return this;
    }

    public HostFacts build() {
        return new HostFacts(0, osId, osVersion, "", osId + " test", true, aptLists, init, packages, files, services, links,
                addresses, disk, List.of(), 0, firewall, List.of("root"), List.of("root"), Optional.ofNullable(manifest),
                candidates, python3, identity, fileModes);
    }
}
