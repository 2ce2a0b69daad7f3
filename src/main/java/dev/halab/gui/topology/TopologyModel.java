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
    private final javafx.collections.ObservableMap<String, String> vipHolders = javafx.collections.FXCollections.observableHashMap();
    private final javafx.collections.ObservableMap<String, String> vipHoldersView =
            javafx.collections.FXCollections.unmodifiableObservableMap(vipHolders);

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

    /** Every VIP of the topology, in instance order (two in dual-master mode). */
    public List<String> vips() {
        return topology.instances().stream().map(dev.halab.core.topology.VrrpInstance::vip).toList();
    }

    /** Who holds each VIP (absent while nobody does or it is unknown). */
    public javafx.collections.ObservableMap<String, String> vipHolders() {
        return vipHoldersView;
    }

    void setVipHolder(String vip, String host) {
        if (host == null) {
            vipHolders.remove(vip);
        } else {
            vipHolders.put(vip, host);
        }
        if (vip.equals(vip())) {
            vipHolder.set(host);
        }
    }
}
