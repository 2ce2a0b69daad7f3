package dev.halab.core.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One machine. Addresses stay strings here so that validation can report a malformed one with
 * its field name instead of failing while the profile is read.
 *
 * @param nginxHeader    front ends only: the {@code X-NGINX} value sent to tomcat and returned to
 *                       clients, e.g. {@code NGINX-1}
 * @param upstreamWeight back ends only: the nginx upstream weight (default 1)
 * @param interfaceName  optional per-host override of the network interface
 * @param vmx            optional: the VMware {@code .vmx} file of this machine on the controller,
 *                       which lets HA Lab power it off and on through {@code vmrun}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Host(String name, String address, Role role, String nginxHeader, Integer upstreamWeight,
                   @JsonProperty("interface") String interfaceName, String vmx) {

    /** A machine without a VMware power switch. */
    public Host(String name, String address, Role role, String nginxHeader, Integer upstreamWeight, String interfaceName) {
        this(name, address, role, nginxHeader, upstreamWeight, interfaceName, null);
    }

    @JsonIgnore // derived from role; without this a saved profile has "frontEnd" and cannot be loaded
    public boolean isFrontEnd() {
        return role == Role.FRONTEND;
    }

    @JsonIgnore
    public boolean isBackEnd() {
        return role == Role.BACKEND;
    }

    public int effectiveUpstreamWeight() {
        return upstreamWeight == null ? 1 : upstreamWeight;
    }

    public Host withAddress(String newAddress) {
        return new Host(name, newAddress, role, nginxHeader, upstreamWeight, interfaceName, vmx);
    }

    public Host withInterfaceName(String newInterface) {
        return new Host(name, address, role, nginxHeader, upstreamWeight, newInterface, vmx);
    }

    public Host withVmx(String newVmx) {
        return new Host(name, address, role, nginxHeader, upstreamWeight, interfaceName, newVmx);
    }
}
