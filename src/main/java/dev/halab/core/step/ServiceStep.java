package dev.halab.core.step;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.facts.Distro;
import dev.halab.core.facts.InitSystem;
import dev.halab.core.facts.ServiceState;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Role;

import java.util.ArrayList;
import java.util.List;

/** A service enabled at boot and running: systemctl on systemd hosts, update-rc.d + service on SysV. */
public final class ServiceStep implements Step {
    private final String id;
    private final Phase phase;
    private final Role role;
    private final String service;

    public ServiceStep(String id, Phase phase, Role role, String service) {
        this.id = id;
        this.phase = phase;
        this.role = role;
        this.service = service;
    }

    public static ServiceStep tomcat(Distro distro) {
        return new ServiceStep("tomcat.service", Phase.BACKEND, Role.BACKEND, distro.tomcatService());
    }

    public static ServiceStep nginx() {
        return new ServiceStep("nginx.service", Phase.FRONTEND, Role.FRONTEND, "nginx");
    }

    public static ServiceStep keepalived() {
        return new ServiceStep("keepalived.service", Phase.KEEPALIVED, Role.FRONTEND, "keepalived");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public LocalizedText title() {
        return StepTexts.text("step.service.title", service);
    }

    @Override
    public Phase phase() {
        return phase;
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.role() == role;
    }

    @Override
    public StepResult plan(StepContext context) {
        ServiceState state = context.facts().service(service);
        if (state.active() && state.enabled()) {
            return StepResult.nothing("step.service.nothing", service);
        }
        boolean systemd = context.facts().initSystem() != InitSystem.SYSV;
        List<Action> actions = new ArrayList<>();
        if (systemd) {
            if (!state.enabled()) {
                // enable --now also starts it.
                actions.add(new Action.Run(RemoteCommand.of("systemctl", "enable", "--now", service).asRoot(),
                        state.active() ? null : service));
            } else {
                actions.add(new Action.Run(RemoteCommand.of("systemctl", "start", service).asRoot(), service));
            }
        } else {
            if (!state.enabled()) {
                actions.add(Action.Run.of(RemoteCommand.of("update-rc.d", service, "defaults").asRoot()));
            }
            if (!state.active()) {
                actions.add(new Action.Run(RemoteCommand.of("service", service, "start").asRoot(), service));
            }
        }
        String what = !state.enabled() && !state.active() ? "step.service.enableStart"
                : !state.enabled() ? "step.service.enable" : "step.service.start";
        return StepResult.changes(StepTexts.text(what, service), actions);
    }
}
