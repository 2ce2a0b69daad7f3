package dev.halab.core.failover;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.ArrayList;

/** The outcome of a scenario: every step, passed only if every step met its expectation. */
public record ScenarioReport(ScenarioKind kind, String profile, ChaosAction how, Instant startedAt, List<StepResult> steps) {
    public ScenarioReport {
        steps = List.copyOf(steps);
    }

    public boolean passed() {
        return !steps.isEmpty() && steps.stream().allMatch(StepResult::passed);
    }

    /** A plain map tree (strings, numbers, booleans, lists) for JSON: texts rendered in the locale. */
    public Map<String, Object> toJsonTree(Locale locale) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", kind.cliName());
        root.put("profile", profile);
        root.put("how", how.cliName());
        root.put("startedAt", startedAt.toString());
        root.put("passed", passed());
        List<Object> list = new ArrayList<>();
        for (StepResult step : steps) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", step.id());
            s.put("passed", step.passed());
            s.put("action", step.action().render(locale));
            s.put("expected", step.expected().render(locale));
            s.put("observed", step.observed().render(locale));
            s.put("explanation", step.explanation().render(locale));
            s.put("tookMillis", step.took().toMillis());
            Outage o = step.outage();
            if (o != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("method", o.method().cliName());
                m.put("faultAt", o.faultAt().toString());
                m.put("measuredMillis", o.measured() == null ? null : o.measured().toMillis());
                m.put("floorMillis", o.floor().toMillis());
                m.put("failedRequests", o.failedRequests());
                m.put("oldServer", o.oldServer());
                m.put("newServer", o.newServer());
                m.put("monitorLagMillis", o.monitorLag() == null ? null : o.monitorLag().toMillis());
                s.put("outage", m);
            }
            list.add(s);
        }
        root.put("steps", list);
        return root;
    }
}
