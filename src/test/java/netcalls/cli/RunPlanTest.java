package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunPlanTest {
  private static final String REQ = "netcalls.bench.RequestLatency.request";
  private static final String OTHER = "netcalls.export.ExportBenchmark.toLineProtocol";

  private static Map<String, Map<String, String[]>> benchmarks() {
    Map<String, Map<String, String[]>> b = new LinkedHashMap<>();
    Map<String, String[]> p = new LinkedHashMap<>();
    p.put("client", new String[] {"okhttp", "ahc", "jdk"});
    p.put("strategy", new String[] {"reuse", "new_client", "shared_pool", "no_keepalive"});
    p.put("scheme", new String[] {"http", "https"});
    b.put(REQ, p);
    b.put(OTHER, Map.of());
    return b;
  }

  @Test
  void unsupportedCombinationsAreLeftOutWithOneLineEach() {
    RunPlan plan = RunPlan.of(benchmarks(), key -> null);
    assertThat(plan.leftOut).containsExactly(REQ + ": client=jdk strategy=shared_pool left out: "
        + "java.net.http.HttpClient keeps its connection pool inside each client and cannot share it between clients");
    assertThat(plan.runs).hasSize(4);
    assertThat(plan.runs.get(2).params()).containsEntry("client", List.of("jdk"))
        .containsEntry("strategy", List.of("reuse", "new_client", "no_keepalive"));
    assertThat(plan.runs.get(3)).isEqualTo(new RunPlan.Run(OTHER, Map.of()));
    // 1 client × 3 strategies × 2 schemes
    assertThat(plan.runs.get(2).expectedResults(benchmarks().get(REQ))).isEqualTo(6);
  }

  @Test
  void overridesNarrowTheRuns() {
    RunPlan plan = RunPlan.of(benchmarks(), key -> key.equals("client") ? List.of("okhttp") : null);
    assertThat(plan.runs.get(0).params()).containsEntry("client", List.of("okhttp"));
    assertThat(plan.leftOut).isEmpty();
  }

  @Test
  void onlyUnsupportedLeavesNothingForThatBenchmark() {
    RunPlan plan = RunPlan.of(benchmarks(),
        key -> key.equals("client") ? List.of("jdk") : key.equals("strategy") ? List.of("shared_pool") : null);
    assertThat(plan.runs).extracting(RunPlan.Run::benchmark).containsExactly(OTHER);
    assertThat(plan.leftOut).hasSize(1);
  }

  @Test
  void badValuesNameTheValidOnes() {
    assertThatThrownBy(() -> RunPlan.of(benchmarks(), key -> key.equals("client") ? List.of("curl") : null))
        .hasMessage("unknown client 'curl': use one of [okhttp, ahc, jdk]");
    assertThatThrownBy(() -> RunPlan.of(benchmarks(), key -> key.equals("strategy") ? List.of("pool") : null))
        .hasMessage("unknown strategy 'pool': use one of [reuse, new_client, shared_pool, no_keepalive]");
  }

  @Test
  void theBlogsDelayPairIsOnePairNotTwoValues() {
    assertThat(RunCommand.delaysPair(List.of("50", "75"))).containsExactly("50:75");
    assertThat(RunCommand.delaysPair(List.of("50:75", "10:20"))).isNull();
    assertThatThrownBy(() -> RunCommand.delaysPair(List.of("50"))).hasMessageContaining("-p delays=50:");
  }
}
