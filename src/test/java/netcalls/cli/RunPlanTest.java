package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netcalls.client.ClientKind;
import netcalls.client.Strategy;
import org.junit.jupiter.api.Test;

class RunPlanTest {
  private static final String REQ = "netcalls.bench.RequestLatency.request";
  private static final String OTHER = "netcalls.export.ExportBenchmark.toLineProtocol";

  private static Map<String, Map<String, String[]>> benchmarks() {
    Map<String, Map<String, String[]>> b = new LinkedHashMap<>();
    Map<String, String[]> p = new LinkedHashMap<>();
    p.put("client", Arrays.stream(ClientKind.values()).map(Enum::name).toArray(String[]::new));
    p.put("strategy", Arrays.stream(Strategy.values()).map(Enum::name).toArray(String[]::new));
    p.put("scheme", new String[] {"http", "https"});
    b.put(REQ, p);
    b.put(OTHER, Map.of());
    return b;
  }

  /** Clients and strategies are listed from their enums, so a new client changes no test. */
  @Test
  void unsupportedCombinationsAreLeftOutWithOneLineEach() {
    RunPlan plan = RunPlan.of(benchmarks(), (b, key) -> null);
    List<String> expectedLeftOut = new ArrayList<>();
    for (ClientKind c : ClientKind.values()) {
      for (Strategy s : Strategy.values()) {
        if (c.unsupported(s) != null) {
          expectedLeftOut.add(REQ + ": client=" + c + " strategy=" + s + " left out: " + c.unsupported(s));
        }
      }
    }
    assertThat(expectedLeftOut).as("the JDK client cannot share a pool").isNotEmpty();
    assertThat(plan.leftOut).containsExactlyElementsOf(expectedLeftOut);
    int schemes = benchmarks().get(REQ).get("scheme").length;
    int results = 0;
    for (RunPlan.Run run : plan.runs) {
      if (run.benchmark().equals(REQ)) {
        ClientKind c = ClientKind.parse(run.params().get("client").get(0));
        assertThat(run.params().get("strategy")).allSatisfy(s -> assertThat(c.unsupported(Strategy.valueOf(s))).isNull());
        results += run.expectedResults(benchmarks().get(REQ));
      }
    }
    int supported = ClientKind.values().length * Strategy.values().length - expectedLeftOut.size();
    assertThat(results).isEqualTo(supported * schemes);
    assertThat(plan.runs.get(plan.runs.size() - 1)).isEqualTo(new RunPlan.Run(OTHER, Map.of()));
  }

  @Test
  void overridesNarrowTheRuns() {
    String first = ClientKind.values()[0].name();
    RunPlan plan = RunPlan.of(benchmarks(), (b, key) -> key.equals("client") ? List.of(first) : null);
    assertThat(plan.runs.get(0).params()).containsEntry("client", List.of(first));
    assertThat(plan.leftOut).isEmpty();
  }

  @Test
  void onlyUnsupportedLeavesNothingForThatBenchmark() {
    String[] unsupported = LauncherErrorsTest.anUnsupportedCombination();
    RunPlan plan = RunPlan.of(benchmarks(),
        (b, key) -> key.equals("client") ? List.of(unsupported[0]) : key.equals("strategy") ? List.of(unsupported[1]) : null);
    assertThat(plan.runs).extracting(RunPlan.Run::benchmark).containsExactly(OTHER);
    assertThat(plan.leftOut).hasSize(1);
  }

  @Test
  void badValuesNameTheValidOnes() {
    assertThatThrownBy(() -> RunPlan.of(benchmarks(), (b, key) -> key.equals("client") ? List.of("curl") : null))
        .hasMessage("unknown client 'curl': use one of " + Arrays.toString(ClientKind.values()));
    assertThatThrownBy(() -> RunPlan.of(benchmarks(), (b, key) -> key.equals("strategy") ? List.of("pool") : null))
        .hasMessage("unknown strategy 'pool': use one of " + Arrays.toString(Strategy.values()));
  }

  @Test
  void theBlogsDelayPairIsOnePairNotTwoValues() {
    assertThat(ParamCheck.delaysPair(List.of("50", "75"))).containsExactly("50:75");
    assertThat(ParamCheck.delaysPair(List.of("50:75", "10:20"))).isNull();
    assertThatThrownBy(() -> ParamCheck.delaysPair(List.of("50"))).hasMessageContaining("-p delays=50:");
  }
  @Test
  void eachUrlRunsUnderItsOwnSchemeOnly() {
    Map<String, Map<String, String[]>> b = benchmarks();
    b.get(REQ).put("endpoint", new String[] {"builtin"});
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put("python", "https");
    urls.put("local", "http");
    urls.put("mozilla", "https");
    RunPlan plan = RunPlan.of(b, (bench, key) -> key.equals("client") ? List.of("okhttp") : key.equals("strategy")
        ? List.of("reuse") : null, urls);
    List<Map<String, List<String>>> req = plan.runs.stream().filter(r -> r.benchmark().equals(REQ))
        .map(RunPlan.Run::params).toList();
    assertThat(req).hasSize(2);
    assertThat(req.get(0)).containsEntry("endpoint", List.of("python", "mozilla")).containsEntry("scheme", List.of("https"))
        .containsEntry("client", List.of("okhttp"));
    assertThat(req.get(1)).containsEntry("endpoint", List.of("local")).containsEntry("scheme", List.of("http"));
    // a benchmark without an endpoint parameter is not split
    assertThat(plan.runs.stream().filter(r -> r.benchmark().equals(OTHER)).toList()).hasSize(1);
  }
}
