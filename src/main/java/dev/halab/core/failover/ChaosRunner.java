package dev.halab.core.failover;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.remote.RemoteShell;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a front end on purpose, in one of the {@link ChaosAction} ways, and undoes it. Every
 * command runs on the chosen host only (over SSH, as root); nothing is killed by name.
 *
 * <p><b>Silent death ({@link ChaosAction#KILL}).</b> Every process of the keepalived unit is first
 * stopped ({@code systemctl kill --signal=SIGSTOP}), then killed ({@code --signal=SIGKILL}), inside
 * the host. keepalived's VRRP child gets SIGTERM from the kernel when its parent dies and then
 * leaves gracefully with priority 0; {@code systemctl kill} signals the unit's processes one by
 * one, parent first, so a SIGKILL alone leaves the child a moment to run that handler (seen once in
 * CI: a 0.157 s "silent" failover). A stopped process runs no handler before SIGKILL ends it.
 * A SIGKILLed keepalived also leaves the VIP on
 * the interface, where the node would keep answering for it; a dead node does not, so the action
 * removes the VIP right after the kill. (Without that, "VIP on a node that is not MASTER" fires.)
 *
 * <p><b>Network cut ({@link ChaosAction#NET}).</b> Before the link goes down the host schedules
 * its own "link up" with a transient systemd timer (or a detached {@code sleep} if systemd-run is
 * missing), so it comes back even though SSH is cut. The link goes down 200 ms after the command
 * returns, so the command's answer still reaches the controller.
 */
public final class ChaosRunner {
    private static final String BUNDLE = "failover";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration BOOT_WAIT = Duration.ofSeconds(120);
    static final long NET_DOWN_DELAY_MILLIS = 200;

    private static final String STOP_KEEPALIVED = "date +%s%3N; systemctl stop keepalived";
    static final String KILL_KEEPALIVED = """
            IF="$1"; shift
            date +%s%3N
            systemctl kill --signal=SIGSTOP keepalived
            systemctl kill --signal=SIGKILL keepalived
            for v in "$@"; do ip addr del "$v/32" dev "$IF" 2>/dev/null; done
            true
            """;
    private static final String STOP_NGINX = "date +%s%3N; systemctl stop nginx";
    private static final String CUT_NETWORK = """
            IF="$1"; N="$2"
            if ! systemd-run --quiet --collect --on-active="$N" --timer-property=AccuracySec=100ms ip link set "$IF" up >/dev/null 2>&1; then
                nohup sh -c 'sleep "$1"; ip link set "$2" up' halab-net-up "$N" "$IF" >/dev/null 2>&1 </dev/null &
            fi
            T=$(date +%s%3N); echo $((T + 200))
            (sleep 0.2; ip link set "$IF" down) >/dev/null 2>&1 </dev/null &
            """;
    private static final String RESTORE = """
            IF="$1"
            ip link set "$IF" up
            systemctl is-active -q nginx || systemctl start nginx
            systemctl reset-failed keepalived 2>/dev/null
            systemctl is-active -q keepalived || systemctl start keepalived
            date +%s%3N
            """;
    private static final String START_KEEPALIVED = "systemctl reset-failed keepalived 2>/dev/null; "
            + "systemctl is-active -q keepalived || systemctl start keepalived; date +%s%3N";
    private static final String CHECK_INSTALLED = "command -v keepalived >/dev/null && test -s /etc/keepalived/keepalived.conf "
            + "&& command -v nginx >/dev/null";

    private final Topology topology;
    private final ShellFactory shells;
    private final PowerSwitch power;

    /** @param power null when the hosts cannot be powered off and on (real VMs) */
    public ChaosRunner(Topology topology, ShellFactory shells, PowerSwitch power) {
        this.topology = topology;
        this.shells = shells;
        this.power = power;
    }

    public boolean canPower() {
        return power != null;
    }

    /** Applies a fault to a front end. {@code netCut} is used by {@link ChaosAction#NET} only. */
    public ChaosResult apply(Host host, ChaosAction action, Duration netCut) throws FailoverException {
        requireFrontEnd(host);
        String iface = topology.interfaceOf(host);
        switch (action) {
            case STOP:
                return fault(host, action, RemoteCommand.of("sh", "-c", STOP_KEEPALIVED),
                        LocalizedText.of(BUNDLE, "chaos.stop.done", host.name()));
            case KILL: {
                List<String> args = new ArrayList<>(List.of("sh", "-c", KILL_KEEPALIVED, "halab-kill", iface));
                topology.instances().forEach(i -> args.add(i.vip()));
                return fault(host, action, RemoteCommand.of(args), LocalizedText.of(BUNDLE, "chaos.kill.done", host.name()));
            }
            case NGINX:
                return fault(host, action, RemoteCommand.of("sh", "-c", STOP_NGINX),
                        LocalizedText.of(BUNDLE, "chaos.nginx.done", host.name()));
            case NET: {
                long seconds = netCut == null ? 10 : netCut.toSeconds();
                if (seconds < 1 || seconds > 3600) {
                    throw new FailoverException(LocalizedText.of(BUNDLE, "chaos.net.seconds", seconds), null);
                }
                return fault(host, action, RemoteCommand.of("sh", "-c", CUT_NETWORK, "halab-net", iface, Long.toString(seconds)),
                        LocalizedText.of(BUNDLE, "chaos.net.done", host.name(), iface, seconds));
            }
            case POWER: {
                if (power == null) {
                    throw new FailoverException(LocalizedText.of(BUNDLE, "chaos.power.unavailable", host.name()), null);
                }
                Instant at = Instant.now();
                try {
                    power.power(host.name(), false);
                } catch (Exception e) {
                    throw new FailoverException(LocalizedText.of(BUNDLE, "chaos.power.failed", host.name(),
                            String.valueOf(e.getMessage())), e);
                }
                return new ChaosResult(host.name(), action, false, at, LocalizedText.of(BUNDLE, "chaos.power.done", host.name()));
            }
            default:
                throw new IllegalStateException("unhandled action " + action);
        }
    }

    /**
     * Undoes every fault on a front end, whatever was done: powers it on if it cannot be reached
     * and a power switch exists, waits for a cut link to come back, brings the link up, starts
     * nginx and keepalived where they are not running. Idempotent.
     */
    public ChaosResult restore(Host host) throws FailoverException {
        requireFrontEnd(host);
        RemoteShell shell = openForRestore(host);
        try (shell) {
            CommandResult result = shell.run(RemoteCommand.of("sh", "-c", RESTORE, "halab-restore",
                    topology.interfaceOf(host)).asRoot(), COMMAND_TIMEOUT);
            if (!result.ok()) {
                throw commandFailed(host, result);
            }
            return new ChaosResult(host.name(), null, true, hostTime(result), LocalizedText.of(BUNDLE, "chaos.restore.done", host.name()));
        } catch (RemoteException e) {
            throw new FailoverException(e.text(), e);
        }
    }

    /** Starts keepalived on one front end (scenarios use it to choose who comes up first). */
    public ChaosResult startKeepalived(Host host) throws FailoverException {
        return fault(host, null, RemoteCommand.of("sh", "-c", START_KEEPALIVED),
                LocalizedText.of(BUNDLE, "chaos.start.done", host.name()));
    }

    /** Checks that keepalived and nginx are installed and configured on every front end. */
    public void requireInstalled(String profileName) throws FailoverException {
        for (Host host : topology.frontEnds()) {
            try (RemoteShell shell = shells.open(host)) {
                if (!shell.run(RemoteCommand.of("sh", "-c", CHECK_INSTALLED), COMMAND_TIMEOUT).ok()) {
                    throw new FailoverException(LocalizedText.of(BUNDLE, "scenario.notInstalled", host.name(), profileName), null);
                }
            } catch (RemoteException e) {
                throw new FailoverException(e.text(), e);
            }
        }
    }

    private ChaosResult fault(Host host, ChaosAction action, RemoteCommand command, LocalizedText description)
            throws FailoverException {
        try (RemoteShell shell = shells.open(host)) {
            CommandResult result = shell.run(command.asRoot(), COMMAND_TIMEOUT);
            if (!result.ok()) {
                throw commandFailed(host, result);
            }
            return new ChaosResult(host.name(), action, action == null, hostTime(result), description);
        } catch (RemoteException e) {
            throw new FailoverException(e.text(), e);
        }
    }

    private RemoteShell openForRestore(Host host) throws FailoverException {
        try {
            return shells.open(host);
        } catch (RemoteException first) {
            if (power != null) {
                try {
                    power.power(host.name(), true);
                } catch (Exception e) {
                    throw new FailoverException(LocalizedText.of(BUNDLE, "chaos.power.failed", host.name(),
                            String.valueOf(e.getMessage())), e);
                }
            }
            long deadline = System.nanoTime() + BOOT_WAIT.toNanos();
            RemoteException last = first;
            while (System.nanoTime() < deadline) {
                try {
                    Thread.sleep(1000);
                    return shells.open(host);
                } catch (RemoteException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw new FailoverException(LocalizedText.of(BUNDLE, "chaos.restore.unreachable", host.name(),
                    BOOT_WAIT.toSeconds(), last.text()), last);
        }
    }

    private static Instant hostTime(CommandResult result) {
        // The commands print the host's epoch milliseconds just before the fault.
        return result.stdout().lines().map(String::strip).filter(l -> l.matches("\\d{12,14}")).findFirst()
                .map(l -> Instant.ofEpochMilli(Long.parseLong(l))).orElseGet(Instant::now);
    }

    private FailoverException commandFailed(Host host, CommandResult result) {
        String reason = (result.stderr() + "\n" + result.stdout()).lines().filter(l -> !l.isBlank()).findFirst()
                .orElse("exit " + result.exitCode());
        return new FailoverException(LocalizedText.of(BUNDLE, "chaos.commandFailed", host.name(), result.exitCode(), reason), null);
    }

    private void requireFrontEnd(Host host) throws FailoverException {
        if (!host.isFrontEnd()) {
            throw new FailoverException(LocalizedText.of(BUNDLE, "chaos.notFrontEnd", host.name()), null);
        }
    }
}
