package dev.halab.core.step;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.facts.Firewall;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Host;

import java.util.List;

/**
 * Lets VRRP (IP protocol 112) from the other front end in, only when a firewall is active; an
 * inactive firewall stays inactive and an active one is never disabled.
 */
public final class FirewallStep implements Step {
    @Override
    public String id() {
        return "firewall.vrrp";
    }

    @Override
    public LocalizedText title() {
        return StepTexts.text("step.firewall.title");
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
        Firewall firewall = context.facts().firewall();
        if (!firewall.active()) {
            return StepResult.nothing("step.firewall.none");
        }
        String kind = firewall.kind().name().toLowerCase(java.util.Locale.ROOT);
        if (firewall.vrrpOpen()) {
            return StepResult.nothing("step.firewall.open", kind);
        }
        String peer = context.topology().frontEnds().stream().filter(h -> !h.name().equals(context.host().name()))
                .map(Host::address).findFirst().orElseThrow();
        List<Action> actions = switch (firewall.kind()) {
            case UFW -> List.of(Action.Run.of(RemoteCommand.of("ufw", "allow", "proto", "vrrp", "from", peer, "to", "any").asRoot()));
            case FIREWALLD -> List.of(
                    Action.Run.of(RemoteCommand.of("firewall-cmd", "--permanent",
                            "--add-rich-rule=rule family=\"ipv4\" source address=\"" + peer + "\" protocol value=\"vrrp\" accept").asRoot()),
                    Action.Run.of(RemoteCommand.of("firewall-cmd", "--reload").asRoot()));
            case NFTABLES -> List.of(Action.Run.of(RemoteCommand.of("nft", "insert", "rule", "inet", "filter", "input",
                    "ip", "saddr", peer, "ip", "protocol", "vrrp", "accept").asRoot()));
            case NONE -> throw new IllegalStateException("handled above");
        };
        return StepResult.changes(StepTexts.text("step.firewall.allow", kind, peer), actions);
    }
}
