package dev.halab.core.topology;

/** @param port tomcat's HTTP connector port */
public record TomcatSettings(@com.fasterxml.jackson.annotation.JsonProperty(required = true) int port) {
}
