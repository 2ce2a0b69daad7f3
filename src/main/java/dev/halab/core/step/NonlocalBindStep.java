package dev.halab.core.step;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Host;

import java.util.List;

/**
 * {@code net.ipv4.ip_nonlocal_bind=1} lets nginx bind an address the host does not hold (the VIP
 * on the backup). The generated site listens on all addresses, so it is only needed when
 * {@link #nginxBindsVip} is true; it is never set "just in case".
 */
public final class NonlocalBindStep implements Step {
    static final String SYSCTL_FILE = "/etc/sysctl.d/60-halab-nonlocal-bind.conf";
    private final boolean nginxBindsVip;

    public NonlocalBindStep(boolean nginxBindsVip) {
        this.nginxBindsVip = nginxBindsVip;
    }

    @Override
    public String id() {
        return "sysctl.nonlocalBind";
    }

    @Override
    public LocalizedText title() {
        return StepTexts.text("step.nonlocal.title");
    }

    @Override
    public Phase phase() {
        return Phase.FRONTEND;
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.isFrontEnd();
    }

    @Override
    public StepResult plan(StepContext context) {
        if (!nginxBindsVip) {
            return StepResult.nothing("step.nonlocal.notNeeded");
        }
        if (context.facts().nonlocalBind() == 1) {
            return StepResult.nothing("step.nonlocal.alreadySet");
        }
        // Uninstall removes the file and puts back the value the host had.
        int before = Math.max(0, context.facts().nonlocalBind());
        return StepResult.changes(StepTexts.text("step.nonlocal.set"), List.of(
                new Action.RecordUndo(RemoteCommand.of("sh", "-c", "rm -f \"$1\" && sysctl -q -w net.ipv4.ip_nonlocal_bind=\"$2\"",
                        "halab-undo", SYSCTL_FILE, String.valueOf(before))),
                Action.Run.of(RemoteCommand.shell("echo net.ipv4.ip_nonlocal_bind=1 > " + SYSCTL_FILE).asRoot()),
                Action.Run.of(RemoteCommand.of("sysctl", "-q", "-w", "net.ipv4.ip_nonlocal_bind=1").asRoot())));
    }
}
