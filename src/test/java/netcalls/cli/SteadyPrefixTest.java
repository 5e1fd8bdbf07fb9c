package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netcalls.compare.Compare;
import netcalls.compare.Comparison;
import netcalls.compare.Options;
import netcalls.compare.Row;
import netcalls.export.Fixtures;
import netcalls.export.RunExporter;
import netcalls.export.line.InfluxMeasurement;
import netcalls.read.JmhResults;
import netcalls.read.Problems;
import netcalls.read.SteadySegments;
import netcalls.report.ReportWriter;
import netcalls.run.SampleSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.util.MultisetStatistics;

/**
 * A warm-up prefix planted in a real trial (two forks of OkHttp against the built-in server, 30 measured
 * iterations each, samples traced; src/test/resources/runs/steady): the first {@value #PLANTED} iterations of
 * every fork, in jmh.json and in the samples CSV, made {@value #FACTOR} times slower. The prefix must be gone
 * from every output: summary, export, compare and report.
 */
class SteadyPrefixTest {
  static final int PLANTED = 8;
  static final int FACTOR = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;
  Path planted;
  Path clean;
  /** The smallest planted value, in the unit of jmh.json (us/op) and in the CSV (ns). */
  double plantedMinUs = Double.MAX_VALUE;
  long plantedMinNs = Long.MAX_VALUE;

  @BeforeEach
  void plant() throws Exception {
    clean = Fixtures.copyRun("steady", tmp.resolve("clean"));
    planted = Fixtures.copyRun("steady", tmp.resolve("planted"));
    ArrayNode results = (ArrayNode) JSON.readTree(planted.resolve("jmh.json").toFile());
    for (JsonNode fork : results.get(0).path("primaryMetric").path("rawDataHistogram")) {
      for (int i = 0; i < PLANTED; i++) {
        for (JsonNode pair : fork.get(i)) {
          double v = pair.get(0).asDouble() * FACTOR;
          ((ArrayNode) pair).set(0, v);
          plantedMinUs = Math.min(plantedMinUs, v);
        }
      }
    }
    JSON.writeValue(planted.resolve("jmh.json").toFile(), results);
    try (var files = Files.list(planted.resolve("samples"))) {
      for (Path json : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        long cut = JSON.readTree(json.toFile()).get("iterationStarts").get(PLANTED).asLong();
        Path csv = Path.of(json.toString().replaceFirst("\\.json$", ".csv"));
        List<String> lines = Files.readAllLines(csv);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        // by the file's own header: a fixture may predate a column
        List<String> header = List.of(lines.get(0).split(","));
        int start = header.indexOf("start_ns");
        int duration = header.indexOf("duration_ns");
        for (String line : lines.subList(1, lines.size())) {
          String[] c = line.split(",", -1);
          if (Long.parseLong(c[start]) < cut) {
            long d = Long.parseLong(c[duration]) * FACTOR;
            c[duration] = Long.toString(d);
            plantedMinNs = Math.min(plantedMinNs, d);
          }
          out.add(String.join(",", c));
        }
        Files.write(csv, out);
      }
    }
    assertThat(plantedMinNs).as("the CSV had rows in the planted iterations").isLessThan(Long.MAX_VALUE);
  }

  /** What the reader keeps: every fork cut at or after the prefix, and JMH's statistics over the kept iterations. */
  @Test
  void theReaderCutsEveryForkAfterThePrefix() throws Exception {
    List<JmhResults.Result> rs = new ArrayList<>();
    JmhResults.read(planted.resolve("jmh.json"), Problems.IGNORE, rs::add);
    JmhResults.Metric m = rs.get(0).primary();
    assertThat(m.forks()).hasSize(2).allSatisfy(f -> {
      assertThat(f.steadiness().steady()).as(f.toString()).isTrue();
      assertThat(f.steadyFrom()).as(f.toString()).isGreaterThanOrEqualTo(PLANTED);
    });
    MultisetStatistics expected = new MultisetStatistics();
    for (List<JmhResults.Iteration> fork : m.histogram()) {
      for (JmhResults.Iteration it : fork) {
        for (int k = 0; k < it.values().length; k++) {
          expected.addValue(it.values()[k], it.counts()[k]);
        }
      }
    }
    assertThat(m.percentiles().get("p50")).isEqualTo(expected.getPercentile(50));
    assertThat(m.percentiles().get("p100")).isLessThan(plantedMinUs);
    assertThat(m.sampleCount()).isEqualTo(expected.getN());
    assertThat(SteadySegments.label(m.forks())).doesNotContain("no steady state", "not checked");
  }

