package netcalls.compare;

import static netcalls.compare.RunBuilder.OKHTTP;
import static netcalls.compare.RunBuilder.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22: the p99 rows (tested where no fork's p99 is thin, informational unless --gate-p99) and a paired row's
 * noise judged from the rounds' ratios, in which the machine's drift cancels. Reference values computed by hand in
 * Python (the Hodges-Lehmann medians, the coefficients of variation).
 */
class TailRowsTest {
  static final double[] BASE = CompareTest.BASE;
  static final double[] SAME = CompareTest.SAME;
  /** A machine that drifts by ±20 % between rounds: cv 14.3 %, above the 10 % noisy limit. */
  static final double[] DRIFT = PairedCompareTest.DRIFT;
  /** Per-round ratios that scatter: cv 20.5 %, 14.5 % per side. */
  static final double[] SCATTER = {1.25, 0.8, 1.2, 0.85, 1.15, 0.75, 1.1};

  @TempDir
  Path tmp;

  private static Row p99(Comparison c) {
    return c.rows().stream().filter(Row::p99).findFirst().orElseThrow();
  }

  private static Row center(Comparison c) {
    return c.rows().stream().filter(r -> !r.p99()).findFirst().orElseThrow();
  }

  /** The same p50s, the candidate's p99 at 1.8 instead of 1.5 times them. */
  private Comparison tailSlower(Options o, long below, long at, long above) throws Exception {
    Path a = new RunBuilder(tmp.resolve("a")).histogram(below, at, above, 1.5).sample(REQUEST, OKHTTP, "us/op", BASE)
        .write();
    Path b = new RunBuilder(tmp.resolve("b")).histogram(below, at, above, 1.8).sample(REQUEST, OKHTTP, "us/op", SAME)
        .write();
    return Compare.runs(List.of(a), List.of(b), o);
  }

  @Test
  void aSlowerTailIsARowOfItsOwnInformationalUnlessGated() throws Exception {
    Comparison c = tailSlower(Options.defaults(), 10, 30, 2); // 1260 samples a fork: 12.6 beyond the p99
    assertThat(center(c).verdict()).isEqualTo(Verdict.SAME);
    Row t = p99(c);
    assertThat(t.label()).isEqualTo("RequestLatency.request p99 client=okhttp scheme=http strategy=reuse");
    assertThat(t.test()).isEqualTo(Row.UNPAIRED);
    assertThat(t.baselineCenter()).isEqualTo(150); // median of the forks' p99s, 1.5 x 100
    assertThat(t.candidateCenter()).isCloseTo(180.36, within(1e-9)); // 1.8 x 100.2
    // every candidate fork above every baseline fork: the exact two-sided 5 vs 5 floor, 2 / C(10, 5)
    assertThat(t.p()).isCloseTo(2 / 252.0, within(1e-12));
    assertThat(t.ratio()).isCloseTo(1.2024, within(1e-9));
    assertThat(t.gated()).isFalse();
    assertThat(t.verdict()).isEqualTo(Verdict.SLOWER);
    assertThat(c.familySize()).isEqualTo(1);
    assertThat(c.exitCode()).isZero();
    String text = Formats.text(c);
    assertThat(text).containsPattern("request p99 +client=okhttp.*slower \\(info\\)");
    assertThat(text).contains("p99 rows informational; --gate-p99 gates them");
    assertThat(Formats.markdown(c)).contains("| RequestLatency.request p99 | client=okhttp");
    JsonNode j = new ObjectMapper().readTree(Formats.json(c));
    JsonNode row = j.path("rows").get(1);
    assertThat(row.path("stat").asText()).isEqualTo("p99");
    assertThat(row.path("baseline").path("p99").asDouble()).isEqualTo(150);
    assertThat(row.path("baseline").has("p50")).isFalse();
    assertThat(row.path("gated").asBoolean()).isFalse();
    assertThat(j.path("rows").get(0).path("stat").isNull()).isTrue();
    assertThat(j.path("gateP99").asBoolean()).isFalse();

    tmp = tmp.resolve("gated");
    Comparison g = tailSlower(new Options(0.05, 0.05, 0.10, false, null, false, true), 10, 30, 2);
    assertThat(p99(g).gated()).isTrue();
    assertThat(g.familySize()).isEqualTo(2);
    assertThat(p99(g).verdict()).isEqualTo(Verdict.SLOWER);
    assertThat(g.exitCode()).isEqualTo(1);
  }

  @Test
  void aThinTailGetsNoVerdictAndIsNeverGated() throws Exception {
    // 5 samples an iteration, 150 a fork: 1.5 beyond the p99
    Comparison c = tailSlower(new Options(0.05, 0.05, 0.10, false, null, false, true), 2, 2, 1);
    Row t = p99(c);
    assertThat(t.verdict()).isEqualTo(Verdict.NO_VERDICT);
    assertThat(t.invalidReason()).startsWith("p99 thin: 1.5 samples beyond in a fork (10 needed");
    assertThat(t.gated()).isFalse();
    assertThat(c.familySize()).isEqualTo(1);
    assertThat(c.exitCode()).isZero();
    assertThat(Formats.text(c)).contains("no verdict (p99 thin: 1.5 samples beyond)");
  }

  /**
   * {@code rounds} ABBA rounds of -f 1 runs: the baseline's p50 per round {@code drift}, the candidate's that times
   * {@code factor}; the candidate's p99 {@code tail} times its p50 (the baseline's 1.5).
   */
  private List<List<Path>> rounds(double[] drift, double[] factor, double tail) {
    List<Path> base = new ArrayList<>();
    List<Path> cand = new ArrayList<>();
    Instant t0 = Instant.parse("2026-11-20T01:00:00Z");
    for (int i = 0; i < drift.length; i++) {
      Instant early = t0.plusSeconds(1200L * i);
      Instant late = early.plusSeconds(600);
      boolean baseFirst = i % 2 == 0;
      Instant tb = baseFirst ? early : late;
      Instant tc = baseFirst ? late : early;
      base.add(new RunBuilder(tmp.resolve("a" + i)).times(tb.toString(), tb.plusSeconds(300).toString())
          .sample(REQUEST, OKHTTP, "us/op", drift[i]).write());
      cand.add(new RunBuilder(tmp.resolve("b" + i)).times(tc.toString(), tc.plusSeconds(300).toString())
          .histogram(10, 30, 2, tail).sample(REQUEST, OKHTTP, "us/op", drift[i] * factor[i]).write());
    }
    return List.of(base, cand);
  }

  @Test
  void sidesThatDriftTogetherAreNotNoisyWhenPaired() throws Exception {
    List<List<Path>> s = rounds(DRIFT, PairedCompareTest.SAME, 1.8);
    Comparison c = Compare.runs(s.get(0), s.get(1), Options.defaults());
    Row r = center(c);
    assertThat(r.test()).isEqualTo(Row.PAIRED);
    assertThat(r.cvBaseline()).isGreaterThan(0.10); // the drift: once made the row noisy
    assertThat(r.noise()).isCloseTo(0.010992, within(1e-6)); // the ratios' cv / sqrt(2)
    assertThat(r.verdict()).isEqualTo(Verdict.SAME);
    // the p99s paired too: 1.2 times the p50 ratios, slower in every round, the one-sided floor 2^-7
    Row t = p99(c);
    assertThat(t.test()).isEqualTo(Row.PAIRED);
    assertThat(t.p()).isEqualTo(1 / 128.0);
    assertThat(t.ratio()).isCloseTo(1.2 * 0.9999187, within(1e-6));
    assertThat(t.verdict()).isEqualTo(Verdict.SLOWER);
    assertThat(t.gated()).isFalse();
    assertThat(c.exitCode()).isZero();
    assertThat(new ObjectMapper().readTree(Formats.json(c)).path("rows").get(0).path("noise").asDouble())
        .isCloseTo(0.010992, within(1e-6));
  }

  @Test
  void roundsWhoseRatiosScatterAreNoisy() throws Exception {
    double[] flat = {100, 100, 100, 100, 100, 100, 100};
    List<List<Path>> s = rounds(flat, SCATTER, 1.5);
    Comparison c = Compare.runs(s.get(0), s.get(1), Options.defaults());
    Row r = center(c);
    assertThat(r.cvBaseline()).isZero(); // the sides alone look quiet
    assertThat(r.noise()).isCloseTo(0.144724, within(1e-6));
    assertThat(r.verdict()).isEqualTo(Verdict.NOISY);
  }
}
