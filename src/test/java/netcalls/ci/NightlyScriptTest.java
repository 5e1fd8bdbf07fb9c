package netcalls.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netcalls.testing.Processes.Result;
import netcalls.testing.Processes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/nightly.sh --dry-run as a real bash process, in a throw-away git repository of three
 * commits holding a copy of the script: the plan it prints names both revisions and alternates the
 * baseline's and the candidate's runs within rounds (ABBA); the baseline comes from the history
 * file's last PASS or ACCEPT, never from a HOLD or REGRESSION (no ratchet).
 */
class NightlyScriptTest {
  private static final Duration MINUTE = Duration.ofSeconds(60);

  private static final Pattern RUN = Pattern.compile("^run (\\d+)/(\\d+) (baseline|candidate) (\\d+): (.*)$");

  @TempDir
  Path repo;

  private final List<String> commits = new ArrayList<>();

  @BeforeEach
  void repository() throws Exception {
    Files.createDirectories(repo.resolve("scripts"));
    Path script = repo.resolve("scripts/nightly.sh");
    Files.copy(Path.of("scripts/nightly.sh"), script, StandardCopyOption.REPLACE_EXISTING);
    Files.createDirectories(repo.resolve("scripts/lib"));
    for (String lib : List.of("nightly-plan.sh", "timed-runs.sh")) {
      Files.copy(Path.of("scripts/lib", lib), repo.resolve("scripts/lib").resolve(lib), StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(script.toFile().setExecutable(true)).isTrue();
    git("init", "-q");
    for (int i = 1; i <= 3; i++) {
      Files.writeString(repo.resolve("file.txt"), "version " + i + "\n");
      git("add", "-A");
      git("-c", "user.name=netcalls test", "-c", "user.email=test@localhost", "commit", "-q", "-m", "commit " + i);
      commits.add(git("rev-parse", "HEAD").out().strip());
    }
  }

  @Test
  void planNamesBothRevisionsAndAlternatesTheOrderWithinRounds() throws Exception {
    Result r = nightly("--dry-run", "--runs", "4", "--history", "history.jsonl");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("baseline  " + commits.get(1) + "  ",
        "[from parent of the candidate (no PASS or ACCEPT in " + repo.toRealPath().resolve("history.jsonl") + ")]");
    assertThat(r.out()).contains("candidate " + commits.get(2) + "  ").doesNotContain("never moves the baseline");
    assertThat(r.out()).containsPattern("(?m)^build baseline: .* " + commits.get(1) + " .*package -DskipTests");
    assertThat(r.out()).containsPattern("(?m)^build candidate: .* " + commits.get(2) + " .*package -DskipTests");
    List<Matcher> runs = runs(r.out());
    // ABBA: round 1 baseline first, round 2 candidate first, ...
    List<String> abba = List.of("baseline", "candidate", "candidate", "baseline", "baseline", "candidate", "candidate", "baseline");
    assertThat(runs).hasSize(8);
    for (int i = 0; i < runs.size(); i++) {
      Matcher run = runs.get(i);
      String side = abba.get(i);
      assertThat(run.group(1)).isEqualTo(String.valueOf(i + 1));
      assertThat(run.group(3)).as("run %d", i + 1).isEqualTo(side);
      assertThat(run.group(4)).isEqualTo(String.valueOf(i / 2 + 1));
      assertThat(run.group(5)).contains("/" + side + "/target/benchmarks.jar", "--run-id ", "-" + side + "-" + (i / 2 + 1),
          "--no-export").endsWith(" RequestLatency -p strategy=reuse\\,new_client -p scheme=http -f 1"); // shell-quoted
    }
    assertThat(r.out()).containsPattern("(?m)^compare: .* compare \\S+baseline-1,\\S+baseline-2,\\S+baseline-3,\\S+baseline-4 "
        + "\\S+candidate-1,\\S+candidate-2,\\S+candidate-3,\\S+candidate-4 ");
    assertThat(r.out()).containsPattern("(?m)^busy: .* history busy \\S+/rounds.tsv ");
    assertThat(r.out()).containsPattern("(?m)^record: .* history record --history \\S+history.jsonl --full-subset ");
    assertThat(r.out()).containsPattern("(?m)^check: .* history check \\S+history.jsonl $");
    // the p99 rows are informational by default; --gate-p99 passes to compare
    assertThat(r.out()).containsPattern("(?m)^compare: .* --gate RequestLatency --format").doesNotContain("--gate-p99");
    assertThat(nightly("--dry-run", "--runs", "4", "--history", "history.jsonl", "--gate-p99").out())
        .containsPattern("(?m)^compare: .* --gate-p99 --gate RequestLatency --format");
    // a dry run builds and writes nothing
    assertThat(git("worktree", "list").out().lines()).hasSize(1);
    assertThat(repo.resolve("results")).doesNotExist();
  }

  @Test
  void theDefaultIsTenRounds() throws Exception {
    Result r = nightly("--dry-run", "--history", "history.jsonl");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(runs(r.out())).hasSize(20);
  }

  @Test
  void theLastPassOrAcceptInTheHistoryIsTheBaselineNeverAHold() throws Exception {
    Files.writeString(repo.resolve("history.jsonl"), String.join("\n",
        night("2024-01-01", commits.get(0), commits.get(0), "PASS"),
        night("2024-01-02", commits.get(0), commits.get(1), "PASS"),
        night("2024-01-03", commits.get(1), commits.get(2), "HOLD"),
        night("2024-01-04", commits.get(1), commits.get(2), "REGRESSION"),
        "not a night",
        ""));

    Result r = nightly("--dry-run", "--runs", "1", "--history", "history.jsonl");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("baseline  " + commits.get(1) + "  ", "[from last PASS or ACCEPT in ");

    Files.writeString(repo.resolve("history.jsonl"), night("2024-01-05", commits.get(1), commits.get(0), "ACCEPT") + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    r = nightly("--dry-run", "--runs", "1", "--history", "history.jsonl");
    assertThat(r.out()).as("an accepted revision is the baseline").contains("baseline  " + commits.get(0) + "  ");
  }

  @Test
  void keepingBusyRoundsIsSaidAndNeverMovesTheBaseline() throws Exception {
    Result r = nightly("--dry-run", "--runs", "8", "--history", "h.jsonl", "--keep-busy");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("note: --keep-busy: busy rounds are compared too, so this night never moves the baseline");
    assertThat(r.out()).containsPattern("(?m)^record: .* history record --history \\S+h.jsonl \\.\\.\\.$");
  }

  @Test
  void acceptPlansOneHistoryLineAndRunsNothing() throws Exception {
    Result r = nightly("--dry-run", "--accept", "HEAD~1", "--reason", "HTTP/2 by default", "--history", "h.jsonl");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("accept: java -jar ").contains(
        " history accept --history " + repo.toRealPath().resolve("h.jsonl") + " --date ",
        " --baseline " + commits.get(1) + " --candidate " + commits.get(1) + " --reason HTTP/2\\ by\\ default");
    assertThat(runs(r.out())).isEmpty();
  }

  @Test
  void aSubsetNightIsSaidNeverToMoveTheBaseline() throws Exception {
    Result r = nightly("--dry-run", "--runs", "1", "--history", "h.jsonl", "--anchor", "HEAD~2", "--bench", "RequestLatency");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("note: a subset given with --bench: this night never moves the baseline");
    assertThat(r.out()).containsPattern("(?m)^record: .* history record --history \\S+h.jsonl \\.\\.\\.$");
    assertThat(r.out()).containsPattern("(?m)^check: .* history check \\S+h.jsonl --anchor " + commits.get(0) + " $");
  }

  @Test
  void aPassOfAnUnknownRevisionFallsBackToTheParent() throws Exception {
    Files.writeString(repo.resolve("history.jsonl"), night("2024-01-01", "0".repeat(40), "1".repeat(40), "PASS") + "\n");

    Result r = nightly("--dry-run", "--runs", "1", "--history", "history.jsonl");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("baseline  " + commits.get(1) + "  ");
    assertThat(r.err()).contains("the last PASS or ACCEPT in " + repo.toRealPath().resolve("history.jsonl") + " ("
        + "1".repeat(40) + ") is not in this repository");
  }

  @Test
  void givenRevisionsSubsetAndCandidateOptionsAreUsedAsGiven() throws Exception {
    Result r = nightly("--dry-run", "--baseline", commits.get(0), "--candidate", "HEAD~1", "--runs", "2",
        "--history", "history.jsonl", "--candidate-opts", "--server-delay-us 2000",
        "--bench", "RequestLatency", "-p", "client=okhttp", "-f", "3");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("baseline  " + commits.get(0) + "  ", "[from --baseline]", "candidate " + commits.get(1) + "  ");
    for (Matcher run : runs(r.out())) {
      assertThat(run.group(5)).endsWith(" RequestLatency -p client=okhttp -f 3");
      if (run.group(3).equals("candidate")) {
        assertThat(run.group(5)).contains(" --server-delay-us 2000 ");
      } else {
        assertThat(run.group(5)).doesNotContain("--server-delay-us");
      }
    }
  }

  @Test
  void theSameRevisionOnBothSidesIsBuiltOnceAndSaidToBeAnAaComparison() throws Exception {
    Result r = nightly("--dry-run", "--baseline", "HEAD", "--runs", "1", "--history", "history.jsonl");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("same revision: an A/A comparison", "build candidate:").doesNotContain("build baseline:");
    List<Matcher> runs = runs(r.out());
    assertThat(runs.get(0).group(5)).contains("/candidate/target/benchmarks.jar");
    assertThat(runs.get(1).group(5)).contains("/candidate/target/benchmarks.jar");
  }

  @Test
  void theInfluxExportIsPlannedWhenTheUrlIsSet() throws Exception {
    Result r = nightly(Map.of("NETCALLS_INFLUX_URL", "http://127.0.0.1:8086"), "--dry-run", "--runs", "2", "--history", "h.jsonl");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("(?m)^export: .* export RUN_DIR --influx \\$NETCALLS_INFLUX_URL, for each of the 4 runs$");
  }

  @Test
  void badInputExits2WithOneClearLine() throws Exception {
    assertBad(nightly("--runs", "0"), "nightly: --runs 0: give a whole number of rounds >= 1");
    assertBad(nightly("--bogus"), "nightly: unknown option --bogus: use --bench ARGS... (last) to pass benchmark regexps and JMH options");
    assertBad(nightly("--dry-run", "--baseline", "nope"),
        "nightly: --baseline nope is not a revision of this repository (a CI checkout needs fetch-depth: 0)");
    assertBad(nightly("--out"), "nightly: --out needs a value (see the usage at the top of scripts/nightly.sh)");
    assertBad(nightly("--dry-run", "--accept", "HEAD"), "nightly: --accept HEAD needs --reason TEXT: say why the change is intended");
    assertBad(nightly("--dry-run", "--reason", "x"), "nightly: --reason goes with --accept REV");
    assertBad(nightly("--dry-run", "--accept", "nope", "--reason", "x"),
        "nightly: --accept nope is not a revision of this repository (a CI checkout needs fetch-depth: 0)");
    Files.writeString(repo.resolve("results-exist"), "");
    assertBad(nightly("--out", "results-exist", "--runs", "1", "--history", "h.jsonl"),
        "nightly: " + repo.toRealPath().resolve("results-exist") + " already exists: choose another --out");
    git("worktree", "prune");
    assertThat(git("worktree", "list").out().lines()).hasSize(1);
  }

  @Test
  void outsideAGitCheckoutItSaysWhy(@TempDir Path plain) throws Exception {
    Files.createDirectories(plain.resolve("scripts"));
    Files.copy(repo.resolve("scripts/nightly.sh"), plain.resolve("scripts/nightly.sh"));
    Result r = run(plain, Map.of(), "--dry-run");

    assertBad(r, "nightly: " + plain.toRealPath() + " is not a git checkout: the nightly builds revisions from git");
  }

  // --- helpers ---

  private static void assertBad(Result r, String message) {
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(message + "\n");
  }

  /** A history line as `history record` / `history accept` write it (field names: netcalls.run.HistoryJson). */
  private static String night(String date, String baseline, String candidate, String verdict) {
    return netcalls.history.HistoryFile.line(new netcalls.history.Night(0, date, baseline, candidate,
        netcalls.history.Night.Kind.valueOf(verdict), null, Map.of(), List.of()));
  }

  private static List<Matcher> runs(String out) {
    List<Matcher> runs = new ArrayList<>();
    out.lines().forEach(line -> {
      Matcher m = RUN.matcher(line);
      if (m.matches()) {
        runs.add(m);
      }
    });
    return runs;
  }

  private Result nightly(String... args) throws Exception {
    return nightly(Map.of(), args);
  }

  private Result nightly(Map<String, String> env, String... args) throws Exception {
    return run(repo, env, args);
  }

  private static Result run(Path dir, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", "scripts/nightly.sh"));
    command.addAll(Arrays.asList(args));
    return Processes.run(command, dir, env, List.of("NETCALLS_INFLUX_URL", "NETCALLS_NIGHTLY_HISTORY"), MINUTE);
  }

  private Result git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(Arrays.asList(args));
    Result r = Processes.run(command, repo, Map.of(), List.of(), MINUTE);
    assertThat(r.exit()).as("git %s: %s", String.join(" ", args), r.err()).isZero();
    return r;
  }

}
