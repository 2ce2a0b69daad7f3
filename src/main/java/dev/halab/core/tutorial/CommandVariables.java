package dev.halab.core.tutorial;

import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.util.LinkedHashMap;
import java.util.Map;

/** The values a {@link StepCommand} is filled with: the student's own addresses, not the tutorial's. */
public final class CommandVariables {
    private CommandVariables() {
    }

    public static Map<String, String> of(Topology topology) {
        VrrpInstance instance = topology.primaryInstance();
        Host master = topology.masterOf(instance);
        Host backup = topology.backupOf(instance);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("master", master.address());
        values.put("masterName", master.name());
        values.put("backup", backup.address());
        values.put("backupName", backup.name());
        values.put("vip", instance.vip());
        values.put("iface", topology.interfaceOf(master));
        values.put("tomcat1", topology.backEnds().get(0).address());
        values.put("tomcat2", topology.backEnds().get(topology.backEnds().size() - 1).address());
        values.put("nginxPort", String.valueOf(topology.nginx().port()));
        values.put("tomcatPort", String.valueOf(topology.tomcat().port()));
        return values;
    }
}
