package netcalls.export;

import static netcalls.compare.RunBuilder.OKHTTP;
import static netcalls.compare.RunBuilder.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import netcalls.compare.Compare;
import netcalls.compare.Comparison;
import netcalls.compare.Options;
import netcalls.compare.RunBuilder;
import netcalls.read.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A comparison of two real run folders as netcalls_compare lines: tags, fields, time, idempotence. */
class ComparePointsTest {
  static final double[] BASE = {100, 101, 99, 102, 98};
  static final double[] SLOWER = {120, 121.2, 118.8, 122.4, 117.6};

  @TempDir
  Path tmp;

  /** Baseline a, candidate b: RequestLatency slower by 20 % with waiting moved, plus a thrpt row only in a. */
  static Comparison comparison(Path tmp) throws Exception {
    Map<String, String> stat = Map.of("stat", "x", "rows", "10");
    Path a = new RunBuilder(tmp.resolve("a")).sample(REQUEST, OKHTTP, "us/op", BASE)
        .trial(REQUEST, OKHTTP, Map.of("waiting", 60_000L, "duration", 100_000L))
        .scores("netcalls.export.ExportBenchmark.export", "thrpt", stat, "ops/s", new double[] {1000, 1010})
        .write();
    Path b = new RunBuilder(tmp.resolve("b")).sample(REQUEST, OKHTTP, "us/op", SLOWER)
        .trial(REQUEST, OKHTTP, Map.of("waiting", 80_000L, "duration", 120_000L)).write();
    return Compare.runs(a, b, Options.defaults());
  }

  @Test
  void everyRowAndStatisticIsAPointTimedAtTheCandidatesEnd() throws Exception {
    Comparison c = comparison(tmp);
    Path file = tmp.resolve("compare.lp");
    ComparePoints.Written w = ComparePoints.write(c, file);
    List<ParsedLine> lines = Files.readAllLines(file).stream().map(ParsedLine::parse).toList();
    assertThat(w.scope()).containsEntry("candidate", "b").containsEntry("baseline", "a");
    assertThat(w.points()).isEqualTo(5).isEqualTo(lines.size());
    long end = Json.epochNanos(java.time.Instant.parse("2026-11-20T01:30:00Z"));
    // one netcalls_compare_run point per run of a side: a dashboard finds a pooled side's runs there
    List<ParsedLine> members = lines.stream().filter(l -> l.measurement().equals("netcalls_compare_run")).toList();
    assertThat(members).extracting(l -> l.tags().get("side") + ":" + l.tags().get("run"))
        .containsExactly("baseline:a", "candidate:b");
    lines = lines.stream().filter(l -> !l.measurement().equals("netcalls_compare_run")).toList();
    assertThat(lines).hasSize(3);
    assertThat(members).allSatisfy(l -> assertThat(l.time()).isEqualTo(end));
    assertThat(lines).allSatisfy(l -> {
      assertThat(l.measurement()).isEqualTo("netcalls_compare");
      assertThat(l.time()).isEqualTo(end);
      assertThat(l.tags()).containsEntry("baseline", "a").containsEntry("candidate", "b");
    });

    ParsedLine p50 = lines.stream().filter(l -> "p50".equals(l.tags().get("stat"))).findFirst().orElseThrow();
    assertThat(p50.tags()).containsEntry("verdict", "slower").containsEntry("client", "okhttp")
        .containsEntry("benchmark", REQUEST).containsEntry("mode", "sample");
    // us/op in the run, ns/op in the schema
    assertThat(p50.fields()).containsEntry("base_value", 100_000.0).containsEntry("cand_value", 120_000.0)
        .containsEntry("unit", "ns/op").containsEntry("n_base", 5L).containsEntry("n_cand", 5L)
        .containsEntry("phase", "waiting").containsEntry("phase_delta_ns", 20_000.0);
    assertThat((Double) p50.fields().get("change_pct")).isCloseTo(20, org.assertj.core.api.Assertions.within(1e-6));
    assertThat((Double) p50.fields().get("p")).isCloseTo(0.007937, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(p50.fields()).containsKeys("ci_low", "ci_high", "p_adjusted", "ratio");

    ParsedLine p99 = lines.stream().filter(l -> "p99".equals(l.tags().get("stat"))).findFirst().orElseThrow();
    assertThat(p99.fields()).containsEntry("base_value", 150_000.0).containsEntry("cand_value", 180_000.0)
        .doesNotContainKeys("p", "ci_low");

    // a row of one side only: its side's value and counts; a parameter named like a schema tag is renamed
    ParsedLine only = lines.stream().filter(l -> "score".equals(l.tags().get("stat"))).findFirst().orElseThrow();
    assertThat(only.tags()).containsEntry("verdict", "baseline_only").containsEntry("param_stat", "x")
        .containsEntry("rows", "10");
    assertThat(only.fields()).containsEntry("base_value", 1005.0).containsEntry("n_cand", 0L)
        .doesNotContainKeys("cand_value", "ratio");
  }

  @Test
  void writingTheSameComparisonAgainGivesTheSameBytes() throws Exception {
    Path first = tmp.resolve("1.lp");
    Path second = tmp.resolve("2.lp");
    ComparePoints.write(comparison(tmp.resolve("x")), first);
    ComparePoints.write(comparison(tmp.resolve("x")), second);
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
  }
}
