package dev.halab.core.step;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.facts.InitSystem;

/**
 * Runs once per host at the end of a phase, only if a step that it watches changed something,
 * and not if the service was started later in the same run (it then already read the new files).
 */
public enum Handler {
    RELOAD_NGINX("nginx", Phase.FRONTEND),
    /**
     * keepalived: stop, wait until the process is gone, start. A plain restart right after a
     * start can leave keepalived stopped (stop returns before the daemon exits).
     */
    RESTART_KEEPALIVED("keepalived", Phase.KEEPALIVED);

    private final String service;
    private final Phase phase;

    Handler(String service, Phase phase) {
        this.service = service;
        this.phase = phase;
    }

    /** The phase at whose end it runs: the one whose steps write the files it watches. */
    public Phase phase() {
        return phase;
    }

    public String service() {
        return service;
    }

    public RemoteCommand command(InitSystem init) {
        return switch (this) {
            case RELOAD_NGINX -> init == InitSystem.SYSTEMD
                    ? RemoteCommand.of("systemctl", "reload-or-restart", "nginx").asRoot()
                    : RemoteCommand.of("service", "nginx", "reload").asRoot();
            case RESTART_KEEPALIVED -> RemoteCommand.shell((init == InitSystem.SYSTEMD ? "systemctl stop keepalived"
                    : "service keepalived stop")
                    + "; i=0; while pgrep -x keepalived >/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done; "
                    + (init == InitSystem.SYSTEMD ? "systemctl start keepalived" : "service keepalived start")).asRoot();
        };
    }
}
