package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netcalls.client.ClientKind;
import netcalls.trace.Samples;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real {@code target/benchmarks.jar}, run once with tiny settings ({@link SharedRun#smoke()}:
 * one trial per benchmark class and client), checked through its run folder: a JMH result for every
 * trial, a sample file per trial that parses back to the values the trial computed in memory, the
 * run's metadata and summary.
 */
class JarSmokeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path runDir;
  private static String output;
  private static int exit;

  @BeforeAll
  static void runTheJar() throws Exception {
    SharedRun.Run run = SharedRun.smoke();
    runDir = run.dir();
    output = run.output();
    exit = run.exit();
  }

  @Test
  void theRunSucceedsAndSaysWhatItLeftOut() {
    assertThat(exit).as(output).isZero();
    assertThat(output).contains("Latency per operation").contains("Phases per leg, p50/p99");
    assertThat(output).contains("Failures by exception class");
  }

  @Test
  void everySupportedCombinationHasAResult() throws IOException {
    JsonNode results = JSON.readTree(runDir.resolve("jmh.json").toFile());
    Set<String> got = new HashSet<>();
    for (JsonNode r : results) {
      JsonNode p = r.path("params");
      got.add(r.path("benchmark").asText() + " " + p.path("client").asText() + " " + p.path("strategy").asText("")
          + " " + p.path("scheme").asText("") + " " + p.path("scenario").asText(""));
      assertThat(r.path("primaryMetric").path("scorePercentiles").path("50.0").asDouble()).isPositive();
    }
    Set<String> expected = new HashSet<>();
    for (ClientKind c : ClientKind.values()) {
      expected.add("netcalls.bench.RequestLatency.request " + c + " reuse https ");
      for (String m : List.of("sequential", "concurrent")) {
        expected.add("netcalls.bench.PairedLatency." + m + " " + c + " reuse https ");
      }
      expected.add("netcalls.bench.FailureLatency.fail " + c + "   status_500");
    }
    assertThat(got).isEqualTo(expected);
  }

  @Test
  void sampleFilesParseBackToTheTrialsOwnValues() throws IOException {
    List<Path> metas = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(runDir.resolve("samples"), "*.json")) {
      ds.forEach(metas::add);
    }
    assertThat(metas).hasSize(4 * ClientKind.values().length);
    for (Path meta : metas) {
      JsonNode trial = JSON.readTree(meta.toFile());
      Path csv = meta.resolveSibling(meta.getFileName().toString().replace(".json", ".csv"));
      List<Map<String, String>> rows = Samples.parse(Files.readString(csv));
      assertThat(rows).as(csv.toString()).hasSize(trial.path("recorded").asInt()).isNotEmpty();
      Histogram h = new Histogram(3);
      long failures = 0;
      for (Map<String, String> row : rows) {
        if (!"pair".equals(row.get("leg"))) {
          h.recordValue(Long.parseLong(row.get("duration_ns")));
        }
        if (!row.get("exception").isEmpty()) {
          failures++;
        }
        assertThat(Long.parseLong(row.get("start_ns"))).isPositive();
      }
      JsonNode digest = trial.path("digest");
      assertThat(h.getValueAtPercentile(50)).as(csv.toString()).isEqualTo(digest.path("phaseMedians").path("duration_ns").asLong());
      long counted = 0;
      for (JsonNode n : digest.path("failures")) {
        counted += n.asLong();
      }
      assertThat(failures).isEqualTo(counted);
      if (trial.path("benchmark").asText().endsWith("FailureLatency.fail")) {
        assertThat(failures).as("every failure-benchmark call failed").isEqualTo(rows.size());
      } else {
        assertThat(failures).isZero();
      }
    }
  }

  @Test
  void theRunFolderHasMetadataAndSummary() throws IOException {
    JsonNode run = JSON.readTree(runDir.resolve("run.json").toFile());
    assertThat(run.path("runId").asText()).isEqualTo("smoke");
    assertThat(run.path("jdk").asText()).isNotEmpty();
    assertThat(run.path("recordedSamples").asLong()).isPositive();
    assertThat(run.path("droppedSamples").asLong()).isZero();
    assertThat(run.path("target").asText()).isEqualTo("built-in");
    assertThat(Files.readString(runDir.resolve("summary.txt"))).contains("RequestLatency.request");
    // every run leaves its report (ReportIT renders it in a browser)
    assertThat(runDir.resolve("report.html")).isNotEmptyFile();
    assertThat(output).contains("report " + runDir.resolve("report.html"));
  }
}
