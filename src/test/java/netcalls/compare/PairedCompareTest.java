package netcalls.compare;

import static netcalls.compare.RunBuilder.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netcalls.export.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 items 1 and 3 on real run folders: sides that interleave one for one are tested as paired rounds, and
 * the gated family decides whether one slower row alone can be flagged.
 */
class PairedCompareTest {
  /** A machine that drifts by ±20 % between rounds: the baseline's p50 per round. */
  static final double[] DRIFT = {100, 120, 90, 130, 95, 125, 105};
  /** The candidate 6 % slower in every round, give or take a point. */
  static final double[] SLOWER = {1.06, 1.05, 1.07, 1.06, 1.04, 1.08, 1.06};
  /** A candidate that is the baseline, give or take two points either way. */
  static final double[] SAME = {1.01, 0.98, 1.02, 0.99, 1.00, 0.985, 1.015};

  @TempDir
  Path tmp;

  private static Map<String, String> client(int i) {
    return Map.of("client", "c" + i, "strategy", "reuse", "scheme", "http");
  }

  /**
   * {@code rounds} rounds of -f 1 runs in ABBA order, each run {@code rows} rows: row 0 the candidate's factors
   * {@code first}, the others {@link #SAME}; with {@code interleaved} false, the runs' times all alike (unpaired).
   */
  private List<List<Path>> sides(int rounds, int rows, double[] first, boolean interleaved) {
    List<Path> base = new ArrayList<>();
    List<Path> cand = new ArrayList<>();
    Instant t0 = Instant.parse("2026-11-20T01:00:00Z");
    for (int i = 0; i < rounds; i++) {
      Instant early = t0.plusSeconds(1200L * i);
      Instant late = early.plusSeconds(600);
      boolean baseFirst = i % 2 == 0; // ABBA
      RunBuilder b = new RunBuilder(tmp.resolve("a" + i));
      RunBuilder c = new RunBuilder(tmp.resolve("b" + i));
      if (interleaved) {
        b.times((baseFirst ? early : late).toString(), (baseFirst ? early : late).plusSeconds(300).toString());
        c.times((baseFirst ? late : early).toString(), (baseFirst ? late : early).plusSeconds(300).toString());
      }
      for (int r = 0; r < rows; r++) {
        double v = DRIFT[i % DRIFT.length] * (1 + r * 0.1);
        double[] f = r == 0 ? first : SAME;
        b.sample(REQUEST, client(r), "us/op", v);
        c.sample(REQUEST, client(r), "us/op", v * f[(i + r) % f.length]);
      }
      base.add(b.write());
      cand.add(c.write());
    }
    return List.of(base, cand);
  }

  private static Row row(Comparison c, int client) {
    return c.rows().stream().filter(r -> r.params().get("client").equals("c" + client)).findFirst().orElseThrow();
  }

  @Test
  void interleavedRunsArePairedRoundsAndDriftCancels() throws Exception {
    List<List<Path>> s = sides(7, 1, SLOWER, true);
    Comparison c = Compare.runs(s.get(0), s.get(1), Options.defaults());
    Row r = c.rows().get(0);
    assertThat(r.test()).isEqualTo(Row.PAIRED);
    assertThat(r.replicate()).isEqualTo("round");
    assertThat(r.nBaseline()).isEqualTo(7);
    // every round slower: the one-sided sign-flip p is its floor, 2^-7
    assertThat(r.p()).isEqualTo(1 / 128.0);
    assertThat(r.pFloor()).isEqualTo(1 / 128.0);
    // Hodges-Lehmann of the Walsh averages of the log ratios, and its exact interval (3rd smallest and largest of 28)
    assertThat(r.ratio()).isCloseTo(1.06, within(1e-9));
    assertThat(r.ciLower()).isCloseTo(1.049952, within(1e-6));
    assertThat(r.ciUpper()).isCloseTo(1.07, within(1e-9));
    assertThat(r.verdict()).isEqualTo(Verdict.SLOWER);
    assertThat(c.exitCode()).isEqualTo(1);
    JsonNode j = new ObjectMapper().readTree(Formats.json(c)).path("rows").get(0);
    assertThat(j.path("test").asText()).isEqualTo("paired");
    assertThat(j.path("pFloor").asDouble()).isEqualTo(1 / 128.0);
    assertThat(j.path("ties").asInt()).isEqualTo(r.ties());
    assertThat(j.path("gated").asBoolean()).isTrue();
    assertThat(Formats.text(c)).contains(" paired");

    // the same runs, their times alike: pooled forks, where the drift hides the 6 %
    List<List<Path>> pooled = sidesIn("pooled", 7, SLOWER);
    Comparison u = Compare.runs(pooled.get(0), pooled.get(1), Options.defaults());
    assertThat(u.rows().get(0).test()).isEqualTo(Row.UNPAIRED);
    assertThat(u.rows().get(0).verdict()).isNotEqualTo(Verdict.SLOWER);
    assertThat(u.exitCode()).isZero();
  }

  private List<List<Path>> sidesIn(String dir, int rounds, double[] first) {
    Path keep = tmp;
    tmp = tmp.resolve(dir);
    try {
      return sides(rounds, 1, first, false);
    } finally {
      tmp = keep;
    }
  }

