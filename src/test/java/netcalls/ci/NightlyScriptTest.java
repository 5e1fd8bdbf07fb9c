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
 * baseline's and the candidate's runs; the baseline comes from the history file's last PASS.
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
  void planNamesBothRevisionsAndAlternatesTheirRuns() throws Exception {
    Result r = nightly("--dry-run", "--runs", "3", "--history", "history.tsv");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("baseline  " + commits.get(1) + "  ", "[from parent of the candidate (no PASS in history.tsv)]");
    assertThat(r.out()).contains("candidate " + commits.get(2) + "  ");
    assertThat(r.out()).containsPattern("(?m)^build baseline: .* " + commits.get(1) + " .*package -DskipTests");
    assertThat(r.out()).containsPattern("(?m)^build candidate: .* " + commits.get(2) + " .*package -DskipTests");
    List<Matcher> runs = runs(r.out());
    assertThat(runs).hasSize(6);
    for (int i = 0; i < runs.size(); i++) {
      Matcher run = runs.get(i);
      String side = i % 2 == 0 ? "baseline" : "candidate";
      assertThat(run.group(1)).isEqualTo(String.valueOf(i + 1));
      assertThat(run.group(3)).as("run %d", i + 1).isEqualTo(side);
      assertThat(run.group(4)).isEqualTo(String.valueOf(i / 2 + 1));
      assertThat(run.group(5)).contains("/" + side + "/target/benchmarks.jar", "--run-id ", "-" + side + "-" + (i / 2 + 1),
          "--no-export").endsWith(" RequestLatency -p strategy=reuse\\,new_client -f 1"); // printed shell-quoted
    }
    assertThat(r.out()).containsPattern("(?m)^compare: .* compare \\S+baseline-1,\\S+baseline-2,\\S+baseline-3 "
        + "\\S+candidate-1,\\S+candidate-2,\\S+candidate-3 ");
    // a dry run builds and writes nothing
    assertThat(git("worktree", "list").out().lines()).hasSize(1);
    assertThat(repo.resolve("results")).doesNotExist();
  }

  @Test
  void theLastPassInTheHistoryIsTheBaseline() throws Exception {
    Files.writeString(repo.resolve("history.tsv"), String.join("\n",
        row("2024-01-01", commits.get(0), commits.get(0), "PASS"),
        row("2024-01-02", commits.get(0), commits.get(1), "netcalls.bench.RequestLatency.request", "client=okhttp", "+1.0", "0.4", "~"),
        row("2024-01-02", commits.get(0), commits.get(1), "PASS"),
        row("2024-01-03", commits.get(1), commits.get(2), "netcalls.bench.RequestLatency.request", "client=okhttp", "+9.0", "0.001", "slower"),
        ""));

    Result r = nightly("--dry-run", "--runs", "1", "--history", "history.tsv");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("baseline  " + commits.get(1) + "  ", "[from last PASS in history.tsv]");
  }

  @Test
  void aPassOfAnUnknownRevisionFallsBackToTheParent() throws Exception {
    Files.writeString(repo.resolve("history.tsv"), row("2024-01-01", "0".repeat(40), "1".repeat(40), "PASS") + "\n");

    Result r = nightly("--dry-run", "--runs", "1", "--history", "history.tsv");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("baseline  " + commits.get(1) + "  ");
    assertThat(r.err()).contains("the last PASS in history.tsv (" + "1".repeat(40) + ") is not in this repository");
  }

  @Test
  void givenRevisionsSubsetAndCandidateOptionsAreUsedAsGiven() throws Exception {
    Result r = nightly("--dry-run", "--baseline", commits.get(0), "--candidate", "HEAD~1", "--runs", "2",
        "--history", "history.tsv", "--candidate-opts", "--server-delay-us 2000",
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
    Result r = nightly("--dry-run", "--baseline", "HEAD", "--runs", "1", "--history", "history.tsv");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("same revision: an A/A comparison", "build candidate:").doesNotContain("build baseline:");
    List<Matcher> runs = runs(r.out());
    assertThat(runs.get(0).group(5)).contains("/candidate/target/benchmarks.jar");
    assertThat(runs.get(1).group(5)).contains("/candidate/target/benchmarks.jar");
  }

  @Test
  void theInfluxExportIsPlannedWhenTheUrlIsSet() throws Exception {
    Result r = nightly(Map.of("NETCALLS_INFLUX_URL", "http://127.0.0.1:8086"), "--dry-run", "--runs", "2", "--history", "h.tsv");

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
    Files.writeString(repo.resolve("results-exist"), "");
    assertBad(nightly("--out", "results-exist", "--runs", "1", "--history", "h.tsv"),
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

  private static String row(String... fields) {
    return String.join("\t", fields);
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
