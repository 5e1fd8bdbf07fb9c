package netcalls.cli;

import static netcalls.compare.RunBuilder.OKHTTP;
import static netcalls.compare.RunBuilder.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import netcalls.compare.RunBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare's cost rows through the jar's entry point: a client that allocates 20 % more per call is flagged
 * ({@code more}; exit 1 with {@code --gate-alloc}) while its latency is the same; an A/A pair with the usual fork scatter is not; one side without costs
 * gets a note and the latency rows still run.
 */
class CostCompareTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  /** Five forks of the same latency; allocation per call {@code bytes} with a 1 % fork scatter, CPU with 10 %. */
  private Path run(String name, double bytes, boolean withCost) {
    RunBuilder b = new RunBuilder(tmp.resolve(name)).sample(REQUEST, OKHTTP, "us/op", 100, 101, 99, 102, 98);
    double[] scatter = {1.0, 1.01, 0.99, 1.005, 0.995};
    double[] cpuScatter = {1.0, 1.1, 0.9, 1.05, 0.95};
    for (int f = 0; withCost && f < 5; f++) {
      b.costTrial(REQUEST, OKHTTP, 20_000, bytes * scatter[f], 40_000 * cpuScatter[f]);
    }
    return b.write();
  }

  private JsonNode compare(Path base, Path cand, int exit, String... more) throws Exception {
    out.reset();
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("compare", base.toString(),
        cand.toString(), "--format", "json"));
    args.addAll(java.util.List.of(more));
    assertThat(Main.run(args.toArray(new String[0]))).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(exit);
    return JSON.readTree(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void twentyPercentMoreAllocationIsFlaggedWhileLatencyIsTheSame() throws Exception {
    Path base = run("base", 10_000, true);
    Path cand = run("cand", 12_000, true);
    assertThat(compare(base, cand, 0).path("cost").path("rows").get(0).path("verdict").asText())
        .as("flagged, but the exit code is latency's unless asked").isEqualTo("more");
    JsonNode j = compare(base, cand, 1, "--gate-alloc");
    assertThat(j.path("rows").get(0).path("verdict").asText()).as("latency").isNotIn("slower", "faster");
    JsonNode alloc = j.path("cost").path("rows").get(0);
    assertThat(alloc.path("metric").asText()).isEqualTo("alloc client");
    assertThat(alloc.path("verdict").asText()).isEqualTo("more");
    assertThat(alloc.path("changePercent").asDouble()).isBetween(19.0, 21.0);
    assertThat(j.path("cost").path("rows").get(1).path("verdict").asText()).as("CPU unchanged").isEqualTo("same");
  }

  @Test
  void anAaPairWithTheUsualScatterIsTheSame() throws Exception {
    JsonNode j = compare(run("a1", 10_000, true), run("a2", 10_100, true), 0, "--gate-alloc");
    j.path("cost").path("rows").forEach(r -> assertThat(r.path("verdict").asText()).isEqualTo("same"));
    assertThat(j.path("cost").path("rows")).hasSize(2);
  }

  @Test
  void textOutputShowsTheCostRows() throws Exception {
    out.reset();
    assertThat(Main.run(new String[] {"compare", run("b", 10_000, true).toString(), run("c", 12_000, true).toString()}))
        .isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Cost per call").contains("alloc client")
        .contains("+20.0%").contains("more");
  }

  @Test
  void oneSideWithoutCostsGetsANoteAndTheLatencyRowsStillRun() throws Exception {
    JsonNode j = compare(run("old", 0, false), run("new", 10_000, true), 0);
    assertThat(j.path("rows").get(0).path("verdict").asText()).as("latency").isNotIn("slower", "faster");
    assertThat(j.path("cost").path("rows")).isEmpty();
    assertThat(j.path("cost").path("notes").get(0).asText()).contains("only the candidate");
  }
}
