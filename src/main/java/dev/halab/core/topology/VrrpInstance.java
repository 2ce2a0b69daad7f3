package dev.halab.core.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One VRRP instance (virtual router): its id, the VIP it carries and the front end that is its
 * master. {@code initialState} is optional; the tool derives it (MASTER for the master in preempt
 * mode, BACKUP otherwise) and warns when a given value cannot be honoured.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VrrpInstance(String name, @JsonProperty(required = true) int vrid, String vip, String master, String initialState) {
}
