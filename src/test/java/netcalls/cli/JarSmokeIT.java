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
import java.util.concurrent.TimeUnit;
import netcalls.client.ClientKind;
import netcalls.client.Strategy;
import netcalls.trace.Samples;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the real {@code target/benchmarks.jar} with tiny settings (one short iteration, no warmup)
 * over every benchmark and checks the run folder: a JMH result for every supported combination,
 * a sample file per trial that parses back to the values the trial computed in memory, the
 * run's metadata and summary.
 */
class JarSmokeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path runDir;
  private static String output;
  private static int exit;

  @BeforeAll
  static void runTheJar() throws Exception {
    Path jar = Path.of(System.getProperty("netcalls.jar", "target/benchmarks.jar"));
    assertThat(jar).exists();
    Path results = Files.createTempDirectory("netcalls-smoke");
    Path log = results.resolve("out.log");
    // a smoke run measures nothing: it may share the machine with a real run, so JMH's lock is ignored
    Process p = new ProcessBuilder("java", "-Djmh.ignoreLock=true", "-jar", jar.toString(),
        "--results", results.toString(), "--run-id", "smoke",
        "-f", "1", "-wi", "0", "-i", "1", "-r", "300ms",
        "-p", "delays=5,10", // the blog form, turned into one pair by the launcher
        "RequestLatency", "PairedLatency", "FailureLatency")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(8, TimeUnit.MINUTES)).as("the smoke run finishes").isTrue();
    exit = p.exitValue();
    output = Files.readString(log);
    runDir = results.resolve("smoke");
  }

  @Test
  void theRunSucceedsAndSaysWhatItLeftOut() {
    assertThat(exit).as(output).isZero();
    assertThat(output).contains("# netcalls.bench.RequestLatency.request: client=jdk strategy=shared_pool left out");
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
      for (Strategy s : Strategy.values()) {
        if (c.unsupported(s) != null) {
          continue;
        }
        for (String scheme : List.of("http", "https")) {
          expected.add("netcalls.bench.RequestLatency.request " + c + " " + s + " " + scheme + " ");
        }
        for (String m : List.of("sequential", "concurrent")) {
          expected.add("netcalls.bench.PairedLatency." + m + " " + c + " " + s + " http ");
        }
      }
      for (String scenario : List.of("status_500", "refused", "unknown_host", "read_timeout", "reset")) {
        expected.add("netcalls.bench.FailureLatency.fail " + c + "   " + scenario);
      }
    }
    assertThat(got).isEqualTo(expected);
  }

  @Test
  void sampleFilesParseBackToTheTrialsOwnValues() throws IOException {
    List<Path> metas = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(runDir.resolve("samples"), "*.json")) {
      ds.forEach(metas::add);
    }
    assertThat(metas).hasSize(22 + 22 + 15);
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
  }
}
