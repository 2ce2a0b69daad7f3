package dev.halab.core.step;

import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Host;

/**
 * One idempotent piece of the install, pyinfra-style: it reads {@link StepContext} (facts, files)
 * and returns the actions still needed or {@link StepResult.NothingToDo} with the reason. A step
 * never talks to the host itself, so it is tested as data: given these facts, expect these
 * actions. See docs/adding-a-step.md.
 */
public interface Step {
    /** Stable id, used in events and logs, e.g. {@code nginx.site}. */
    String id();

    LocalizedText title();

    Phase phase();

    boolean appliesTo(Host host);

    StepResult plan(StepContext context);
}
