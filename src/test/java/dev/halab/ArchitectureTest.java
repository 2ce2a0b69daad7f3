package dev.halab;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The core has no UI and knows none of its front ends: the GUI, the CLI and the local lab all
 * drive the same core, and core tests run without a display.
 */
@AnalyzeClasses(packages = "dev.halab",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreHasNoJavaFx = noClasses().that().resideInAPackage("dev.halab.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("core is UI-free: it runs under the CLI and in tests without a display");

    @ArchTest
    static final ArchRule coreDoesNotKnowItsFrontEnds = noClasses().that().resideInAPackage("dev.halab.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.halab.gui..", "dev.halab.cli..", "dev.halab.lab..")
            .because("the GUI, the CLI and the local lab depend on core, never the other way round");
}
