package dev.halab.core.topology;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The front ends' shared subnet and the interface keepalived binds the VIP to. */
public record NetworkSettings(@JsonProperty(required = true) int prefixLength, @JsonProperty("interface") String interfaceName) {
}
