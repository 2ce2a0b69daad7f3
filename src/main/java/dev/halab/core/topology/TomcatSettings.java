package dev.halab.core.topology;

/** @param port tomcat's HTTP connector port */
public record TomcatSettings(int port) {
}
