package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import netcalls.testing.Processes.Result;
import netcalls.testing.Processes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * compare, end to end on two small real runs of the real jar ({@link SharedRun#injectedPair()}): the
 * candidate's server adds 2 ms to every response, which compare must call {@code slower}, naming
 * {@code waiting} as the phase that moved; a run against itself is no regression.
 */
class CompareIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path base;
  private static Path cand;

  @BeforeAll
  static void runs() throws Exception {
    SharedRun.Run[] pair = SharedRun.injectedPair();
    base = pair[0].dir();
    cand = pair[1].dir();
  }

  private static Result compare(String... args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("compare"));
    all.addAll(List.of(args));
    return Processes.jar(Duration.ofMinutes(2), all.toArray(String[]::new));
  }

  /**
   * The pair ran one after the other: refused (exit 2) without --allow-sequential; with it, compared, but a side of
   * one fork gets no verdict (its iterations are no replicates), so no failure, while the change and the phase
   * that moved are still shown.
   */
  @Test
  void anInjectedSlowdownRunAfterTheBaselineIsRefusedOrShownWithoutVerdict() throws Exception {
    Result refused = compare(base.toString(), cand.toString(), "--format", "json");
    assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(2);
    assertThat(refused.out() + refused.err()).contains("did not interleave").contains("--allow-sequential").doesNotContain("\tat ");
    Result r = compare(base.toString(), cand.toString(), "--format", "json", "--allow-sequential");
    assertThat(r.exit()).as(r.out()).isZero();
    JsonNode json = JSON.readTree(r.out().substring(r.out().indexOf('{')));
    assertThat(json.path("rows")).hasSize(2); // the row and its p99 row
    JsonNode row = json.path("rows").get(0);
    assertThat(row.path("stat").isNull()).isTrue();
    JsonNode tail = json.path("rows").get(1);
    assertThat(tail.path("stat").asText()).isEqualTo("p99");
    assertThat(tail.path("gated").asBoolean()).isFalse(); // informational without --gate-p99
    assertThat(json.path("warnings").toString()).contains("--allow-sequential");
    // on a busy machine a fork may reach no steady state: not gated, also no failure, but nothing more to check
    assertThat(row.path("verdict").asText()).isIn("no verdict", "not gated");
    if (row.path("verdict").asText().equals("no verdict")) {
      assertThat(row.path("invalidReason").asText()).contains("a single fork");
      // the server's delay rises from 1 to 3 ms a call (its timer adds to both): well over +50 %, whatever the load
      assertThat(row.path("changePercent").asDouble()).isGreaterThan(50);
      assertThat(row.path("phase").path("name").asText()).isEqualTo("waiting");
      assertThat(row.path("phase").path("deltaNs").asLong()).isGreaterThan(1_500_000L);
      assertThat(json.path("warnings").toString()).contains("single fork");
    }
  }

  @Test
  void markdownForACiSummary() throws Exception {
    Result r = compare(base.toString(), cand.toString(), "--format", "md", "--allow-sequential");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("|").containsAnyOf("| no verdict |", "| not gated |").contains("Mann-Whitney");
  }

  @Test
  void aRunAgainstItselfIsNoRegression() throws Exception {
    Result r = compare(base.toString(), base.toString(), "--format", "json");
    assertThat(r.exit()).as(r.out()).isZero();
    JsonNode row = JSON.readTree(r.out().substring(r.out().indexOf('{'))).path("rows").get(0);
    assertThat(row.path("verdict").asText()).isNotIn("slower", "faster");
    assertThat(row.path("changePercent").asDouble()).isZero();
    assertThat(row.path("phase").isNull()).as("no phase moved").isTrue();
  }

  /**
   * The nightly's record step over the same pair: the night's per-round values, and a HOLD line, since one
   * round a side gives no verdict and fewer rounds than a night needs never move the baseline.
   */
  @Test
  void historyRecordsTheNightsValuesAndHoldsTheBaselineOnTooFewRounds(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Result compared = compare(base.toString(), cand.toString(), "--format", "json", "--allow-sequential");
    Path json = dir.resolve("compare.json");
    Files.writeString(json, compared.out().substring(compared.out().indexOf('{')));
    Path history = dir.resolve("h.jsonl");
    String sha = "0123456789abcdef0123456789abcdef01234567";

    Result r = Processes.jar(Duration.ofMinutes(2), "history", "record", "--history", history.toString(),
        "--date", "2026-12-03T03:00:00Z", "--baseline", sha, "--candidate", sha, "--compare", json.toString(),
        "--compare-exit", String.valueOf(compared.exit()), "--baseline-runs", base.toString(),
        "--candidate-runs", cand.toString(), "--full-subset");

    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("HOLD: 1 rounds compared, fewer than the");
    JsonNode night = JSON.readTree(Files.readString(history));
    assertThat(night.path("verdict").asText()).isEqualTo("HOLD");
    JsonNode row = night.path("rows").elements().next();
    assertThat(row.path("unit").asText()).isNotEmpty();
    assertThat(row.path("baseline")).hasSize(1);
    assertThat(row.path("candidate")).hasSize(1);
    // the candidate's server adds 2 ms more to every call
    assertThat(row.path("candidate").get(0).asDouble()).isGreaterThan(row.path("baseline").get(0).asDouble());

    Result check = Processes.jar(Duration.ofMinutes(2), "history", "check", history.toString());
    assertThat(check.exit()).as(check.out()).isZero();
    assertThat(check.out()).contains("history: 1 nights, 1 rows", "no change point");
  }
}
