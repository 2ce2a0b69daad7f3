package dev.halab.gui.topology;

import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The topology drawn on the dashboard: the machines and who holds the VIP, as read-only
 * properties. Only {@link DashboardViewModel} writes them, from monitor events.
 */
public final class TopologyModel {
    private final Topology topology;
    private final List<NodeModel> frontEnds = new ArrayList<>();
    private final List<NodeModel> backEnds = new ArrayList<>();
    private final ReadOnlyStringWrapper vipHolder = new ReadOnlyStringWrapper();

    public TopologyModel(Topology topology) {
        this.topology = topology;
        for (Host host : topology.frontEnds()) {
            frontEnds.add(new NodeModel(host, frontEnds.size()));
        }
        for (Host host : topology.backEnds()) {
            backEnds.add(new NodeModel(host, backEnds.size()));
        }
    }

    public Topology topology() {
        return topology;
    }

    public String vip() {
        return topology.primaryInstance().vip();
    }

    public String controllerAddress() {
        return topology.lab() != null ? topology.lab().controllerAddress() : null;
    }

    public List<NodeModel> frontEnds() {
        return frontEnds;
    }

    public List<NodeModel> backEnds() {
        return backEnds;
    }

    /** The front end holding the primary VIP, or null while nobody holds it (or it is unknown). */
    public ReadOnlyStringProperty vipHolderProperty() {
        return vipHolder.getReadOnlyProperty();
    }

    public Optional<NodeModel> node(String name) {
        return java.util.stream.Stream.concat(frontEnds.stream(), backEnds.stream())
                .filter(n -> n.name().equals(name)).findFirst();
    }

    /** The front end whose nginx header or address is this (probe answers name NGINX-1 or an address). */
    public Optional<NodeModel> frontEndByLabel(String label) {
        return frontEnds.stream().filter(n -> n.label().equals(label) || n.host().address().equals(label)
                || n.name().equals(label)).findFirst();
    }

    public Optional<NodeModel> backEndByLabel(String label) {
        return backEnds.stream().filter(n -> n.host().address().equals(label) || n.name().equals(label)).findFirst();
    }

    void setVipHolder(String host) {
        vipHolder.set(host);
    }
}
