package netcalls.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netcalls.history.EDivisive;
import netcalls.history.HistoryFile;
import netcalls.history.Trend;
import netcalls.testing.Processes.Result;
import netcalls.testing.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * scripts/gate-check.sh takes hours, so it never runs here; what can be checked without running a
 * benchmark is: bash parses it whole, bad options stop it before anything is built, its dry-run plan
 * is the nightly's (ABBA rounds, nights of the nightly's rounds), and its simulation (gate-sim.py)
 * on a small synthetic rounds.tsv: a large slowdown of one row is found, and the creep history it
 * writes is read by history check, which names a night after the creep began.
 */
class GateCheckScriptTest {
  private static final Pattern RUN = Pattern.compile("(?m)^(aa|inj\\d+-r\\d+) round (\\d+) (base|cand): (.*)$");

  @Test
  void bashParsesTheWholeScript() throws Exception {
    for (String script : List.of("scripts/gate-check.sh", "scripts/nightly.sh")) {
      Result r = bash("-n", script);
      assertThat(r.exit()).as(script + ": " + r.err()).isZero();
      assertThat(Files.isExecutable(Path.of(script))).as(script + " is executable").isTrue();
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--rounds 1|gate-check: --rounds 1: give at least 2",
      "--rounds x|gate-check: --rounds x: give a whole number",
      "--aa-rounds 5|gate-check: --aa-rounds 5: give at least --rounds (10), one A/A night",
      "--injections 0|gate-check: --injections: 0 is no slowdown; give sizes > 0 %",
      "--injections 5,10|gate-check: --injections 5,10: give a whole number",
      "--inject-rows okhttp|gate-check: --inject-rows: okhttp is not k=v,k=v (e.g. client=okhttp,strategy=reuse)",
      "--sim-nights|gate-check: --sim-nights needs a value (see the usage at the top of scripts/gate-check.sh)",
      "--bogus|gate-check: unknown option --bogus (see the usage at the top of scripts/gate-check.sh)"})
  void badOptionsExit2BeforeAnythingRuns(String args, String message) throws Exception {
    List<String> command = new ArrayList<>(List.of("scripts/gate-check.sh"));
    command.addAll(Arrays.asList(args.split(" ")));
    Result r = bash(command.toArray(new String[0]));

    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(message + "\n");
  }

  @Test
  void thePlanIsTheNightlysAbbaRoundsAndNights(@TempDir Path out) throws Exception {
    Result r = bash("scripts/gate-check.sh", "--dry-run", "--rounds", "2", "--aa-rounds", "4", "--injections", "5 25",
        "--inject-rows", "client=okhttp,strategy=reuse", "--out", out.resolve("g").toString());

    assertThat(r.exit()).as(r.err()).isZero();
    List<String> order = new ArrayList<>();
    Matcher m = RUN.matcher(r.out());
    while (m.find()) {
      order.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
      assertThat(m.group(4)).contains("-Djmh.ignoreLock=true", "RequestLatency -p strategy=reuse\\,new_client -p scheme=http -f 1");
      boolean injected = m.group(1).startsWith("inj") && m.group(3).equals("cand");
      assertThat(m.group(4).contains("--server-delay-us")).as(m.group()).isEqualTo(injected);
      if (injected) { // one row slowed, the others not
        assertThat(m.group(4)).contains(" --server-delay-only client=okhttp\\,strategy=reuse ");
      }
    }
    assertThat(order).containsExactly("aa 1 base", "aa 1 cand", "aa 2 cand", "aa 2 base", "aa 3 base", "aa 3 cand",
        "aa 4 cand", "aa 4 base", "inj5-r1 1 base", "inj5-r1 1 cand", "inj5-r1 2 cand", "inj5-r1 2 base",
        "inj25-r1 1 base", "inj25-r1 1 cand", "inj25-r1 2 cand", "inj25-r1 2 base");
    assertThat(r.out()).containsPattern("(?m)^aa night 1: .* compare \\S+/aa-base-1,\\S+/aa-base-2 \\S+/aa-cand-1,\\S+/aa-cand-2")
        .containsPattern("(?m)^aa night 2: .* compare \\S+/aa-base-3,\\S+/aa-base-4 ");
    assertThat(out.resolve("g")).doesNotExist();
    assertThat(r.out()).doesNotContain("--gate-p99");
    Result p99 = bash("scripts/gate-check.sh", "--dry-run", "--rounds", "2", "--aa-rounds", "2", "--gate-p99");
    assertThat(p99.out()).containsPattern("(?m)^aa night 1: .* compare \\S+ \\S+ --gate-p99$");
  }

  @Test
  void theSimulationFindsALargeSlowdownAndTheCreepIsNamedByHistory(@TempDir Path dir) throws Exception {
    Path rounds = dir.resolve("rounds.tsv");
    Random random = new Random(7);
    StringBuilder tsv = new StringBuilder("prefix\tround\tside\trow\tvalue\tunit\n");
    String[] rows = {"RequestLatency.request client=okhttp,strategy=reuse", "RequestLatency.request client=jdk,strategy=reuse"};
    for (int i = 1; i <= 12; i++) {
      for (String row : rows) {
        double drift = 1 + 0.01 * random.nextGaussian(); // shared by both sides of a round: it cancels
        for (String side : List.of("base", "cand")) {
          tsv.append(String.format(Locale.ROOT, "aa\t%d\t%s\t%s\t%.4f\tus/op%n", i, side, row,
              100 * drift * (1 + 0.002 * random.nextGaussian())));
        }
      }
    }
    Files.writeString(rounds, tsv);
    Path creep = dir.resolve("creep.jsonl");

    Result r = Processes.run(new ProcessBuilder("python3", "scripts/gate-sim.py", rounds.toString(), "--rounds", "8",
        "--nights", "50", "--injections", "25", "--creep-history", creep.toString()), Duration.ofMinutes(2));

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Simulation (resampled from 12 recorded A/A rounds, seed 1; not independent nights)")
        .containsPattern("A/A: \\d+ of 50 nights with a false alarm \\(.*95 % Clopper-Pearson upper bound")
        .contains("| " + rows[0] + " | 100 % |", "| " + rows[1] + " | 100 % |");

    HistoryFile.Parsed history = HistoryFile.parse(creep.toString(), Files.readAllLines(creep));
    assertThat(history.errors()).isEmpty();
    assertThat(history.nights()).hasSize(20);
    String anchor = bashOut("python3", "scripts/gate-sim.py", "--sha", "1").strip();
    Trend.Report report = Trend.of(history.nights(), anchor, 0.03, EDivisive.Config.defaults());
    Trend.Finding drift = report.findings().stream().filter(f -> f.kind().equals("anchor") && f.row().equals(rows[0]))
        .findFirst().orElseThrow();
    // 1 % a night from night 11: night 13 is +3.03 %, over the 3 % the anchor check asks; noise may move it one night
    assertThat(drift.after().line()).isBetween(13, 14);
    assertThat(drift.isNew()).isTrue();
  }

  private static String bashOut(String... command) throws Exception {
    Result r = Processes.run(new ProcessBuilder(command), Duration.ofSeconds(30));
    assertThat(r.exit()).as(r.err()).isZero();
    return r.out();
  }

  private static Result bash(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash"));
    command.addAll(Arrays.asList(args));
    return Processes.run(new ProcessBuilder(command), Duration.ofSeconds(30));
  }
}
