package dev.halab.core.topology;

/** @param port the port nginx listens on (VIP and own address) */
public record NginxSettings(@com.fasterxml.jackson.annotation.JsonProperty(required = true) int port) {
}
