package dev.halab.gui.scenario;

import java.util.List;

/**
 * The tutorial's experiments as steps. Each step has an action on a front end named by its
 * configured role (the instance's master or its backup) and the front end that should then hold
 * the VIP and serve every request. Texts are keys {@code scenario.<id>.step<N>.(todo|expect|why)}.
 */
public enum GuidedScenario {
    PREEMPT("preempt", List.of(
            new Step(Action.NONE, Role.MASTER),
            new Step(Action.KILL_MASTER, Role.BACKUP),
            new Step(Action.RESTORE_MASTER, Role.MASTER))),
    NOPREEMPT("nopreempt", List.of(
            new Step(Action.NONE, Role.MASTER),
            new Step(Action.KILL_MASTER, Role.BACKUP),
            new Step(Action.RESTORE_MASTER, Role.BACKUP),
            new Step(Action.KILL_BACKUP, Role.MASTER)));

    public enum Action { NONE, KILL_MASTER, RESTORE_MASTER, KILL_BACKUP }

    public enum Role { MASTER, BACKUP }

    /** @param expectedHolder the front end (by configured role) that should hold the VIP after the action */
    public record Step(Action action, Role expectedHolder) {
    }

    private final String id;
    private final List<Step> steps;

    GuidedScenario(String id, List<Step> steps) {
        this.id = id;
        this.steps = steps;
    }

    public String id() {
        return id;
    }

    public List<Step> steps() {
        return steps;
    }

    public String textKey(int stepIndex, String part) {
        return "scenario." + id + ".step" + (stepIndex + 1) + "." + part;
    }
}
