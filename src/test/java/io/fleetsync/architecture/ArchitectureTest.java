package io.fleetsync.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of docs/architecture.md as rules that fail the build when broken (production classes only). */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.fleetsync");

    @Test
    void theCliTalksToClustersOnlyThroughTheCore() {
        noClasses().that().resideInAPackage("io.fleetsync.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.fabric8..")
                .because("cli parses, calls the reconcile service and renders; clients are built in cluster/")
                .check(MAIN);
    }

    @Test
    void onlyTheCliPrintsToTheConsole() {
        noClasses().that().resideOutsideOfPackage("io.fleetsync.cli..")
                // The one exception left: its no-argument constructor sends render notes to System.err; the CLI
                // should hand it the stream (manifest/ is another branch's area this round).
                .and().doNotHaveFullyQualifiedName("io.fleetsync.manifest.DesiredStateLoader")
                // Renderers and progress are handed their stream by the CLI; what is banned is reaching for the
                // process's own.
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("stdout carries the plan or result, logs go through logging; only cli picks the streams")
                .check(MAIN);
    }

    @Test
    void theCoreDoesNotDependOnTheCli() {
        noClasses().that().resideOutsideOfPackage("io.fleetsync.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.fleetsync.cli..")
                .check(MAIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.fleetsync.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
