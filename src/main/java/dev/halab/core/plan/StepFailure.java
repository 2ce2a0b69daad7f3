package dev.halab.core.plan;

import dev.halab.core.i18n.LocalizedText;

/** A step could not finish; carries the user-facing reason. Internal to the runner. */
final class StepFailure extends Exception {
    private final transient LocalizedText why;

    StepFailure(LocalizedText why) {
        super(why.render(java.util.Locale.ENGLISH));
        this.why = why;
    }

    LocalizedText why() {
        return why;
    }
}
