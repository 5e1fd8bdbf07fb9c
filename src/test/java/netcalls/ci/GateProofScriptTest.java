package netcalls.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import netcalls.testing.Processes;
import netcalls.testing.Processes.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/gate-proof.sh records rounds for hours, so here only: its plan (--dry-run) continues the rounds the file
 * holds, ABBA, with the injection on the candidate of one row sized from the A/A rounds; and the analysis
 * (gate-sim.py proof) on small synthetic files written by gate-sim.py record: direct nights with their
 * Clopper-Pearson bounds, resampled ones labelled simulation, busy rounds left out.
 */
class GateProofScriptTest {
  private static final String OKHTTP = "RequestLatency.request client=okhttp scheme=http strategy=reuse";
  private static final String JDK = "RequestLatency.request client=jdk scheme=http strategy=reuse";

  @TempDir
  Path dir;

  /** Appends round i through gate-sim.py record: each row's p50s per side, the machine's figures of both runs. */
  private void record(Path file, int i, String kind, double[] base, double[] cand, String busy, String... inject)
      throws Exception {
    Path b = dir.resolve("b.json");
    Path c = dir.resolve("c.json");
    Files.writeString(b, spread(base));
    Files.writeString(c, spread(cand));
    Path tsv = dir.resolve("machine.tsv");
    Files.writeString(tsv, "round\tside\tidle_ticks\tsteal_ticks\ttotal_ticks\town_cpu_ms\twall_ms\tcores\n"
        + i + "\tbaseline\t1000\t10\t24000\t200000\t100000\t2\n" + i + "\tcandidate\t1000\t12\t24000\t200000\t100000\t2\n");
    List<String> cmd = new ArrayList<>(List.of("python3", "scripts/gate-sim.py", "record", file.toString(),
        "baseline=" + b, "candidate=" + c, "--round", String.valueOf(i), "--kind", kind, "--date", "2026-12-03T20:00:00Z",
        "--commit", "abc", "--bench", "RequestLatency", "--machine", tsv.toString(), "--busy", busy));
    cmd.addAll(Arrays.asList(inject));
    Result r = Processes.run(new ProcessBuilder(cmd), Duration.ofSeconds(30));
    assertThat(r.exit()).as(r.err()).isZero();
  }

  private static String spread(double[] p50s) {
    return String.format(Locale.ROOT, "{\"label\":\"%s\",\"median\":%.4f,\"unit\":\"us/op\"}%n"
        + "{\"label\":\"%s\",\"median\":%.4f,\"unit\":\"us/op\"}%n", OKHTTP, p50s[0], JDK, p50s[1]);
  }

