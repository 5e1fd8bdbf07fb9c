package netcalls;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The architecture the folders show, held by a test: the benchmarks and the commands on top, the
 * run folder's names ({@code run/}) and the server at the bottom, no package cycles. A new
 * dependency that breaks it fails here, naming the classes.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("netcalls");

  /** Top-level packages: client/ naming its adapters (client/ahc ...) in ClientKind is the factory, not a cycle. */
  @Test
  void noPackageDependsOnItselfThroughOthers() {
    slices().matching("netcalls.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void eachLayerUsesOnlyTheOnesBelowIt() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("Benchmarks").definedBy("netcalls.bench..")
        .layer("Commands").definedBy("netcalls.cli..")
        .layer("Report").definedBy("netcalls.report..")
        .layer("Export").definedBy("netcalls.export..")
        .layer("Compare").definedBy("netcalls.compare..")
        .layer("Read").definedBy("netcalls.read..")
        .layer("Load").definedBy("netcalls.load..")
        .layer("Client").definedBy("netcalls.client..")
        .layer("Trace").definedBy("netcalls.trace..")
        .layer("Run").definedBy("netcalls.run..")
        .layer("Server").definedBy("netcalls.server..")
        .whereLayer("Benchmarks").mayOnlyAccessLayers("Client", "Export", "Load", "Run", "Server", "Trace")
        .whereLayer("Commands").mayOnlyAccessLayers("Client", "Compare", "Export", "Read", "Report", "Run", "Server")
        .whereLayer("Report").mayOnlyAccessLayers("Client", "Compare", "Read", "Run")
        .whereLayer("Export").mayOnlyAccessLayers("Compare", "Read", "Run", "Trace")
        .whereLayer("Compare").mayOnlyAccessLayers("Read", "Run")
        .whereLayer("Read").mayOnlyAccessLayers("Run")
        .whereLayer("Load").mayOnlyAccessLayers("Run")
        .whereLayer("Client").mayOnlyAccessLayers("Run", "Trace")
        .whereLayer("Trace").mayOnlyAccessLayers("Run")
        .whereLayer("Run").mayNotAccessAnyLayer()
        .whereLayer("Server").mayNotAccessAnyLayer()
        .check(MAIN);
  }
}
