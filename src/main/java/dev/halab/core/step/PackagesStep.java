package dev.halab.core.step;

import dev.halab.core.facts.Distro;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Host;

import java.util.List;
import java.util.stream.Collectors;

/** Installs the packages a host's role needs, only those missing. */
public final class PackagesStep implements Step {
    private final Distro distro;

    public PackagesStep(Distro distro) {
        this.distro = distro;
    }

    @Override
    public String id() {
        return "packages";
    }

    @Override
    public LocalizedText title() {
        return StepTexts.text("step.packages.title");
    }

    @Override
    public Phase phase() {
        return Phase.PACKAGES;
    }

    @Override
    public boolean appliesTo(Host host) {
        return true;
    }

    @Override
    public StepResult plan(StepContext context) {
        List<String> wanted = distro.packagesFor(context.host());
        List<String> missing = wanted.stream().filter(p -> !context.facts().installed(p)).toList();
        if (missing.isEmpty()) {
            String versions = wanted.stream().map(p -> p + " " + context.facts().version(p).orElse("?"))
                    .collect(Collectors.joining(", "));
            return StepResult.nothing("step.packages.nothing", versions);
        }
        return StepResult.changes(StepTexts.text("step.packages.install", String.join(", ", missing)),
                List.of(new Action.InstallPackages(distro.packageManager(), missing,
                !context.facts().aptListsPresent())));
    }
}
