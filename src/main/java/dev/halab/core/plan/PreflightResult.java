package dev.halab.core.plan;

import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Remedy;

import java.util.Optional;

/**
 * The outcome of one pre-flight check on one host: passed, a warning (install may go on), or
 * failed (nothing is installed); a failure's text says what to do, and some carry a {@link Remedy}.
 */
public record PreflightResult(String host, PreflightCheck check, Status status, LocalizedText text,
                              Optional<Remedy> remedy) {
    public enum Status { PASSED, WARNING, FAILED }

    public static PreflightResult passed(String host, PreflightCheck check, LocalizedText text) {
        return new PreflightResult(host, check, Status.PASSED, text, Optional.empty());
    }

    public static PreflightResult warning(String host, PreflightCheck check, LocalizedText text) {
        return new PreflightResult(host, check, Status.WARNING, text, Optional.empty());
    }

    public static PreflightResult failed(String host, PreflightCheck check, LocalizedText text) {
        return new PreflightResult(host, check, Status.FAILED, text, Optional.empty());
    }

    public PreflightResult withRemedy(Remedy value) {
        return new PreflightResult(host, check, status, text, Optional.of(value));
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    static LocalizedText text(String key, Object... args) {
        return LocalizedText.of("preflight", key, args);
    }
}
