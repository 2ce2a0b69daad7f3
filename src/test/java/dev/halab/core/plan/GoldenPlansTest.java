package dev.halab.core.plan;

import dev.halab.core.facts.Distro;
import dev.halab.core.facts.Distros;
import dev.halab.core.facts.FactsProbe;
import dev.halab.core.facts.HostFacts;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.step.Action;
import dev.halab.core.step.Step;
import dev.halab.core.step.StepContext;
import dev.halab.core.step.StepResult;
import dev.halab.core.step.Steps;
import dev.halab.core.template.HostFiles;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan for the tutorial's four hosts on a fresh install of each supported release, driven by
 * recorded facts ({@code src/test/resources/releases/<release>/{frontend,backend}.facts}, probe output
 * written from the release's published package lists and default file layout) and compared with the
 * reviewed plan in {@code src/test/resources/golden-plans/<release>.plan}: the pre-flight results and,
 * per host, every step with the commands it would send. Regenerate after an intended change with
 * {@code mvn -Dtest=GoldenPlansTest -Dhalab.updateGolden=true test} and review the diff in git.
 */
class GoldenPlansTest {
    private static final boolean UPDATE = Boolean.getBoolean("halab.updateGolden");

    static Path testResources() {
        return Path.of(System.getProperty("halab.projectDir", ".")).resolve("src/test/resources");
    }

    static Stream<Distro> releases() {
        return Distros.supported().stream();
    }

    /** One host's facts: the role's recorded probe output with this host's own address and identity. */
    static HostFacts facts(Distro distro, Host host, int index) throws Exception {
        String recorded = Files.readString(testResources().resolve("releases").resolve(distro.id())
                .resolve(host.isFrontEnd() ? "frontend.facts" : "backend.facts"));
        return FactsProbe.parse(recorded.replace("ADDRESS", host.address())
                .replace("MACHINE_ID", "machine" + index).replace("MAC_ADDRESS", "00:0c:29:00:00:0" + index)
                .replace("HOST_KEY", "hostkey" + index));
    }

    static String plan(Distro distro) throws Exception {
        Topology tutorial = ProfileLoader.load("tutorial");
        Map<String, HostFacts> facts = new LinkedHashMap<>();
        for (int i = 0; i < tutorial.hosts().size(); i++) {
            facts.put(tutorial.hosts().get(i).name(), facts(distro, tutorial.hosts().get(i), i));
        }
        List<String> lines = new ArrayList<>();
        lines.add("# The tutorial profile on fresh " + distro.name() + " hosts (facts: releases/" + distro.id() + ").");
        lines.add("== pre-flight (facts)");
        for (PreflightResult result : Preflight.check(tutorial, facts)) {
            lines.add(result.status() + " " + result.check().stepId() + " " + result.host() + ": "
                    + result.text().render(Locale.ENGLISH));
        }
        for (Host host : tutorial.hosts()) {
            HostFacts f = facts.get(host.name());
            Distro chosen = Distros.require(f);
            lines.add("== " + host.name() + " (" + chosen.name() + ")");
            StepContext context = new StepContext(tutorial, host, f, HostFiles.forHost(tutorial, host, chosen));
            for (Step step : Steps.forHost(host, chosen)) {
                StepResult result = step.plan(context);
                if (result instanceof StepResult.NothingToDo nothing) {
                    lines.add(step.id() + ": nothing to do: " + nothing.reason().render(Locale.ENGLISH));
                } else if (result instanceof StepResult.Changes changes) {
                    lines.add(step.id() + ": " + changes.summary().render(Locale.ENGLISH));
                    for (Action action : changes.actions()) {
                        action.display().forEach(line -> lines.add("    " + line.render(Locale.ENGLISH)));
                    }
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void planOnAFreshHostOfEachReleaseMatchesGolden(Distro distro) throws Exception {
        Path golden = testResources().resolve("golden-plans").resolve(distro.id() + ".plan");
        String plan = plan(distro);
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, plan);
        }
        assertThat(golden).as("golden plan missing; run with -Dhalab.updateGolden=true and review the new file").exists();
        assertThat(plan).as("the plan for %s differs from %s; if intended, regenerate with -Dhalab.updateGolden=true",
                distro.name(), golden).isEqualTo(Files.readString(golden));
    }

    @Test
    void everySupportedReleaseHasRecordedFactsAndNoGoldenPlanIsStale() throws Exception {
        List<String> ids = Distros.supported().stream().map(Distro::id).toList();
        for (String id : ids) {
            assertThat(testResources().resolve("releases").resolve(id).resolve("frontend.facts"))
                    .as("a release added to Distros needs recorded facts").exists();
        }
        Path plans = testResources().resolve("golden-plans");
        if (!Files.isDirectory(plans)) {
            assertThat(UPDATE).as("%s is missing; create it with -Dhalab.updateGolden=true", plans).isTrue();
            return;
        }
        try (Stream<Path> files = Files.list(plans)) {
            List<Path> stale = files.filter(p -> !ids.contains(p.getFileName().toString().replaceFirst("\\.plan$", "")))
                    .toList();
            if (UPDATE) {
                for (Path path : stale) {
                    Files.delete(path);
                }
                return;
            }
            assertThat(stale).as("golden plans of releases Distros no longer lists; delete them").isEmpty();
        }
    }

    @Test
    void theReleaseDecidesTomcatsPackageAndPaths() throws Exception {
        assertThat(plan(Distros.DEBIAN_11)).contains("install -y --no-install-recommends tomcat9",
                "/var/lib/tomcat9/webapps/ROOT/index.jsp").doesNotContain("tomcat10");
        assertThat(plan(Distros.UBUNTU_24_04)).contains("install -y --no-install-recommends tomcat10",
                "/var/lib/tomcat10/webapps/ROOT/index.jsp").doesNotContain("tomcat9 ");
    }
}
