package dev.halab.core.step;

import dev.halab.core.i18n.LocalizedText;

import java.util.List;

/** What a step found: nothing to do (and why), or the actions still needed. */
public sealed interface StepResult {

    record NothingToDo(LocalizedText reason) implements StepResult { }

    record Changes(LocalizedText summary, List<Action> actions) implements StepResult {
        public Changes {
            actions = List.copyOf(actions);
            if (actions.isEmpty()) {
                throw new IllegalArgumentException("changes without actions: use NothingToDo");
            }
        }
    }

    static StepResult nothing(String key, Object... args) {
        return new NothingToDo(StepTexts.text(key, args));
    }

    static StepResult changes(LocalizedText summary, List<Action> actions) {
        return new Changes(summary, actions);
    }
}