  @Test
  void theSummaryShowsNoPlantedValue() throws Exception {
    String text = Summary.render(planted);
    List<Double> numbers = numbersOfRow(text, "RequestLatency.request");
    assertThat(numbers).isNotEmpty().allSatisfy(v -> assertThat(v).isLessThan(plantedMinUs));
    // the phases table: the duration column's p50/p99 of the cut samples
    String phases = text.substring(text.indexOf("Phases per leg"));
    Matcher d = Pattern.compile("(\\d+\\.\\d)/(\\d+\\.\\d)\\s*$", Pattern.MULTILINE).matcher(phases);
    assertThat(d.find()).as(phases).isTrue();
    assertThat(Double.parseDouble(d.group(2)) * 1000).isLessThan(plantedMinNs);
  }

  @Test
  void theExportHoldsNoPlantedValue() throws Exception {
    RunExporter.quiet().exportToFile(planted, planted.resolve("points.lp"));
    Path points = planted.resolve("points.lp");
    String jmh = Fixtures.linesOf(points, InfluxMeasurement.JMH).get(0);
    Matcher p100 = Pattern.compile("p100=([0-9.E]+)").matcher(jmh);
    assertThat(p100.find()).isTrue();
    assertThat(Double.parseDouble(p100.group(1))).as("ns").isLessThan(plantedMinUs * 1000);
    assertThat(jmh).contains("steady_forks=2i");
    List<String> requests = Fixtures.linesOf(points, InfluxMeasurement.REQUEST);
    assertThat(requests).isNotEmpty();
    Pattern duration = Pattern.compile("[ ,]duration_ns=(\\d+)i");
    for (String line : requests) {
      Matcher mm = duration.matcher(line);
      assertThat(mm.find()).as(line).isTrue();
      assertThat(Long.parseLong(mm.group(1))).as(line).isLessThan(plantedMinNs);
    }
    // fewer request points than recorded rows: the planted rows are cut, not exported
    assertThat((long) requests.size()).isLessThan(recorded(planted));
  }

  @Test
  void compareSeesNoPlantedValue() throws Exception {
    Comparison c = Compare.runs(List.of(clean), List.of(planted), Options.defaults());
    Row r = c.rows().get(0);
    assertThat(r.candidateCenter()).isLessThan(plantedMinUs);
    assertThat(r.candidateTail()).isLessThan(plantedMinUs);
    assertThat(r.candidateCenter() / r.baselineCenter()).isBetween(0.8, 1.25);
  }

  @Test
  void theReportShowsNoPlantedValue() throws Exception {
    String html = ReportWriter.render(planted, null);
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"data\">(.*?)</script>", Pattern.DOTALL)
        .matcher(html);
    assertThat(m.find()).isTrue();
    JsonNode row = JSON.readTree(m.group(1)).get("results").get(0);
    assertThat(row.path("pct").path("p99_9").path("v").asDouble()).isPositive().isLessThan(plantedMinUs);
    assertThat(row.path("steady").asText()).doesNotContain("no steady state", "not checked");
    assertThat(row.path("spread").path("hi").asDouble()).isLessThan(plantedMinUs);
  }

  private static long recorded(Path run) throws Exception {
    long n = 0;
    try (var files = Files.list(run.resolve("samples"))) {
      for (Path json : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        n += JSON.readTree(json.toFile()).get("recorded").asLong();
      }
    }
    return n;
  }

  /** The numbers after the unit column of the summary's first row of {@code bench}. */
  private static List<Double> numbersOfRow(String text, String bench) {
    String line = text.lines().filter(l -> l.startsWith(bench)).findFirst().orElseThrow();
    String tail = line.substring(line.indexOf("us/op") + 5);
    List<Double> out = new ArrayList<>();
    Matcher n = Pattern.compile("\\b(\\d+\\.\\d+)\\b").matcher(tail);
    while (n.find()) {
      out.add(Double.parseDouble(n.group(1)));
    }
    return out;
  }
}