  @Test
  void oneRoundGivesNoVerdict() throws Exception {
    // two rounds pair, but the row is in one round only: a single round, no test
    List<List<Path>> s = sides(2, 1, SLOWER, true);
    Path extra = new RunBuilder(tmp.resolve("a1x")).times("2026-11-20T01:30:00Z", "2026-11-20T01:35:00Z")
        .sample(REQUEST, client(0), "us/op", 100).write();
    List<Path> base = List.of(s.get(0).get(0), extra);
    Path other = new RunBuilder(tmp.resolve("b1x")).times("2026-11-20T01:20:00Z", "2026-11-20T01:25:00Z")
        .sample(REQUEST, client(5), "us/op", 100).write();
    Comparison c = Compare.runs(base, List.of(s.get(1).get(0), other), Options.defaults());
    Row r = row(c, 0);
    assertThat(r.test()).isEqualTo(Row.PAIRED);
    assertThat(r.nBaseline()).isEqualTo(1);
    assertThat(r.verdict()).isEqualTo(Verdict.NO_VERDICT);
    assertThat(r.invalidReason()).contains("1 round(s)");
    assertThat(c.exitCode()).isZero();
  }

  /**
   * 7 rounds cannot go below p = 2^-7 = 0.0078: one slower row alone is flagged among 6 gated rows (it needs
   * 0.05 / 6 = 0.0083), not among 7 (0.05 / 7 = 0.0071), and the output says so; gating fewer rows flags it again.
   */
  @Test
  void aLoneSlowerRowIsFlaggedExactlyWhenTheFloorAllowsIt() throws Exception {
    List<List<Path>> six = sides(7, 6, SLOWER, true);
    Comparison c6 = Compare.runs(six.get(0), six.get(1), Options.defaults());
    assertThat(c6.familySize()).isEqualTo(6);
    assertThat(row(c6, 0).pAdjusted()).isCloseTo(6 / 128.0, within(1e-12));
    assertThat(row(c6, 0).verdict()).isEqualTo(Verdict.SLOWER);
    assertThat(c6.exitCode()).isEqualTo(1);
    assertThat(c6.warnings()).noneMatch(w -> w.contains("cannot be flagged alone"));

    tmp = tmp.resolve("seven");
    List<List<Path>> seven = sides(7, 7, SLOWER, true);
    Comparison c7 = Compare.runs(seven.get(0), seven.get(1), Options.defaults());
    assertThat(c7.familySize()).isEqualTo(7);
    assertThat(row(c7, 0).p()).isEqualTo(1 / 128.0);
    assertThat(row(c7, 0).verdict()).isNotEqualTo(Verdict.SLOWER);
    assertThat(c7.exitCode()).isZero();
    assertThat(c7.warnings()).anyMatch(w -> w.startsWith("7 of the 7 gated rows cannot be flagged alone")
        && w.contains("needs p <= 0.05 / 7 = 0.0071") && w.contains("7 rounds give at best p = 0.0078"));
    assertThat(c7.minimumRoundsAlone()).isEqualTo(8);
    assertThat(String.join("\n", Formats.footer(c7))).contains("a family of 7 tested row(s)")
        .contains("8 paired rounds").contains("some gated rows cannot");

    // the gate narrowed to three rows: a family of 3, the slower row flagged, the others informational
    Options gate = new Options(0.05, 0.05, 0.10, false, "client=c[012] ", false);
    Comparison g = Compare.runs(seven.get(0), seven.get(1), gate);
    assertThat(g.familySize()).isEqualTo(3);
    assertThat(row(g, 0).gated()).isTrue();
    assertThat(row(g, 0).verdict()).isEqualTo(Verdict.SLOWER);
    assertThat(row(g, 5).gated()).isFalse();
    assertThat(g.exitCode()).isEqualTo(1);
    JsonNode j = new ObjectMapper().readTree(Formats.json(g));
    assertThat(j.path("gate").asText()).isEqualTo("client=c[012] ");
    assertThat(j.path("familySize").asInt()).isEqualTo(3);
    assertThat(String.join("\n", Formats.footer(g))).contains("Gate: rows matching /client=c[012] /");
  }

  @Test
  void aSlowerInformationalRowIsShownButNeverFails() throws Exception {
    List<List<Path>> s = sides(7, 2, SLOWER, true);
    Options gate = new Options(0.05, 0.05, 0.10, false, "client=c1", false);
    Comparison c = Compare.runs(s.get(0), s.get(1), gate);
    Row slower = row(c, 0);
    assertThat(slower.gated()).isFalse();
    assertThat(slower.verdict()).isEqualTo(Verdict.SLOWER); // its own family of one
    assertThat(c.familySize()).isEqualTo(1);
    assertThat(c.exitCode()).isZero();
    assertThat(Formats.text(c)).contains("slower (info)");
  }

  /** Issue 22: --ignore-param must keep an open-loop fork's invalid (it once dropped it, ComparedRun). */
  @Test
  void anIgnoredParamKeepsOpenLoopInvalid() throws Exception {
    Comparison c = Compare.runs(List.of(Fixtures.copyRun("openloop-ok", tmp)),
        List.of(Fixtures.copyRun("openloop-ok-b", tmp), Fixtures.copyRun("openloop-slow", tmp)),
        Options.defaults().sequentialAllowed(), java.util.Set.of("client"));
    assertThat(c.rows()).hasSize(2).allSatisfy(r -> {
      assertThat(r.params()).doesNotContainKey("client");
      assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
      assertThat(r.invalidReason()).contains("openloop-slow").contains("rate not reached");
    });
  }
}
