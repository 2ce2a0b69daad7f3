package dev.halab.core.exercise;

import dev.halab.core.i18n.LocalizedText;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The classic mistakes HA Lab plants on an installed lab for a student to find. Each names the
 * findings that make up HA Lab's own diagnosis: the monitor's named alerts ({@code AlertKind}
 * names) or a {@link StateFinding} read from the cluster state.
 */
public enum Exercise {
    /** The master's keepalived.conf names an interface the machine does not have (the tutorial's ens33). */
    WRONG_INTERFACE("wrongInterface", Set.of("INTERFACE_FAULT", StateFinding.VIP_ON_INTENDED_BACKUP.name())),
    /** The master has the lower priority: the VIP sits on the backup although both are healthy. */
    PRIORITIES_INVERTED("prioritiesInverted", Set.of(StateFinding.VIP_ON_INTENDED_BACKUP.name())),
    /** weight -5: a dead nginx lowers the master only to 245, still above 240; the VIP stays on a dead front end. */
    WEIGHT_TOO_SMALL("weightTooSmall", Set.of("NGINX_DEAD_ON_MASTER")),
    /** The backup's auth_pass differs: it drops the master's adverts and becomes MASTER too. */
    AUTH_MISMATCH("authMismatch", Set.of("AUTH_MISMATCH", "SPLIT_BRAIN")),
    /** The backup's virtual_router_id differs: two routers, each alone, both MASTER of the same VIP. */
    VRID_CLASH("vridClash", Set.of("VRID_MISMATCH", "SPLIT_BRAIN")),
    /** A firewall on the backup drops VRRP (IP protocol 112): it never hears the master. */
    VRRP_BLOCKED("vrrpBlocked", Set.of("SPLIT_BRAIN")),
    /** nopreempt with state MASTER: keepalived ignores nopreempt, and the returning master takes the VIP back. */
    NOPREEMPT_MASTER("nopreemptMaster", Set.of(StateFinding.PREEMPTED_DESPITE_NOPREEMPT.name()));

    static final String BUNDLE = "exercise";
    private final String id;
    private final Set<String> diagnosis;

    Exercise(String id, Set<String> diagnosis) {
        this.id = id;
        this.diagnosis = diagnosis;
    }

    /** Stable id for the CLI, the session record and the bundle keys: {@code authMismatch}. */
    public String id() {
        return id;
    }

    /** Findings of which any one is HA Lab's diagnosis of this mistake. */
    public Set<String> diagnosis() {
        return diagnosis;
    }

    public LocalizedText title() {
        return text("title");
    }

    /** What the student should watch on the dashboard. */
    public LocalizedText symptom() {
        return text("symptom");
    }

    /** Why the mistake causes the symptom, and what the repair restores. */
    public LocalizedText explanation() {
        return text("explanation");
    }

    private LocalizedText text(String part) {
        return LocalizedText.of(BUNDLE, "exercise." + id + "." + part);
    }

    public static Optional<Exercise> parse(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String w = word.trim().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.id.toLowerCase(Locale.ROOT).equals(w)).findFirst();
    }
}
