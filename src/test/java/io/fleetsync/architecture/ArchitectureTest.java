package io.fleetsync.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
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

    @Test
    void onlyClusterAndKubeconfigUseTheKubernetesClient() {
        noClasses().that().resideOutsideOfPackages("io.fleetsync.cluster..", "io.fleetsync.kubeconfig..")
                .should().dependOnClassesThat(resideInAPackage("io.fabric8..")
                        .and(not(type(io.fabric8.kubernetes.api.model.Quantity.class))))
                .because("only cluster talks to an API server (docs/architecture.md); diff compares quantities"
                        + " with Fabric8's Quantity, a value type")
                .check(MAIN);
    }

    @Test
    void thePureStagesDoNoIoAndKnowNothingOfTheRun() {
        noClasses().that().resideInAnyPackage("io.fleetsync.diff..", "io.fleetsync.health..",
                        "io.fleetsync.rollout..", "io.fleetsync.resource..", "io.fleetsync.result..",
                        "io.fleetsync.units..")
                .should().dependOnClassesThat(resideInAnyPackage("io.fleetsync.cluster..", "io.fleetsync.plan..",
                        "io.fleetsync.apply..", "io.fleetsync.run..", "io.fleetsync.report..", "io.fleetsync.ops..",
                        "io.fleetsync.cli..", "io.fleetsync.manifest..", "io.fabric8.kubernetes.client.."))
                .because("decisions are pure functions tested from values; the stages that do I/O call them")
                .check(MAIN);
    }
}
