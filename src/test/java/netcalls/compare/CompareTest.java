package netcalls.compare;

import static netcalls.compare.RunBuilder.AHC;
import static netcalls.compare.RunBuilder.OKHTTP;
import static netcalls.compare.RunBuilder.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run folders in, rows and exit codes out: the verdict rules on real files, and bad input. */
class CompareTest {
  static final double[] BASE = {100, 101, 99, 102, 98};
  static final double[] SAME = {100.5, 99.5, 101.5, 98.5, 100.2};
  static final double[] SLOWER = {120, 121.2, 118.8, 122.4, 117.6};

  @TempDir
  Path tmp;

  RunBuilder run(String name) {
    return new RunBuilder(tmp.resolve(name));
  }

  static Comparison compare(Path base, Path cand) throws CompareException {
    return Compare.runs(base, cand, Options.defaults());
  }

  static Row row(Comparison c, Map<String, String> params) {
    return c.rows().stream().filter(r -> r.params().equals(new java.util.TreeMap<>(params))).findFirst().orElseThrow();
  }

  @Test
  void aSlowerCandidateIsFlaggedWithItsChangeAndPhase() throws Exception {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", BASE).trial(REQUEST, OKHTTP, Map.of("waiting", 60_000L,
        "sending", 1_000L, "duration", 100_000L)).write();
    Path b = run("b").sample(REQUEST, OKHTTP, "us/op", SLOWER).trial(REQUEST, OKHTTP, Map.of("waiting", 80_000L,
        "sending", 1_100L, "duration", 120_000L)).write();
    Comparison c = compare(a, b);
    Row r = c.rows().get(0);
    assertThat(r.verdict()).isEqualTo(Verdict.SLOWER);
    assertThat(r.replicate()).isEqualTo("fork");
    assertThat(r.nBaseline()).isEqualTo(5);
    assertThat(r.baselineCenter()).isEqualTo(100);
    assertThat(r.candidateCenter()).isEqualTo(120);
    assertThat(r.baselineTail()).isEqualTo(150);
    assertThat(r.changePercent()).isCloseTo(20, within(1e-6));
    assertThat(r.ciLower()).isGreaterThan(1).isLessThan(1.2);
    assertThat(r.p()).isCloseTo(0.007937, within(1e-6));
    assertThat(r.pAdjusted()).isEqualTo(r.p());
    assertThat(r.phase().name()).isEqualTo("waiting");
    assertThat(r.phase().deltaNs()).isEqualTo(20_000);
    assertThat(c.exitCode()).isEqualTo(1);
    assertThat(c.warnings()).isEmpty();
    assertThat(c.errors()).isEmpty();
  }

  @Test
  void anIgnoredParamJoinsRowsThatDifferOnlyInIt() throws Exception {
    Map<String, String> off = new java.util.HashMap<>(OKHTTP);
    off.put("trace", "off");
    Map<String, String> on = new java.util.HashMap<>(OKHTTP);
    on.put("trace", "on");
    // one fork per run folder, as scripts/trace-overhead.sh makes them; a second client keeps its own row
    Path a1 = run("a1").sample(REQUEST, off, "us/op", 100, 101).sample(REQUEST, AHC, "us/op", 50, 51).write();
    Path a2 = run("a2").sample(REQUEST, off, "us/op", 99, 102, 98).write();
    Path b1 = run("b1").sample(REQUEST, on, "us/op", 120, 121.2).sample(REQUEST, AHC, "us/op", 50.5, 50).write();
    Path b2 = run("b2").sample(REQUEST, on, "us/op", 118.8, 122.4, 117.6).write();

    Comparison kept = Compare.runs(List.of(a1, a2), List.of(b1, b2), Options.defaults());
    assertThat(centers(kept)).extracting(Row::verdict)
        .contains(Verdict.BASELINE_ONLY, Verdict.CANDIDATE_ONLY);

    Comparison joined = Compare.runs(List.of(a1, a2), List.of(b1, b2), Options.defaults(), java.util.Set.of("trace"));
    assertThat(centers(joined)).hasSize(2).allMatch(Row::compared);
    Row r = row(joined, OKHTTP);
    assertThat(r.params()).doesNotContainKey("trace");
    assertThat(r.nBaseline()).isEqualTo(5);
    assertThat(r.nCandidate()).isEqualTo(5);
    assertThat(r.ratio()).isCloseTo(1.2, within(0.01));
    assertThat(r.ciLower()).isGreaterThan(1);
    assertThat(r.verdict()).isEqualTo(Verdict.SLOWER);
    assertThat(row(joined, AHC).nBaseline()).isEqualTo(2);
    assertThat(joined.warnings()).noneMatch(w -> w.contains("--ignore-param"));
  }

  @Test
  void anIgnoredParamThatNoResultHasIsWarnedAbout() throws Exception {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", BASE).write();
    Path b = run("b").sample(REQUEST, OKHTTP, "us/op", SAME).write();
    Comparison c = Compare.runs(List.of(a), List.of(b), Options.defaults(), java.util.Set.of("tracing"));
    assertThat(centers(c)).hasSize(1).allMatch(Row::compared);
    assertThat(c.warnings()).anyMatch(w -> w.contains("--ignore-param tracing") && w.contains("changed nothing"));
  }

  /** A baseline made before the suite grew a parameter still matches a candidate that ran its one value. */
  @Test
  void aParameterTheBaselinePredatesIsLeftOutWhenTheCandidateRanOneValue() throws Exception {
    Map<String, String> h1 = new java.util.HashMap<>(OKHTTP);
    h1.put("protocol", "h1");
    Path old = run("old").sample(REQUEST, OKHTTP, "us/op", BASE).write();
    Path now = run("now").sample(REQUEST, h1, "us/op", SLOWER).write();
    Comparison c = compare(old, now);
    assertThat(centers(c)).hasSize(1);
    assertThat(c.rows().get(0).verdict()).isEqualTo(Verdict.SLOWER);
    assertThat(c.rows().get(0).params()).doesNotContainKey("protocol");
    assertThat(c.warnings()).anyMatch(w -> w.contains("protocol=h1") && w.contains("predates"));
    assertThat(c.exitCode()).isEqualTo(1);

    Map<String, String> h2 = new java.util.HashMap<>(OKHTTP);
    h2.put("protocol", "h2");
    Path two = run("two").sample(REQUEST, h1, "us/op", SAME).sample(REQUEST, h2, "us/op", SLOWER).write();
    Comparison ambiguous = compare(old, two);
    assertThat(ambiguous.rows()).noneMatch(Row::compared);
    assertThat(ambiguous.warnings()).anyMatch(w -> w.contains("protocol (h1, h2)") && w.contains("--ignore-param protocol"));
    assertThat(ambiguous.errors()).anyMatch(e -> e.contains("nothing to compare"));
  }

  @Test
  void anAaPairGivesNoVerdict() throws Exception {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", BASE).write();
    Path b = run("b").sample(REQUEST, OKHTTP, "us/op", SAME).write();
    Comparison c = compare(a, b);
    assertThat(c.rows().get(0).verdict()).isEqualTo(Verdict.SAME);
    assertThat(c.rows().get(0).p()).isGreaterThan(0.5);
    assertThat(c.exitCode()).isZero();
  }

  /** Issue 22: sides run one after the other gave verdicts and exit 1 with only a warning. */
  @Test
  void sidesThatRanOneAfterTheOtherAreRefusedUnlessAllowed() throws Exception {
    Path a1 = run("a1").times("2026-11-20T01:00:00Z", "2026-11-20T01:05:00Z").sample(REQUEST, OKHTTP, "us/op", BASE).write();
    Path a2 = run("a2").times("2026-11-20T01:10:00Z", "2026-11-20T01:15:00Z").sample(REQUEST, OKHTTP, "us/op", BASE).write();
    Path b1 = run("b1").times("2026-11-20T01:05:00Z", "2026-11-20T01:10:00Z").sample(REQUEST, OKHTTP, "us/op", SAME).write();
    Path b2 = run("b2").times("2026-11-20T01:20:00Z", "2026-11-20T01:25:00Z").sample(REQUEST, OKHTTP, "us/op", SAME).write();
    Comparison interleaved = Compare.runs(List.of(a1, a2), List.of(b1, b2), Options.defaults());
    assertThat(interleaved.warnings()).noneMatch(w -> w.contains("did not interleave"));
    assertThatThrownBy(() -> Compare.runs(List.of(a1, a2), List.of(b2), Options.defaults()))
        .isInstanceOf(CompareException.class).hasMessageContaining("did not interleave")
        .hasMessageContaining("--allow-sequential").hasMessageNotContaining("\n");
    Comparison backToBack = Compare.runs(List.of(a1, a2), List.of(b2), Options.defaults().sequentialAllowed());
    assertThat(backToBack.warnings()).anyMatch(w -> w.contains("did not interleave") && w.contains("scripts/nightly.sh")
        && w.contains("compared anyway (--allow-sequential)"));
    assertThat(backToBack.rows().get(0).compared()).isTrue();
  }

  /** A pair's legs are compared each on their own: pooled, a slower leg b would be diluted by leg a. */
  @Test
  void thePhaseThatMovedIsNamedWithItsLeg() throws Exception {
    String paired = "netcalls.bench.PairedLatency.sequential";
    Path a = run("a").sample(paired, OKHTTP, "us/op", BASE).trialCsv(paired, OKHTTP, pairCsv(20_000_000L, 30_000_000L)).write();
    Path b = run("b").sample(paired, OKHTTP, "us/op", SLOWER).trialCsv(paired, OKHTTP, pairCsv(20_000_000L, 40_000_000L)).write();
    Row r = compare(a, b).rows().get(0);
    assertThat(r.phase().name()).isEqualTo("waiting (leg b)");
    assertThat(r.phase().deltaNs()).isEqualTo(10_000_000L, org.assertj.core.api.Assertions.within(20_000.0));
  }

  /** Five pairs: legs a and b with the given waiting time, and the pair's total row. */
  private static String pairCsv(long waitingA, long waitingB) {
    StringBuilder csv = new StringBuilder(netcalls.run.SampleSchema.HEADER).append('\n');
    for (int i = 0; i < 5; i++) {
      csv.append(i).append(",1,a,localhost:1,delay,200,10,true,0,,,,,1000,").append(waitingA).append(",1000,,")
          .append(waitingA + 2000).append(",,\n");
      csv.append(i).append(",2,b,localhost:2,delay,200,10,true,0,,,,,1000,").append(waitingB).append(",1000,,")
          .append(waitingB + 2000).append(",,\n");
      csv.append(i).append(",3,pair,,pair,,0,,0,,,,,,,,,").append(waitingA + waitingB + 4000).append(",,\n");
    }
    return csv.toString();
  }

  @Test
  void higherThroughputIsFaster() throws Exception {
    String bench = "netcalls.export.ExportBenchmark.export";
    Map<String, String> p = Map.of("rows", "1000");
    Path a = run("a").scores(bench, "thrpt", p, "ops/s", new double[] {1000, 1010}, new double[] {990, 1000},
        new double[] {1005, 995}, new double[] {1002, 1001}, new double[] {998, 999}).write();
    Path b = run("b").scores(bench, "thrpt", p, "ops/s", new double[] {1200, 1210}, new double[] {1190, 1200},
        new double[] {1205, 1195}, new double[] {1202, 1201}, new double[] {1198, 1199}).write();
    Row r = compare(a, b).rows().get(0);
    assertThat(r.verdict()).isEqualTo(Verdict.FASTER);
    assertThat(r.sampled()).isFalse();
    // fork means 1005, 995, 1000, 1001.5, 998.5
    assertThat(r.baselineCenter()).isEqualTo(1000);
    assertThat(compare(b, a).rows().get(0).verdict()).isEqualTo(Verdict.SLOWER);
    assertThat(compare(b, a).exitCode()).isEqualTo(1);
  }

  @Test
  void aSignificantChangeBelowTheThresholdIsNoChange() throws Exception {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", BASE).write();
    Path b = run("b").sample(REQUEST, OKHTTP, "us/op", 103, 104, 102, 105, 101).write();
    Comparison c = compare(a, b);
    assertThat(c.rows().get(0).p()).isLessThan(0.05);
    assertThat(c.rows().get(0).verdict()).isEqualTo(Verdict.SAME);
    Comparison low = Compare.runs(List.of(a), List.of(b), new Options(0.05, 0.02, 0.10, false));
    assertThat(low.rows().get(0).verdict()).isEqualTo(Verdict.SLOWER);
  }

  @Test
  void scatteredForksAreNoisyWithTheForksNeeded() throws Exception {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", 80, 130, 95, 120, 100).write();
    Path b = run("b").sample(REQUEST, OKHTTP, "us/op", 85, 125, 105, 115, 90).write();
    Row r = compare(a, b).rows().get(0);
    assertThat(r.verdict()).isEqualTo(Verdict.NOISY);
    assertThat(r.cvBaseline()).isGreaterThan(0.10);
    assertThat(r.replicatesNeeded()).isGreaterThan(5);
  }

  @Test
  void fdrControlAcrossRowsCanWithholdAVerdict() throws Exception {
    // one moved row among twenty: its raw p of 0.0079 adjusted by Benjamini-Hochberg is 0.16
    RunBuilder a = run("a");
    RunBuilder b = run("b");
    for (int i = 0; i < 20; i++) {
      Map<String, String> p = Map.of("client", "okhttp", "size", String.valueOf(i));
      a.sample(REQUEST, p, "us/op", BASE);
      b.sample(REQUEST, p, "us/op", i == 0 ? SLOWER : SAME);
    }
    Comparison c = compare(a.write(), b.write());
    Row moved = row(c, Map.of("client", "okhttp", "size", "0"));
    assertThat(moved.p()).isCloseTo(0.007937, within(1e-6));
    assertThat(moved.pAdjusted()).isCloseTo(0.007937 * 20, within(1e-5));
    assertThat(moved.verdict()).isEqualTo(Verdict.SAME);
    assertThat(c.exitCode()).isZero();
    // 5 forks can never give p below 0.05 / 20 = 0.0025; 6 can (2 / C(12, 6) = 0.0022)
    assertThat(c.minimumReplicatesAlone()).isEqualTo(6);
  }

  @Test
  void rowsOnOneSideAreListed() throws Exception {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", BASE).sample(REQUEST, AHC, "us/op", BASE).write();
    Path b = run("b").sample(REQUEST, OKHTTP, "us/op", SAME)
        .sample(REQUEST, Map.of("client", "jdk"), "us/op", BASE).write();
    Comparison c = compare(a, b);
    assertThat(centers(c)).extracting(r -> r.verdict()).containsExactlyInAnyOrder(Verdict.SAME, Verdict.BASELINE_ONLY,
        Verdict.CANDIDATE_ONLY);
    Row only = row(c, AHC);
    assertThat(only.baselineCenter()).isEqualTo(100);
    assertThat(only.candidateCenter()).isNaN();
    assertThat(c.exitCode()).isZero();
  }

  @Test
  void sidesOfSeveralRunsPoolTheirForks() throws Exception {
    Path a1 = run("a1").sample(REQUEST, OKHTTP, "us/op", 100, 101, 99).write();
    Path b1 = run("b1").sample(REQUEST, OKHTTP, "us/op", 120, 121, 119).write();
    Path a2 = run("a2").sample(REQUEST, OKHTTP, "us/op", 100.5, 99.5, 102).write();
    Path b2 = run("b2").sample(REQUEST, OKHTTP, "us/op", 120.5, 119.5, 122).write();
    Comparison c = Compare.runs(List.of(a1, a2), List.of(b1, b2), Options.defaults());
    Row r = c.rows().get(0);
    assertThat(r.nBaseline()).isEqualTo(6);
    assertThat(r.nCandidate()).isEqualTo(6);
    assertThat(r.verdict()).isEqualTo(Verdict.SLOWER);
    assertThat(c.baseline()).extracting(Comparison.RunRef::runId).containsExactly("a1", "a2");
  }

  /** {@code n} iteration medians at {@code level}, ±1 % in a fixed pattern. */
  private static double[] level(int n, double level) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = level * (1 + 0.01 * ((i * 7) % 5 - 2) / 2);
    }
    return x;
  }

  private static double[] join(double[] a, double[] b) {
    double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void forksTooShortToClassifyAreNeverGated() throws Exception {
    Path a = run("a").iterationsPerFork(3).sample(REQUEST, OKHTTP, "us/op", 100, 101, 99, 100, 102).write();
    Path b = run("b").iterationsPerFork(3).sample(REQUEST, OKHTTP, "us/op", 200, 201, 199, 200, 202).write();
    Comparison c = compare(a, b);
    Row r = c.rows().get(0);
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_GATED);
    assertThat(r.compared()).isFalse();
    assertThat(r.invalidReason()).contains("baseline fork 1 of ").contains("not checked (3 iterations")
        .contains("-i 30");
    assertThat(c.exitCode()).isZero();
    assertThat(c.warnings()).anyMatch(w -> w.contains("1 row(s) not gated"));
  }

  @Test
  void aForkWithNoSteadyStateIsLeftOutAndCounted() throws Exception {
    double[] unsettled = join(level(26, 100), level(6, 160));
    Path a = run("a").sampleSeries(REQUEST, OKHTTP, "us/op", level(30, 100), level(30, 101), level(30, 99),
        level(30, 100), unsettled).write();
    Path b = run("b").sampleSeries(REQUEST, OKHTTP, "us/op", level(30, 200), level(30, 201), level(30, 199),
        level(30, 200), level(30, 202)).write();
    Comparison c = compare(a, b);
    Row r = c.rows().get(0);
    assertThat(r.nBaseline()).isEqualTo(4);
    assertThat(r.nCandidate()).isEqualTo(5);
    assertThat(r.verdict()).isEqualTo(Verdict.SLOWER);
    assertThat(c.warnings()).anyMatch(w -> w.contains("left out: fork 5 of ") && w.contains("no steady state"))
        .anyMatch(w -> w.startsWith("1 fork(s) that reached no steady state"));
  }

  @Test
  void aWarmupPrefixIsCutBeforeForksAreCompared() throws Exception {
    // the same steady level on both sides; the candidate's forks start 3x slower for 8 iterations
    double[][] base = {level(30, 100), level(30, 100), level(30, 100), level(30, 100), level(30, 100)};
    double[][] cand = new double[5][];
    for (int f = 0; f < 5; f++) {
      cand[f] = join(level(8, 300), level(22, 100));
    }
    Comparison c = compare(run("a").sampleSeries(REQUEST, OKHTTP, "us/op", base).write(),
        run("b").sampleSeries(REQUEST, OKHTTP, "us/op", cand).write());
    Row r = c.rows().get(0);
    assertThat(r.verdict()).isEqualTo(Verdict.SAME);
    assertThat(r.candidateCenter()).isEqualTo(r.baselineCenter());
  }

  /** Issue 22: a one-fork side was tested on its iterations (pseudo-replication) and could fail a build. */
  @Test
  void aOneForkSideGivesNoVerdictNeverAFailure() throws Exception {
    Path a = run("a").scores(REQUEST, "avgt", OKHTTP, "us/op", new double[] {100, 101, 99, 102, 98}).write();
    Path b = run("b").scores(REQUEST, "avgt", OKHTTP, "us/op", new double[] {120, 121, 119, 122, 118}).write();
    Comparison c = compare(a, b);
    Row r = c.rows().get(0);
    assertThat(r.replicate()).isEqualTo("iteration");
    assertThat(r.nBaseline()).isEqualTo(30); // the five scores repeated to the 30 iterations a classified fork has
    assertThat(r.verdict()).isEqualTo(Verdict.NO_VERDICT);
    assertThat(r.invalidReason()).contains("a single fork on the baseline side").contains("-f 5");
    assertThat(r.changePercent()).as("the ratio on iterations is still shown").isCloseTo(20, within(0.5));
    assertThat(r.p()).isNaN();
    assertThat(r.hasTest()).isFalse();
    assertThat(c.exitCode()).isZero();
    assertThat(c.familySize()).isZero();
    assertThat(c.warnings()).singleElement().asString().contains("single fork").contains("no verdict");
    assertThat(Formats.text(c)).contains("no verdict");
  }

  @Test
  void threeAgainstThreeForksCannotGiveAVerdictAndSaysSo() throws Exception {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", 100, 101, 99).write();
    Path b = run("b").sample(REQUEST, OKHTTP, "us/op", 200, 201, 199).write();
    Comparison c = compare(a, b);
    Row r = c.rows().get(0);
    assertThat(r.p()).isCloseTo(0.1, within(1e-12));
    assertThat(r.tooFew()).isTrue();
    assertThat(r.verdict()).isEqualTo(Verdict.SAME);
    assertThat(r.ciUpper()).isInfinite();
    assertThat(c.warnings()).singleElement().asString().contains("3 vs 3 forks").contains("at least 4");
  }

  @Test
  void differentMeasurementOptionsAreRefusedUnlessForced() throws Exception {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", BASE).write();
    Path b = run("b").options(10, "2 s").sample(REQUEST, OKHTTP, "us/op", SLOWER).write();
    assertThatThrownBy(() -> compare(a, b)).isInstanceOf(CompareException.class)
        .hasMessageContaining("-i 3 -r 1 s").hasMessageContaining("-i 10 -r 2 s").hasMessageContaining("--force");
    Comparison forced = Compare.runs(List.of(a), List.of(b), new Options(0.05, 0.05, 0.1, true));
    assertThat(forced.rows().get(0).verdict()).isEqualTo(Verdict.SLOWER);
    assertThat(forced.warnings()).anyMatch(w -> w.contains("--force"));
  }

  @Test
  void forkCountsMayDiffer() throws Exception {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", BASE).write();
    Path b = run("b").sample(REQUEST, OKHTTP, "us/op", 120, 121, 119, 122, 118, 120.5, 119.5).write();
    Comparison c = compare(a, b);
    assertThat(c.rows().get(0).nCandidate()).isEqualTo(7);
    assertThat(c.rows().get(0).verdict()).isEqualTo(Verdict.SLOWER);
  }

  @Test
  void differentTestbedsGiveOneWarningLine() throws Exception {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", BASE).write();
    Path b = run("b").testbed("AMD EPYC", 4, "6.1.0", "21.0.5").sample(REQUEST, OKHTTP, "us/op", SAME).write();
    Comparison c = compare(a, b);
    assertThat(c.warnings()).singleElement().asString().contains("different testbeds").contains("JDK 21.0.5")
        .doesNotContain("\n");
    Path old = run("old").noTestbed().sample(REQUEST, OKHTTP, "us/op", SAME).write();
    assertThat(compare(a, old).warnings()).singleElement().asString().contains("testbed unknown for run(s) old");
  }

  @Test
  void differentClientLibraryVersionsAreADifferentTestbed() throws Exception {
    Path a = run("a").clients("ahc 3.0.1, okhttp 5.1.0").sample(REQUEST, OKHTTP, "us/op", BASE).write();
    Path b = run("b").clients("ahc 3.0.1, okhttp 5.2.0").sample(REQUEST, OKHTTP, "us/op", SAME).write();
    Path same = run("same").clients("ahc 3.0.1, okhttp 5.1.0").sample(REQUEST, OKHTTP, "us/op", SAME).write();
    Path older = run("older").sample(REQUEST, OKHTTP, "us/op", SAME).write(); // a run.json without clients

    assertThat(compare(a, b).warnings()).singleElement().asString().contains("different testbeds (machine, JDK or client")
        .contains("a on ").contains("clients ahc 3.0.1, okhttp 5.1.0").contains("clients ahc 3.0.1, okhttp 5.2.0");
    assertThat(compare(a, same).warnings()).isEmpty();
    assertThat(compare(a, older).warnings()).singleElement().asString().contains("different testbeds");
  }

  @Test
  void runsInDifferentTimeUnitsAreConverted() throws Exception {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", BASE).write();
    Path b = run("b").sample(REQUEST, OKHTTP, "ms/op", 0.1005, 0.0995, 0.1015, 0.0985, 0.1002).write();
    Row r = compare(a, b).rows().get(0);
    assertThat(r.unit()).isEqualTo("us/op");
    assertThat(r.candidateCenter()).isCloseTo(100.2, within(1e-9));
    assertThat(r.verdict()).isEqualTo(Verdict.SAME);
  }

  @Test
  void phasesComeFromTheCsvWhenATrialHasNoDigest() throws Exception {
    String header = "seq,start_ns,leg,target,endpoint,status,bytes,reused,redirects,blocked_ns,dns_ns,connecting_ns,"
        + "tls_handshaking_ns,sending_ns,waiting_ns,receiving_ns,duration_ns,exception,root_cause\n";
    String baseCsv = header
        + "0,1,,localhost:1,bytes,200,2,true,0,,,,,1000,50000,3000,54000,,\n"
        + "0,1,pair,localhost:1,pair,,,,,,,,,,,,999999,,\n"
        + "1,2,,localhost:1,bytes,200,2,true,0,,,,,1000,52000,3000,56000,,\n"
        + "2,3,,localhost:1,bytes,200,2,true,0,,,,,1000,51000,3000,55000,\"java.io.IOException\",\"x,y\"\n";
    String candCsv = header
        + "0,1,,localhost:1,bytes,200,2,true,0,,,,,1000,90000,3000,94000,,\n"
        + "1,2,,localhost:1,bytes,200,2,true,0,,,,,1000,91000,3500,95000,,\n"
        + "broken line\n"
        + "2,3,,localhost:1,bytes,200,2,true,0,,,,,1000,92000,3000,96000,,\n";
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", BASE).trialCsv(REQUEST, OKHTTP, baseCsv).write();
    Path b = run("b").sample(REQUEST, OKHTTP, "us/op", SLOWER).trialCsv(REQUEST, OKHTTP, candCsv).write();
    Comparison c = compare(a, b);
    Row.PhaseShift s = c.rows().get(0).phase();
    assertThat(s.name()).isEqualTo("waiting");
    // HdrHistogram medians, 3 significant digits, as the trials' digests
    assertThat(s.baselineNs()).isCloseTo(51000, within(51.0));
    assertThat(s.candidateNs()).isCloseTo(91000, within(91.0));
    // the broken row is reported with its line and left out; the comparison itself stands
    assertThat(c.errors()).singleElement().asString().contains(".csv:4:");
    assertThat(c.rows().get(0).verdict()).isEqualTo(Verdict.SLOWER);
    assertThat(c.exitCode()).isEqualTo(2);
  }

  @Test
  void aMissingRunFolderIsRefused() {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", BASE).write();
    assertThatThrownBy(() -> compare(a, tmp.resolve("nope"))).isInstanceOf(CompareException.class)
        .hasMessageContaining("nope").hasMessageContaining("no such run folder");
  }

  @Test
  void aFolderWithoutJmhJsonIsIncomplete() throws Exception {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", BASE).write();
    Path b = tmp.resolve("b");
    java.nio.file.Files.createDirectories(b);
    assertThatThrownBy(() -> compare(a, b)).hasMessageContaining("jmh.json").hasMessageContaining("missing");
  }

  @Test
  void anEmptyJmhJsonIsIncomplete() throws Exception {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", BASE).write();
    RunBuilder b = run("b");
    b.write();
    b.write("jmh.json", "");
    assertThatThrownBy(() -> compare(a, tmp.resolve("b"))).hasMessageContaining("b/jmh.json")
        .hasMessageContaining("0 bytes");
    b.write("jmh.json", "[]");
    assertThatThrownBy(() -> compare(a, tmp.resolve("b"))).hasMessageContaining("no results");
  }

  @Test
  void aTruncatedJmhJsonIsIncomplete() throws Exception {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", BASE).write();
    String whole = java.nio.file.Files.readString(a.resolve("jmh.json"));
    RunBuilder b = run("b");
    b.write();
    b.write("jmh.json", whole.substring(0, whole.length() / 2));
    assertThatThrownBy(() -> compare(a, tmp.resolve("b"))).isInstanceOf(CompareException.class)
        .hasMessageContaining("b/jmh.json").hasMessageContaining("incomplete");
    // cut right after a complete result: no closing bracket
    b.write("jmh.json", whole.substring(0, whole.lastIndexOf('}') + 1));
    assertThatThrownBy(() -> compare(a, tmp.resolve("b"))).hasMessageContaining("cut short");
  }

  @Test
  void aRunWithoutAnEndIsIncomplete() throws Exception {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", BASE).write();
    Path b = run("b").sample(REQUEST, OKHTTP, "us/op", SAME).unfinished().write();
    assertThatThrownBy(() -> compare(a, b)).isInstanceOf(CompareException.class)
        .hasMessageContaining("b/run.json").hasMessageContaining("end").hasMessageContaining("did not finish");
    java.nio.file.Files.delete(b.resolve("run.json"));
    assertThatThrownBy(() -> compare(a, b)).hasMessageContaining("b/run.json").hasMessageContaining("missing");
  }

  @Test
  void runsWithoutCommonRowsAreBadInput() throws Exception {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", BASE).write();
    Path b = run("b").sample(REQUEST, AHC, "us/op", BASE).write();
    Comparison c = compare(a, b);
    assertThat(c.rows()).hasSize(2);
    assertThat(c.errors()).singleElement().asString().contains("nothing to compare");
    assertThat(c.exitCode()).isEqualTo(2);
  }

  @Test
  void aDamagedResultIsLeftOutAndTheRestCompared() throws Exception {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", BASE).sample(REQUEST, AHC, "us/op", BASE).write();
    Path b = run("b").sample(REQUEST, OKHTTP, "us/op", SLOWER).sample(REQUEST, AHC, "us/op", SAME).write();
    String json = java.nio.file.Files.readString(b.resolve("jmh.json"));
    // the second result loses its histogram's counts
    int second = json.indexOf("\"benchmark\"", json.indexOf("\"benchmark\"") + 1);
    String damaged = json.substring(0, second) + json.substring(second).replaceFirst("\"rawDataHistogram\"",
        "\"rawDataHistogramX\"");
    java.nio.file.Files.writeString(b.resolve("jmh.json"), damaged);
    Comparison c = compare(a, b);
    assertThat(c.errors()).singleElement().asString().contains("b/jmh.json: result #1").contains("rawData");
    assertThat(row(c, OKHTTP).verdict()).isEqualTo(Verdict.SLOWER);
    assertThat(row(c, AHC).verdict()).isEqualTo(Verdict.BASELINE_ONLY);
    assertThat(c.exitCode()).isEqualTo(2);
  }

  @Test
  void aFolderTwiceOnOneSideIsRefused() {
    Path a = run("a").sample(REQUEST, OKHTTP, "us/op", BASE).write();
    Path b = run("b").sample(REQUEST, OKHTTP, "us/op", SAME).write();
    assertThatThrownBy(() -> Compare.runs(List.of(a, a), List.of(b), Options.defaults()))
        .hasMessageContaining("given twice");
  }

  /** The rows of the center (p50 or score), without the p99 rows beside them. */
  static List<Row> centers(Comparison c) {
    return c.rows().stream().filter(r -> !r.p99()).toList();
  }
}
