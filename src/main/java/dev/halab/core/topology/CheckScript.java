package dev.halab.core.topology;

/**
 * The nginx health check keepalived runs.
 *
 * @param interval seconds between runs
 * @param weight   added to the priority while the check fails (negative) or succeeds (positive);
 *                 0 puts the instance into FAULT on failure
 */
public record CheckScript(@com.fasterxml.jackson.annotation.JsonProperty(required = true) int interval,
                          @com.fasterxml.jackson.annotation.JsonProperty(required = true) int weight) {
}
