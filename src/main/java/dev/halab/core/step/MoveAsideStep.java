package dev.halab.core.step;

import dev.halab.core.facts.Distro;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Role;

import java.util.List;

/**
 * Moves a file a package installs out of the way (into the backup folder, never deleted): the
 * nginx default site (it would also claim {@code default_server}) and tomcat's default
 * {@code index.html} (it would win over index.jsp in the welcome-file list).
 */
public final class MoveAsideStep implements Step {
    private final String id;
    private final Phase phase;
    private final Role role;
    private final String path;
    private final String owningPackage;

    public MoveAsideStep(String id, Phase phase, Role role, String path, String owningPackage) {
        this.id = id;
        this.phase = phase;
        this.role = role;
        this.path = path;
        this.owningPackage = owningPackage;
    }

    public static MoveAsideStep nginxDefaultSite(Distro distro) {
        return new MoveAsideStep("nginx.defaultSite", Phase.FRONTEND, Role.FRONTEND, distro.nginxDefaultSite(), "nginx");
    }

    public static MoveAsideStep tomcatDefaultPage(Distro distro) {
        return new MoveAsideStep("tomcat.defaultPage", Phase.BACKEND, Role.BACKEND, distro.tomcatDefaultPage(), distro.tomcat());
    }

    public String path() {
        return path;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public LocalizedText title() {
        return StepTexts.text("step.moveAside.title", path);
    }

    @Override
    public Phase phase() {
        return phase;
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.role() == role;
    }

    @Override
    public StepResult plan(StepContext context) {
        if (context.facts().exists(path)) {
            return StepResult.changes(StepTexts.text("step.moveAside.move", path), List.of(new Action.MoveAside(path)));
        }
        if (!context.facts().installed(owningPackage)) {
            // Dry run on a fresh host: the package will create the file; the real run sees it.
            return StepResult.changes(StepTexts.text("step.moveAside.afterInstall", path, owningPackage),
                    List.of(new Action.MoveAside(path)));
        }
        if (context.facts().manifest().flatMap(m -> m.file(path)).isPresent()) {
            return StepResult.nothing("step.moveAside.nothingMoved", path);
        }
        return StepResult.nothing("step.moveAside.nothingAbsent", path);
    }
}
