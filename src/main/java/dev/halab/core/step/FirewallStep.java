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
    /** The comment on HA Lab's nftables rule, by which uninstall finds it again. */
    static final String NFT_COMMENT = "halab-vrrp";
    /**
     * VRRP's IP protocol number. nft resolves the name "vrrp" through /etc/protocols, which a minimal
     * host lacks (no netbase package): there "ip protocol vrrp" fails with "Could not resolve protocol name".
     */
    static final String VRRP_PROTOCOL_NUMBER = "112";

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
        // Each rule is recorded with its undo first, so that uninstall takes out exactly what HA Lab let in.
        String rule = "rule family=\"ipv4\" source address=\"" + peer + "\" protocol value=\"vrrp\" accept";
        List<Action> actions = switch (firewall.kind()) {
            case UFW -> List.of(
                    new Action.RecordUndo(RemoteCommand.of("ufw", "delete", "allow", "proto", "vrrp", "from", peer, "to", "any")),
                    Action.Run.of(RemoteCommand.of("ufw", "allow", "proto", "vrrp", "from", peer, "to", "any").asRoot()));
            case FIREWALLD -> List.of(
                    new Action.RecordUndo(RemoteCommand.of("sh", "-c", "firewall-cmd --permanent \"--remove-rich-rule=$1\" && firewall-cmd --reload",
                            "halab-undo", rule)),
                    Action.Run.of(RemoteCommand.of("firewall-cmd", "--permanent", "--add-rich-rule=" + rule).asRoot()),
                    Action.Run.of(RemoteCommand.of("firewall-cmd", "--reload").asRoot()));
            case NFTABLES -> List.of(
                    new Action.RecordUndo(RemoteCommand.of("sh", "-c", "nft -a list chain inet filter input"
                            + " | sed -n 's/.*comment \"" + NFT_COMMENT + "\".*# handle \\([0-9]*\\)$/\\1/p'"
                            + " | while read -r h; do nft delete rule inet filter input handle \"$h\"; done", "halab-undo")),
                    Action.Run.of(RemoteCommand.of("nft", "insert", "rule", "inet", "filter", "input",
                            "ip", "saddr", peer, "ip", "protocol", VRRP_PROTOCOL_NUMBER, "accept", "comment", "\"" + NFT_COMMENT + "\"").asRoot()));
            case NONE -> throw new IllegalStateException("handled above");
        };
        return StepResult.changes(StepTexts.text("step.firewall.allow", kind, peer), actions);
    }
}
