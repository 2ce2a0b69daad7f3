package dev.halab.core.topology;

import dev.halab.core.i18n.LocalizedText;

import java.util.List;

/**
 * A change to the topology that fixes what a pre-flight check found, offered as one click (GUI)
 * or one flag (CLI): both apply the same {@link #apply(Topology)}.
 */
public sealed interface Remedy {
    /** What the button says. */
    LocalizedText label();

    /** The topology with the fix applied; the input is left as it was. */
    Topology apply(Topology topology);

    /** VRRP adverts sent straight to the peer front end instead of multicast (when multicast does not get through). */
    record UseUnicast() implements Remedy {
        @Override
        public LocalizedText label() {
            return LocalizedText.of("preflight", "remedy.unicast");
        }

        @Override
        public Topology apply(Topology t) {
            return withVrrp(t, new VrrpSettings(t.vrrp().version(), t.vrrp().advertInterval(), t.vrrp().preempt(), true,
                    t.vrrp().masterPriority(), t.vrrp().backupPriority(), t.vrrp().authentication(),
                    t.vrrp().checkScript(), t.vrrp().instances()));
        }
    }

    /** Another virtual router id for one instance (when another router on the segment uses it). */
    record UseVrid(String instance, int vrid) implements Remedy {
        @Override
        public LocalizedText label() {
            return LocalizedText.of("preflight", "remedy.vrid", instance, vrid);
        }

        @Override
        public Topology apply(Topology t) {
            List<VrrpInstance> instances = t.vrrp().instances().stream().map(i -> i.name().equals(instance)
                    ? new VrrpInstance(i.name(), vrid, i.vip(), i.master(), i.initialState()) : i).toList();
            return withVrrp(t, new VrrpSettings(t.vrrp().version(), t.vrrp().advertInterval(), t.vrrp().preempt(),
                    t.vrrp().unicast(), t.vrrp().masterPriority(), t.vrrp().backupPriority(), t.vrrp().authentication(),
                    t.vrrp().checkScript(), instances));
        }
    }

    private static Topology withVrrp(Topology t, VrrpSettings vrrp) {
        return t.withVrrp(vrrp);
    }
}
