package dev.halab.core.template;

import dev.halab.core.profile.ProfileException;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.topology.Authentication;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shipped profiles, plus variants that cover template branches no shipped profile uses. */
final class TestProfiles {
    private TestProfiles() {
    }

    static Map<String, Topology> shipped() {
        Map<String, Topology> profiles = new LinkedHashMap<>();
        for (String name : ProfileLoader.shippedProfileNames()) {
            profiles.put(name, load(name));
        }
        return profiles;
    }

    /** Shipped profiles and variants: unicast (v2 and v3), AH authentication, a per-host interface. */
    static Map<String, Topology> all() {
        Map<String, Topology> profiles = shipped();
        profiles.put("variant-tutorial-unicast", unicast(load("tutorial")));
        profiles.put("variant-fast-failover-unicast", unicast(load("fast-failover")));
        profiles.put("variant-dual-master-nopreempt-unicast", nopreempt(unicast(load("dual-master"))));
        Topology tutorial = load("tutorial");
        VrrpSettings v = tutorial.vrrp();
        profiles.put("variant-tutorial-ah", tutorial.withVrrp(new VrrpSettings(v.version(), v.advertInterval(),
                v.preempt(), v.unicast(), v.masterPriority(), v.backupPriority(), new Authentication("AH", "secret"),
                v.checkScript(), v.instances())));
        List<Host> hosts = tutorial.hosts().stream()
                .map(h -> h.name().equals("nginx2") ? h.withInterfaceName("eth1") : h).toList();
        profiles.put("variant-tutorial-own-interface", tutorial.withHosts(hosts));
        return profiles;
    }

    static Topology load(String name) {
        try {
            return ProfileLoader.load(name);
        } catch (ProfileException e) {
            throw new AssertionError("shipped profile " + name + " does not load: " + e.getMessage(), e);
        }
    }

    static Topology unicast(Topology t) {
        VrrpSettings v = t.vrrp();
        return t.withVrrp(new VrrpSettings(v.version(), v.advertInterval(), v.preempt(), true, v.masterPriority(),
                v.backupPriority(), v.authentication(), v.checkScript(), v.instances()));
    }

    static Topology nopreempt(Topology t) {
        VrrpSettings v = t.vrrp();
        return t.withVrrp(new VrrpSettings(v.version(), v.advertInterval(), false, v.unicast(), v.masterPriority(),
                v.backupPriority(), v.authentication(), v.checkScript(), v.instances()));
    }
}
