package dev.halab.core.failover;

import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the tutorial's experiments as data: its steps, each with the action on a node (named by
 * its configured role), the fault, where every VIP must then be, and the keys of its texts. The
 * CLI's {@link ScenarioRunner} and the GUI's guided panel both read these, so they cannot
 * disagree about what a step expects. A new scenario is a new entry in {@link #of}.
 */
public record Scenario(ScenarioKind kind, List<Step> steps) {
    private static final String BUNDLE = "failover";

    public Scenario {
        steps = List.copyOf(steps);
    }

    /** What a step does. */
    public enum Action {
        /** Tutorial Step 1: everything running, each VIP on its configured master. */
        BASELINE,
        /** A node fails (by the chosen method, or the step's own). */
        FAIL,
        /** The failed node is restored (link up, nginx and keepalived started). */
        RESTORE
    }

    /** A front end by its configured role in the first VRRP instance. */
    public enum Role { MASTER, BACKUP }

    /** Where the VIPs must be after the step. */
    public enum Placement {
        /** Each VIP on its own instance's configured master. */
        HOME,
        /** Every VIP on the configured master of the first instance. */
        ALL_ON_MASTER,
        /** Every VIP on the configured backup of the first instance (the other front end). */
        ALL_ON_BACKUP
    }

    /**
     * One step.
     *
     * @param id       {@code step1}, {@code step2}, ...
     * @param action   what is done
     * @param node     on which front end (ignored for the baseline)
     * @param fault    the fault of a FAIL step when the scenario fixes it (nginx-only), else null: the chosen method
     * @param expected where the VIPs must be afterwards
     * @param stays    the VIPs must stay where they are for a whole master-down interval (nopreempt)
     */
    public record Step(String id, Action action, Role node, ChaosAction fault, Placement expected, boolean stays) {
        /** The fault of a FAIL step with {@code chosen} as the user's method. */
        public ChaosAction faultWith(ChaosAction chosen) {
            return fault != null ? fault : chosen;
        }

        /** The bundle key of why this happens ({@code explain.*}, bundle "failover"). */
        public String explanationKey(ChaosAction chosen) {
            return switch (action) {
                case BASELINE -> "explain.baseline";
                case FAIL -> faultWith(chosen) == ChaosAction.NGINX ? "explain.nginx" : "explain.fail." + faultWith(chosen).cliName();
                case RESTORE -> stays ? "explain.recover.nopreempt" : "explain.recover.preempt";
            };
        }
    }

    /** The scenario of a kind. */
    public static Scenario of(ScenarioKind kind) {
        Step baseline = new Step("step1", Action.BASELINE, Role.MASTER, null, Placement.HOME, false);
        return switch (kind) {
            case PREEMPT -> new Scenario(kind, List.of(baseline,
                    new Step("step2", Action.FAIL, Role.MASTER, null, Placement.ALL_ON_BACKUP, false),
                    new Step("step3", Action.RESTORE, Role.MASTER, null, Placement.HOME, false)));
            case NOPREEMPT -> new Scenario(kind, List.of(baseline,
                    new Step("step2", Action.FAIL, Role.MASTER, null, Placement.ALL_ON_BACKUP, false),
                    new Step("step3", Action.RESTORE, Role.MASTER, null, Placement.ALL_ON_BACKUP, true),
                    new Step("step4", Action.FAIL, Role.BACKUP, null, Placement.ALL_ON_MASTER, false)));
            case NGINX -> new Scenario(kind, List.of(baseline,
                    new Step("step2", Action.FAIL, Role.MASTER, ChaosAction.NGINX, Placement.ALL_ON_BACKUP, false),
                    new Step("step3", Action.RESTORE, Role.MASTER, null, Placement.HOME, false)));
            case DUAL_MASTER -> new Scenario(kind, List.of(baseline,
                    new Step("step2", Action.FAIL, Role.MASTER, null, Placement.ALL_ON_BACKUP, false),
                    new Step("step3", Action.RESTORE, Role.MASTER, null, Placement.HOME, false)));
        };
    }

    /** The front end a role names: the first instance's configured master or backup. */
    public static Host host(Topology topology, Role role) {
        VrrpInstance first = topology.instances().get(0);
        return role == Role.MASTER ? topology.masterOf(first) : topology.backupOf(first);
    }

    /** Where each VIP must be after a step, in instance order. */
    public static Map<VrrpInstance, Host> expectedHolders(Topology topology, Step step) {
        Map<VrrpInstance, Host> holders = new LinkedHashMap<>();
        for (VrrpInstance instance : topology.instances()) {
            holders.put(instance, switch (step.expected()) {
                case HOME -> topology.masterOf(instance);
                case ALL_ON_MASTER -> host(topology, Role.MASTER);
                case ALL_ON_BACKUP -> host(topology, Role.BACKUP);
            });
        }
        return holders;
    }

    /** What the step expects, as people read it (the same words in the CLI report and the GUI panel). */
    public static LocalizedText expectedText(Topology topology, Step step) {
        List<LocalizedText> parts = expectedHolders(topology, step).entrySet().stream()
                .map(e -> step.stays()
                        ? LocalizedText.of(BUNDLE, "expected.stays", e.getKey().vip(), e.getValue().name(), host(topology, step.node()).name())
                        : LocalizedText.of(BUNDLE, "expected.placement", e.getKey().vip(), e.getValue().name(), e.getValue().nginxHeader()))
                .toList();
        LocalizedText text = parts.get(0);
        for (LocalizedText part : parts.subList(1, parts.size())) {
            text = LocalizedText.of(BUNDLE, "expected.two", text, part);
        }
        return text;
    }

    /** What the step does, as people read it. */
    public static LocalizedText actionText(Topology topology, Step step, ChaosAction chosen) {
        return switch (step.action()) {
            case BASELINE -> LocalizedText.of(BUNDLE, topology.vrrp().preempt() ? "step.baseline.action" : "step.baseline.actionOrdered",
                    String.join(", ", topology.frontEnds().stream().map(Host::name).toList()));
            case FAIL -> LocalizedText.of(BUNDLE, "step.fail.action", host(topology, step.node()).name(),
                    LocalizedText.of(BUNDLE, "how." + step.faultWith(chosen).cliName()));
            case RESTORE -> LocalizedText.of(BUNDLE, "step.recover.action", host(topology, step.node()).name());
        };
    }
}
