package netcalls;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture the folders show, held by a test: the benchmarks and the commands on top, the
 * run folder's contract ({@code run/}) and the server at the bottom, no package cycles. A new
 * dependency that breaks it fails here, naming the classes.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("netcalls");

  /** Each top-level package and the ones it may use, top floor first. */
  private static final Map<String, List<String>> MAY_USE = new LinkedHashMap<>();

  static {
    MAY_USE.put("bench", List.of("client", "export", "load", "run", "server", "steady", "trace"));
    MAY_USE.put("cli", List.of("client", "compare", "export", "history", "read", "report", "run", "server", "steady"));
    MAY_USE.put("report", List.of("client", "compare", "read", "run", "steady"));
    MAY_USE.put("export", List.of("compare", "read", "run", "steady", "trace"));
    MAY_USE.put("compare", List.of("read", "run", "steady"));
    MAY_USE.put("read", List.of("run", "steady"));
    MAY_USE.put("load", List.of("run"));
    MAY_USE.put("client", List.of("run", "trace"));
    MAY_USE.put("trace", List.of("run"));
    MAY_USE.put("run", List.of());
    MAY_USE.put("server", List.of("run")); // serve checks its file arguments through run.OutputFile
    MAY_USE.put("steady", List.of()); // change points, the classification and the warm-up rule: pure
    MAY_USE.put("history", List.of("run")); // the nightly's memory: pure, field names from run.HistoryJson
  }

  /** Top-level packages: client/ naming its adapters (client/ahc ...) in ClientKind is the factory, not a cycle. */
  @Test
  void noPackageDependsOnItselfThroughOthers() {
    slices().matching("netcalls.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void eachLayerUsesOnlyTheOnesBelowIt() {
    LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String p : MAY_USE.keySet()) {
      layers = layers.layer(p).definedBy("netcalls." + p + "..");
    }
    for (Map.Entry<String, List<String>> e : MAY_USE.entrySet()) {
      layers = e.getValue().isEmpty() ? layers.whereLayer(e.getKey()).mayNotAccessAnyLayer()
          : layers.whereLayer(e.getKey()).mayOnlyAccessLayers(e.getValue().toArray(String[]::new));
    }
    layers.check(MAIN);
  }

  /**
   * The same rule over the sources' imports: a constant ({@code static final String}) is copied into the
   * class that uses it, so bytecode cannot show that read/ spelt load/'s field names; the import can.
   */
  @Test
  void noSourceImportsAPackageItsLayerMayNotUse() throws IOException {
    Pattern imp = Pattern.compile("^import (?:static )?netcalls\\.(\\w+)\\.", Pattern.MULTILINE);
    Path root = Path.of("src/main/java/netcalls");
    List<String> wrong = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String from = root.relativize(f).getName(0).toString();
        if (!MAY_USE.containsKey(from)) {
          continue;
        }
        Matcher m = imp.matcher(Files.readString(f));
        while (m.find()) {
          String to = m.group(1);
          if (!to.equals(from) && MAY_USE.containsKey(to) && !MAY_USE.get(from).contains(to)) {
            wrong.add(root.relativize(f) + " imports netcalls." + to);
          }
        }
      }
    }
    assertThat(wrong).as("imports across the layering").isEmpty();
    assertThat(MAY_USE.keySet()).as("every top-level package has a place")
        .containsExactlyInAnyOrderElementsOf(topLevelPackages(root));
  }

  private static List<String> topLevelPackages(Path root) throws IOException {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
    }
  }
}
