package dev.halab.core.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/**
 * VRRP settings shared by every instance.
 *
 * @param version        2 or 3
 * @param advertInterval seconds between advertisements (fractions only in VRRPv3)
 * @param preempt        false = nopreempt: a recovered master does not take the VIP back
 * @param unicast        true = unicast_src_ip/unicast_peer instead of multicast 224.0.0.18
 * @param authentication VRRPv2 only; null = none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VrrpSettings(@JsonProperty(required = true) int version, BigDecimal advertInterval,
                           @JsonProperty(required = true) boolean preempt, boolean unicast,
                           @JsonProperty(required = true) int masterPriority,
                           @JsonProperty(required = true) int backupPriority, Authentication authentication,
                           CheckScript checkScript, List<VrrpInstance> instances) {

    public VrrpSettings {
        instances = instances == null ? List.of() : List.copyOf(instances);
    }
}
