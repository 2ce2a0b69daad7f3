package dev.halab.gui.topology;

import dev.halab.core.topology.Host;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One machine on the dashboard, as read-only properties the monitor fills in. A value is null
 * until the monitor has reported it: the view shows "unknown" rather than guess.
 */
public final class NodeModel {
    private final Host host;
    private final int index;
    private final ReadOnlyStringWrapper vrrpState = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Boolean> hostUp = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Boolean> nginxUp = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Boolean> keepalivedUp = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Boolean> tomcatUp = new ReadOnlyObjectWrapper<>();

    NodeModel(Host host, int index) {
        this.host = host;
        this.index = index;
    }

    public Host host() {
        return host;
    }

    public String name() {
        return host.name();
    }

    /** Position among the machines of its role (0 or 1): picks its colour. */
    public int index() {
        return index;
    }

    /** What the tutorial's page shows for this machine: NGINX-1 for a front end, the address for a back end. */
    public String label() {
        return host.isFrontEnd() && host.nginxHeader() != null ? host.nginxHeader() : host.address();
    }

    public ReadOnlyStringProperty vrrpStateProperty() {
        return vrrpState.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Boolean> hostUpProperty() {
        return hostUp.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Boolean> nginxUpProperty() {
        return nginxUp.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Boolean> keepalivedUpProperty() {
        return keepalivedUp.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Boolean> tomcatUpProperty() {
        return tomcatUp.getReadOnlyProperty();
    }

    void setVrrpState(String state) {
        vrrpState.set(state);
    }

    void setHealth(String service, boolean up) {
        switch (service) {
            case "nginx" -> nginxUp.set(up);
            case "keepalived" -> keepalivedUp.set(up);
            case "tomcat" -> tomcatUp.set(up);
            default -> hostUp.set(up);
        }
    }
}