  @Test
  void thePlanContinuesTheFileAbbaWithTheInjectionOnOneRow() throws Exception {
    Path aa = dir.resolve("aa.jsonl");
    for (int i = 1; i <= 3; i++) {
      record(aa, i, "aa", new double[] {100, 200}, new double[] {101, 199}, "");
    }
    Result r = script("--dry-run", "--rounds", "2", "--file", aa.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("has 3 aa round(s); adding rounds 4-5 of RequestLatency -p strategy=reuse,new_client")
        // the file's own runs took 100 s: 2 rounds of two runs, 400 s
        .contains("one round is two runs of about 100 s: about 7 min for 2 round(s)");
    assertThat(r.out().lines().filter(l -> l.startsWith("round ")).map(l -> l.substring(0, l.indexOf(':'))))
        .containsExactly("round 4 candidate", "round 4 baseline", "round 5 baseline", "round 5 candidate");
    assertThat(r.out()).doesNotContain("--server-delay-us").contains("-Djmh.ignoreLock=true");
  }

  @Test
  void theInjectionIsSizedFromTheRowsAaP50AndOnlyTheCandidateIsSlowed() throws Exception {
    Path aa = dir.resolve("aa.jsonl");
    record(aa, 1, "aa", new double[] {120, 200}, new double[] {121, 199}, "");
    Path inj = dir.resolve("inj.jsonl");
    Result r = script("--dry-run", "--file", inj.toString(), "--inject", "10", "--row", "client=okhttp,strategy=reuse",
        "--aa-file", aa.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    // 10 % of the row's median A/A baseline p50, 120 us
    assertThat(r.out()).contains("has 0 inj round(s) of +10 % on client=okhttp,strategy=reuse (12 us)");
    Result given = script("--dry-run", "--file", inj.toString(), "--inject", "10", "--row", "client=jdk",
        "--delay-us", "30", "--aa-file", dir.resolve("none.jsonl").toString());
    assertThat(given.out()).contains("of +10 % on client=jdk (30 us)");
    Result none = script("--dry-run", "--file", inj.toString(), "--inject", "10", "--row", "client=jdk",
        "--aa-file", dir.resolve("none.jsonl").toString());
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).startsWith("gate-proof: no A/A round of client=jdk in ");
    assertThat(r.out().lines().filter(l -> l.startsWith("round 1 candidate"))).singleElement().asString()
        .contains("--server-delay-us 12 --server-delay-only client=okhttp\\,strategy=reuse");
    assertThat(r.out().lines().filter(l -> l.startsWith("round 1 baseline"))).singleElement().asString()
        .doesNotContain("--server-delay");

    Result bad = script("--inject", "10");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("gate-proof: --inject needs --row k=v,k=v (e.g. client=okhttp,strategy=reuse)\n");
    bad = script("--rounds", "0");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("gate-proof: --rounds 0: give a whole number above 0\n");
  }

  /** A round as gate-sim.py record writes it (tested above through count and p50), for many rounds at once. */
  private static String line(int i, String kind, double[] base, double[] cand, String busy, String injected) {
    return String.format(Locale.ROOT, "{\"round\":%d,\"kind\":\"%s\",\"injected\":%s,\"busy\":%s,\"rows\":{"
        + "\"%s\":{\"unit\":\"us/op\",\"baseline\":%.4f,\"candidate\":%.4f},"
        + "\"%s\":{\"unit\":\"us/op\",\"baseline\":%.4f,\"candidate\":%.4f}}}%n", i, kind, injected,
        busy == null ? "null" : "\"" + busy + "\"", OKHTTP, base[0], cand[0], JDK, base[1], cand[1]);
  }

  @Test
  void theAnalysisBoundsDirectNightsAndLabelsTheResampledOnes() throws Exception {
    Random random = new Random(3);
    StringBuilder aaLines = new StringBuilder();
    for (int i = 1; i <= 21; i++) { // 21 rounds, one busy: 20 kept, two direct nights of 10
      double drift = 1 + 0.05 * random.nextGaussian(); // shared by both sides of a round: it cancels
      double[] base = {100 * drift, 200 * drift};
      double[] cand = {base[0] * (1 + 0.003 * random.nextGaussian()), base[1] * (1 + 0.003 * random.nextGaussian())};
      aaLines.append(i == 7 ? line(i, "aa", base, new double[] {500, 500}, "candidate run: 9.0 % stolen", "null")
          : line(i, "aa", base, cand, null, "null"));
    }
    Path aa = Files.writeString(dir.resolve("aa.jsonl"), aaLines);
    StringBuilder injLines = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      double drift = 1 + 0.05 * random.nextGaussian();
      injLines.append(line(i, "inj", new double[] {100 * drift, 200 * drift}, new double[] {125 * drift, 200 * drift},
          null, "{\"row\":\"client=okhttp,strategy=reuse\",\"pct\":25,\"delayUs\":25}"));
    }
    Path inj = Files.writeString(dir.resolve("inj.jsonl"), injLines);

    Result r = Processes.run(new ProcessBuilder("python3", "scripts/gate-sim.py", "proof", aa.toString(), "--injected",
        inj.toString(), "--nights", "40", "--injections", "25"), Duration.ofMinutes(2));

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains(aa + ": 21 A/A rounds, 1 busy (left out), 2 rows")
        // 0 of 2: the one-sided 95 % upper bound is 1 - 0.05^(1/2)
        .contains("Direct A/A: 0 of 2 nights (disjoint recorded rounds) with a false alarm, 95 % Clopper-Pearson"
            + " upper bound 77.6 %")
        .contains("Simulation (resampled from 20 recorded A/A rounds, seed 1; not independent nights): 0 of 40 nights")
        .contains("| " + JDK + " | 100 % |", "| " + OKHTTP + " | 100 % |")
        // 1 of 1: the one-sided 95 % lower bound is 0.05
        .contains("Direct injected +25 % on client=okhttp,strategy=reuse: detected in 1 of 1 nights, 95 %"
            + " Clopper-Pearson lower bound 5.0 %");

    Files.writeString(aa, "{\"round\": 1}\n", java.nio.file.StandardOpenOption.APPEND);
    Result bad = Processes.run(new ProcessBuilder("python3", "scripts/gate-sim.py", "proof", aa.toString()),
        Duration.ofSeconds(30));
    assertThat(bad.exit()).isNotZero();
    assertThat(bad.err()).contains(aa + " line 22: not a round");
  }

  private Result script(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", "scripts/gate-proof.sh"));
    cmd.addAll(Arrays.asList(args));
    return Processes.run(new ProcessBuilder(cmd), Duration.ofSeconds(30));
  }
}
