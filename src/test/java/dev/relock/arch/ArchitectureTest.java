package dev.relock.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relock.cli.Main;
import dev.relock.cli.RunContext;
import dev.relock.lock.CompileRequest;
import dev.relock.lock.IndexSettings;
import dev.relock.lock.LockOption;
import dev.relock.lock.LockSettings;
import dev.relock.name.ExtraName;
import dev.relock.reqtxt.AnnotationStyle;
import dev.relock.resolve.PrereleaseMode;
import dev.relock.tags.Target;
import dev.relock.tags.TargetPlatform;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps dependencies pointing one way:
 * cli → update/verify/compile/wheelhouse → resolve → build (sdist builds) → solver/index/advisory → standards → common.
 *
 * <p>Standards packages (one per PEP or file format) and the solver know nothing of the network,
 * JSON, GitHub or git; the solver knows nothing of Python.
 */
class ArchitectureTest {
    static final String[] STANDARDS = {
        "dev.relock.name..", "dev.relock.pep440..", "dev.relock.pep508..", "dev.relock.tags..",
        "dev.relock.filename..", "dev.relock.metadata..", "dev.relock.reqtxt..", "dev.relock.ranges.."
    };

    static JavaClasses classes;

    /**
     * Leaves out test classes: ArchUnit recognizes Maven's {@code target/test-classes} only, so the
     * test output under {@code -Drelock.buildDir} (which surefire passes on) is left out as well.
     */
    static final ImportOption NO_TESTS = location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
            && Optional.ofNullable(System.getProperty("relock.buildDir")).filter(dir -> !dir.isBlank())
                    .map(dir -> Path.of(dir, "test-classes").toAbsolutePath().normalize().toUri().getPath())
                    .map(testClasses -> !location.contains(testClasses))
                    .orElse(true);

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(NO_TESTS)
                .importPackages("dev.relock");
    }

    @Test
    void layersDependOnlyDownwards() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("common").definedBy("dev.relock.common..")
                .layer("standards").definedBy(STANDARDS)
                .layer("workspace").definedBy("dev.relock.workspace..")
                .layer("cache").definedBy("dev.relock.cache..")
                .layer("index").definedBy("dev.relock.index..")
                .layer("advisory").definedBy("dev.relock.advisory..")
                .layer("build").definedBy("dev.relock.build..")
                .layer("solver").definedBy("dev.relock.solver..")
                .layer("resolve").definedBy("dev.relock.resolve..")
                .layer("pipelines").definedBy(
                        "dev.relock.lock..", "dev.relock.verify..", "dev.relock.wheelhouse..")
                .layer("hosting").definedBy("dev.relock.hosting..")
                .layer("update").definedBy("dev.relock.update..")
                .layer("cli").definedBy("dev.relock.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("update").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("hosting").mayOnlyBeAccessedByLayers("update", "cli")
                .whereLayer("pipelines").mayOnlyBeAccessedByLayers("update", "cli")
                .whereLayer("resolve").mayOnlyBeAccessedByLayers("pipelines", "update", "cli")
                .whereLayer("workspace").mayOnlyBeAccessedByLayers("pipelines", "update", "cli")
                .whereLayer("solver").mayOnlyBeAccessedByLayers("resolve", "pipelines", "update", "cli")
                .whereLayer("advisory").mayOnlyBeAccessedByLayers("pipelines", "update", "cli")
                .whereLayer("build").mayOnlyBeAccessedByLayers("resolve", "pipelines", "update", "cli")
                .whereLayer("index").mayOnlyBeAccessedByLayers(
                        "advisory", "build", "resolve", "pipelines", "update", "cli")
                .whereLayer("cache").mayOnlyBeAccessedByLayers(
                        "index", "advisory", "build", "resolve", "pipelines", "update", "cli")
                .whereLayer("standards").mayOnlyBeAccessedByLayers("standards", "workspace", "solver", "index",
                        "advisory", "build", "resolve", "pipelines", "hosting", "update", "cli")
                .check(classes);
    }

    @Test
    void standardsAndSolverDoNoIoLibraries() {
        noClasses()
                .that().resideInAnyPackage(concat(STANDARDS, "dev.relock.solver..", "dev.relock.common.."))
                .should().dependOnClassesThat().resideInAnyPackage(
                        "okhttp3..", "okio..", "com.fasterxml.jackson..", "org.kohsuke..",
                        "org.eclipse.jgit..", "java.net.http..", "picocli..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void solverKnowsNothingOfPython() {
        noClasses()
                .that().resideInAPackage("dev.relock.solver..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.relock.name..", "dev.relock.pep440..", "dev.relock.pep508..",
                        "dev.relock.tags..", "dev.relock.filename..", "dev.relock.metadata..",
                        "dev.relock.index..", "dev.relock.cache..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * The options that shape a lock are rows of {@link LockOption}: the CLI binds them and hands the
     * occurrences on. It builds no settings, requests or target platforms of its own.
     */
    @Test
    void theCliHoldsNoOptionToRequestPlumbingTheTableOwns() {
        noClasses()
                .that().resideInAPackage("dev.relock.cli..")
                .should().dependOnClassesThat().haveFullyQualifiedName(LockSettings.Builder.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(CompileRequest.Builder.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(IndexSettings.class.getName())
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.relock.resolve.BinaryPolicy..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(PrereleaseMode.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(AnnotationStyle.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(ExtraName.class.getName())
                .orShould().callMethod(TargetPlatform.class, "parse", String.class)
                .orShould().callMethod(Target.class, "parse", String.class, String.class)
                .check(classes);
    }

    /**
     * No command declares an option of its own under a name the table owns: every option of every
     * command that carries such a name is one the table's binding added. (picocli also refuses a
     * second option of one name, so a clash could not even be built.)
     */
    @Test
    void noCommandDeclaresAnOptionTheTableOwns() {
        Set<String> owned = new HashSet<>();
        for (LockOption row : LockOption.values()) {
            owned.addAll(row.names());
        }
        CommandLine cli = Main.commandLine(RunContext.ofProcess(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())));
        assertThat(cli.getSubcommands()).containsKeys("compile", "verify", "update", "wheelhouse");
        int bound = 0;
        for (CommandLine command : cli.getSubcommands().values()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (List.of(option.names()).stream().anyMatch(owned::contains)) {
                    assertThat(option.parameterConsumer()).as("%s %s", command.getCommandName(), option.longestName())
                            .isNotNull();
                    assertThat(option.parameterConsumer().getClass().getName())
                            .as("%s %s", command.getCommandName(), option.longestName())
                            .startsWith("dev.relock.cli.LockOptionBinding");
                    bound++;
                }
            }
        }
        assertThat(bound).isGreaterThan(owned.size() / 2);
    }

    @Test
    void onlyTheCliTalksToPicocli() {
        noClasses()
                .that().resideOutsideOfPackage("dev.relock.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .allowEmptyShould(true)
                .check(classes);
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
