package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import netcalls.testing.Processes;
import org.junit.jupiter.api.Test;

/**
 * {@code --profile cpu} end to end on two small real runs of the real jar ({@link SharedRun#profiledPair()}): flame
 * graphs and collapsed stacks per trial, listed in run.json, marked in the summary and the points (ReportIT
 * checks the report's links); and
 * compare names the injected slow path first among the frames that moved.
 */
class ProfileIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aProfiledRunLeavesFlameGraphsListedMarkedAndLinked() throws Exception {
    Path run = SharedRun.profiledPair()[0].dir();
    JsonNode profile = JSON.readTree(run.resolve("run.json").toFile()).path("profile");
    assertThat(profile.path("kind").asText()).isEqualTo("cpu");
    assertThat(profile.path("event").asText()).isIn("cpu", "ctimer");
    List<String> files = new ArrayList<>();
    profile.path("files").forEach(f -> files.add(f.asText()));
    assertThat(files).anyMatch(f -> f.endsWith("/flame-cpu-forward.html"))
        .anyMatch(f -> f.endsWith("/collapsed-cpu.csv")).allMatch(f -> f.startsWith("profiles/"));
    files.forEach(f -> assertThat(run.resolve(f)).isRegularFile());
    assertThat(files).as("each fork's stacks in a folder of its own").filteredOn(f -> f.endsWith("/collapsed-cpu.csv"))
        .hasSize(2).allMatch(f -> f.matches("profiles/[^/]+/fork-\\d+/collapsed-cpu.csv"));
    assertThat(profile.path("intervals").path("cpu").asLong()).isEqualTo(10_000_000L);
    long bytes;
    try (Stream<Path> all = Files.walk(run.resolve("profiles"))) {
      bytes = all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    assertThat(bytes).isLessThan(50L << 20);
    assertThat(Files.readString(run.resolve("summary.txt"))).startsWith("PROFILED: profiled run (cpu");
    String points = Files.readString(run.resolve("points.lp"));
    assertThat(points.lines().filter(l -> l.startsWith("netcalls_run,"))).singleElement().asString()
        .contains("profiled=\"cpu\"");
    assertThat(points).as("the profiles are not exported").doesNotContain("flame-cpu").doesNotContain("collapsed-cpu");
  }

  @Test
  void compareNamesTheInjectedSlowPathFirst() throws Exception {
    SharedRun.Run[] pair = SharedRun.profiledPair();
    Processes.Result r = Processes.jar(Duration.ofMinutes(2), "compare", pair[0].dir().toString(),
        pair[1].dir().toString(), "--format", "json", "--allow-sequential");
    assertThat(r.exit()).as(r.out()).isLessThan(2);
    JsonNode stacks = JSON.readTree(r.out().substring(r.out().indexOf('{'))).path("stacks");
    assertThat(stacks.path("profiledRows").asInt()).isEqualTo(1);
    JsonNode first = stacks.path("frames").get(0);
    assertThat(first.path("frame").asText()).as(stacks.toPrettyString()).contains("netcalls/client/Injected");
    assertThat(first.path("rule").asText()).as("judged against the two forks a side").isEqualTo("fork spread");
    assertThat(first.path("unit").asText()).isEqualTo("ns of CPU");
    // 1 ms of CPU a call injected: well over half of it seen per call (sampling, and ctimer's coarser clock)
    assertThat(first.path("candidate").asDouble() - first.path("baseline").asDouble()).as(first.toString())
        .isGreaterThan(500_000);
    assertThat(stacks.path("flameGraphs")).singleElement().satisfies(g -> {
      Path graph = Path.of(g.asText());
      assertThat(graph).isRegularFile().startsWith(pair[1].dir().resolve("profiles"));
      assertThat(graph.getFileName().toString()).startsWith("diff-");
    });
  }

  @Test
  void cpuAndAllocationInOneRunLeaveStacksAndAFlameGraphPerKindThatCompareReads() throws Exception {
    Path run = SharedRun.profiledKinds().dir();
    JsonNode profile = JSON.readTree(run.resolve("run.json").toFile()).path("profile");
    assertThat(profile.path("kind").asText()).isEqualTo("cpu,alloc");
    assertThat(profile.path("intervals").path("alloc").asLong()).isEqualTo(131_072L);
    List<String> files = new ArrayList<>();
    profile.path("files").forEach(f -> files.add(f.asText()));
    for (String kind : List.of("cpu", "alloc")) {
      assertThat(files).as(kind).anyMatch(f -> f.matches("profiles/[^/]+/fork-\\d+/collapsed-" + kind + ".csv"))
          .anyMatch(f -> f.matches("profiles/[^/]+/fork-\\d+/flame-" + kind + ".html"));
    }
    assertThat(files).anyMatch(f -> f.endsWith(".jfr"));
    Processes.Result r = Processes.jar(Duration.ofMinutes(2), "compare", run.toString(), run.toString(),
        "--format", "json");
    JsonNode stacks = JSON.readTree(r.out().substring(r.out().indexOf('{'))).path("stacks");
    assertThat(stacks.path("profiledRows").asInt()).as(r.out()).isEqualTo(2);
    assertThat(stacks.path("frames")).isEmpty();
    assertThat(Files.readString(run.resolve("summary.txt"))).startsWith("PROFILED: profiled run (cpu,alloc");
  }

  @Test
  void aProfiledRunAgainstItselfListsNoFrame() throws Exception {
    Path base = SharedRun.profiledPair()[0].dir();
    Processes.Result r = Processes.jar(Duration.ofMinutes(2), "compare", base.toString(), base.toString(),
        "--format", "json");
    JsonNode stacks = JSON.readTree(r.out().substring(r.out().indexOf('{'))).path("stacks");
    assertThat(stacks.path("profiledRows").asInt()).isEqualTo(1);
    assertThat(stacks.path("frames")).isEmpty();
  }
}
