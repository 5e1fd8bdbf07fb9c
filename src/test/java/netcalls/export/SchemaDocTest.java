package netcalls.export;

import netcalls.export.line.*;
import netcalls.read.*;
import netcalls.export.sink.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/SCHEMA.md shows real output: each example line is produced by exporting the fixture run. */
class SchemaDocTest {
  @TempDir
  Path tmp;

  @Test
  void everyMeasurementHasAnExampleThatTheExporterStillWrites() throws Exception {
    List<String> doc = Files.readAllLines(Path.of("docs/SCHEMA.md"));
    Path run = Fixtures.copyRun("basic", tmp);
    RunExporter.quiet().exportToFile(run, run.resolve("points.lp"));
    List<String> exported = new java.util.ArrayList<>(Fixtures.lines(run.resolve("points.lp")));
    // netcalls_compare comes from compare, not export: the rows of two small real run folders
    Path compared = tmp.resolve("compare.lp");
    ComparePoints.write(ComparePointsTest.comparison(tmp.resolve("compare")), compared);
    exported.addAll(Fixtures.lines(compared));
    // netcalls_openloop comes from open-loop runs: two real small ones, one valid, one that missed its rate
    for (String name : List.of("openloop-ok", "openloop-bad")) {
      Path ol = Fixtures.copyRun(name, tmp);
      RunExporter.quiet().exportToFile(ol, ol.resolve("points.lp"));
      exported.addAll(Fixtures.lines(ol.resolve("points.lp")));
    }
    for (InfluxMeasurement m : InfluxMeasurement.values()) {
      List<String> examples = doc.stream().filter(l -> l.startsWith(m.measurementName() + ",")).toList();
      assertThat(examples).as("example of %s in docs/SCHEMA.md", m.measurementName()).isNotEmpty();
      assertThat(exported).containsAll(examples);
    }
  }
}
