package dev.halab.core.tutorial;

import dev.halab.core.failover.ScenarioKind;
import dev.halab.core.i18n.Bundles;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.step.Step;
import dev.halab.core.step.Steps;
import dev.halab.core.topology.Topology;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every install step and every scenario step has the tutorial's command, quoted truly, in both languages. */
class TutorialCommandsTest {

    /** The step ids ScenarioRunner reports per scenario (step1..stepN); ScenarioCommandsIT checks them on the lab. */
    static final Map<ScenarioKind, Integer> SCENARIO_STEPS = Map.of(
            ScenarioKind.PREEMPT, 3, ScenarioKind.NOPREEMPT, 4, ScenarioKind.NGINX, 3, ScenarioKind.DUAL_MASTER, 3);

    @Test
    void everyInstallStepHasAnEntry() {
        for (Step step : Steps.all(dev.halab.core.facts.Distros.REFERENCE)) {
            assertThat(TutorialCommands.find(step.id())).as(step.id()).isPresent();
        }
    }

    @Test
    void everyScenarioStepHasAnEntry() {
        assertThat(SCENARIO_STEPS).containsOnlyKeys(ScenarioKind.values());
        SCENARIO_STEPS.forEach((kind, steps) -> IntStream.rangeClosed(1, steps).forEach(n ->
                assertThat(TutorialCommands.find(TutorialCommands.scenarioKey(kind, "step" + n))).as(kind + " step" + n).isPresent()));
    }

    @Test
    void noEntryWithoutAStepAndEveryMeaningInBothLanguages() {
        Set<String> keys = new HashSet<>();
        Steps.all(dev.halab.core.facts.Distros.REFERENCE).forEach(s -> keys.add(s.id()));
        SCENARIO_STEPS.forEach((kind, steps) -> IntStream.rangeClosed(1, steps)
                .forEach(n -> keys.add(TutorialCommands.scenarioKey(kind, "step" + n))));
        for (StepCommand command : TutorialCommands.all()) {
            assertThat(keys).as("a step for " + command.key()).contains(command.key());
            for (Locale locale : List.of(Locale.ENGLISH, Bundles.CHINESE)) {
                assertThat(command.meaning().render(locale)).as(command.key()).doesNotStartWith("command.");
            }
        }
        assertThat(TutorialCommands.all()).hasSize(keys.size());
    }

    @Test
    void quotedTutorialLinesAreLinesOfTheTutorial() throws IOException {
        Set<String> tutorial = new HashSet<>(DifferencesDocTest.tutorialLines());
        for (StepCommand command : TutorialCommands.all()) {
            if (!command.tutorial().isEmpty()) {
                assertThat(tutorial).as(command.key()).contains(command.tutorial());
            }
        }
    }

    @Test
    void commandsAreFilledWithTheProfilesAddresses() throws Exception {
        Topology lab = ProfileLoader.load("local-lab");
        Map<String, String> variables = CommandVariables.of(lab);
        for (StepCommand command : TutorialCommands.all()) {
            StepCommand rendered = command.render(variables);
            assertThat(rendered.byHand() + rendered.halabRan() + rendered.host()).as(command.key()).doesNotContain("${");
        }
        StepCommand step1 = TutorialCommands.find("scenario.preempt.step1").orElseThrow().render(variables);
        assertThat(step1.byHand()).contains("ip -4 addr show " + lab.interfaceOf(lab.host("nginx1")))
                .contains("http://" + lab.primaryInstance().vip() + "/");
    }

    @Test
    void anUnknownPlaceholderIsAClearError() {
        assertThatThrownBy(() -> StepCommand.fill("ping ${nowhere}", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("${nowhere}");
    }
}
