package netcalls.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netcalls.export.line.InfluxMeasurement;
import netcalls.read.CallCost;
import netcalls.read.Problems;
import netcalls.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost per call of a trial (its {@code cost} in samples/&lt;trial&gt;.json) as fields of the result's
 * netcalls_jmh point; a bad cost is a one-line error naming the file and field, and everything else is kept.
 */
class CostFieldsTest {
  @TempDir
  Path tmp;

  private static final String TRIAL = "samples/RequestLatency.request-1a2b3c4d-4242.json";

  private static void addCost(Path run, String cost) throws Exception {
    Path json = run.resolve(TRIAL);
    String s = Files.readString(json).strip();
    Files.writeString(json, s.substring(0, s.length() - 1) + ", \"cost\": " + cost + "}");
  }

  @Test
  void theCostIsWrittenAsFieldsOfTheJmhPoint() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    addCost(run, "{\"calls\": 1000, \"allocBytes\": {\"client\": 11000000, \"server\": 1500000, \"rest\": 900000},"
        + " \"cpuNs\": {\"client\": 340000000, \"server\": 200000000, \"rest\": 18000000},"
        + " \"processCpuNs\": 1230000000, \"threadsEnded\": 2}");
    RunExporter.quiet().exportToFile(run, run.resolve("points.lp"));
    List<String> jmh = Fixtures.linesOf(run.resolve("points.lp"), InfluxMeasurement.JMH);
    String request = jmh.stream().filter(l -> l.contains("RequestLatency")).findFirst().orElseThrow();
    assertThat(request).contains("alloc_client_bytes=11000.0", "alloc_server_bytes=1500.0", "alloc_rest_bytes=900.0",
        "cpu_client_ns=340000.0", "cpu_server_ns=200000.0", "cpu_rest_ns=18000.0", "cpu_jvm_ns=1230000.0",
        "threads_ended=2i");
    String paired = jmh.stream().filter(l -> l.contains("PairedLatency")).findFirst().orElseThrow();
    assertThat(paired).as("a trial without cost has no such fields").doesNotContain("alloc_client_bytes");
  }

  @Test
  void aBadCostIsAnErrorNamingFileAndFieldAndTheOtherTrialsAreKept() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    addCost(run, "{\"calls\": 1000, \"allocBytes\": {\"client\": \"many\", \"server\": 1, \"rest\": 1},"
        + " \"cpuNs\": {\"client\": 1, \"server\": 1, \"rest\": 1}}");
    Problems.Errors errors = new Problems.Errors();
    assertThat(CallCost.readAll(RunFolder.of(run), errors)).isEmpty();
    assertThat(errors.list()).singleElement().asString()
        .contains("RequestLatency.request-1a2b3c4d-4242.json").contains("cost").contains("allocBytes.client")
        .contains("fix the file").doesNotContain("\n");
    ExportReport refused = RunExporter.quiet().exportToFile(run, run.resolve("points.lp"));
    assertThat(refused.errorCount()).as("like any bad trial file, export refuses the run").isEqualTo(1);
    RunExporter.quiet().partial().exportToFile(run, run.resolve("points.lp"));
    assertThat(Fixtures.linesOf(run.resolve("points.lp"), InfluxMeasurement.JMH)).as("--partial keeps the point")
        .anyMatch(l -> l.contains("RequestLatency")).noneMatch(l -> l.contains("alloc_client_bytes"));
  }
}
