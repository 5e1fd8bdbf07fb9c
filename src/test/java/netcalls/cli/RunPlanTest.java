package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netcalls.client.ClientKind;
import netcalls.client.Combinations;
import netcalls.client.Protocol;
import netcalls.client.Strategy;
import netcalls.testing.Combos;
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
    Combos.refusedStrategies().forEach(a -> expectedLeftOut.add(REQ + ": client=" + a.get()[0] + " strategy=" + a.get()[1]
        + " left out: " + ((ClientKind) a.get()[0]).capabilities().refusedStrategies().get((Strategy) a.get()[1])));
    assertThat(expectedLeftOut).as("the JDK client cannot share a pool").isNotEmpty();
    assertThat(plan.leftOut).containsExactlyElementsOf(expectedLeftOut);
    int schemes = benchmarks().get(REQ).get("scheme").length;
    int results = 0;
    for (RunPlan.Run run : plan.runs) {
      if (run.benchmark().equals(REQ)) {
        ClientKind c = ClientKind.parse(run.params().get("client").get(0));
        assertThat(run.params().get("strategy")).allSatisfy(s -> assertThat(Combinations.of(c, Strategy.valueOf(s))).isNull());
        results += run.expectedResults(benchmarks().get(REQ));
      }
    }
    int supported = ClientKind.values().length * Strategy.values().length - expectedLeftOut.size();
    assertThat(results).isEqualTo(supported * schemes);
    assertThat(plan.runs.get(plan.runs.size() - 1)).isEqualTo(new RunPlan.Run(OTHER, Map.of()));
  }

  /** The default suite narrows the scheme, which JMH's own -p would not carry: every h1 run holds it. */
  @Test
  void aGivenSchemeIsCarriedByEveryRun() {
    Map<String, Map<String, String[]>> benchmarks = benchmarks();
    benchmarks.get(REQ).put("protocol", new String[] {"h1"});
    RunPlan plan = RunPlan.of(benchmarks, (b, key) -> key.equals("scheme") ? List.of("http")
        : RunCommand.DEFAULT_SUITE_PARAMS.get("netcalls.bench.RequestLatency.").get(key));
    List<RunPlan.Run> req = plan.runs.stream().filter(r -> r.benchmark().equals(REQ)).toList();
    assertThat(req).isNotEmpty().allSatisfy(r -> {
      assertThat(r.params().get("scheme")).containsExactly("http");
      assertThat(r.params().get("strategy")).isSubsetOf("reuse", "new_client");
    });
  }

  /** Every client × protocol × strategy × scheme is either in exactly one run, or left out with its reason. */
  @Test
  void protocolsLeaveOutWhatCannotBeSpokenAndPinTheirScheme() {
    Map<String, Map<String, String[]>> benchmarks = benchmarks();
    benchmarks.get(REQ).put("protocol", new String[] {"h1"});
    List<String> protocols = Arrays.stream(Protocol.values()).map(Enum::name).toList();
    RunPlan plan = RunPlan.of(benchmarks, (b, key) -> key.equals("protocol") ? protocols : null);

    List<String> planned = new ArrayList<>();
    for (RunPlan.Run run : plan.runs) {
      if (!run.benchmark().equals(REQ)) {
        continue;
      }
      Protocol p = Protocol.parse(run.params().get("protocol").get(0));
      List<String> schemes = run.params().getOrDefault("scheme", List.of("http", "https"));
      for (String s : run.params().get("strategy")) {
        for (String scheme : schemes) {
          planned.add(run.params().get("client").get(0) + " " + p + " " + s + " " + scheme);
        }
      }
    }
    List<String> expected = Combos.runnable();
    assertThat(planned).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(planned).contains("okhttp h2 reuse https", "okhttp h2c reuse http", "jdk h2 new_client https")
        .doesNotContain("okhttp h2 reuse http", "okhttp h2c no_keepalive http", "ahc h2 reuse https");
    assertThat(plan.leftOut)
        .doesNotHaveDuplicates()
        .contains(REQ + ": protocol=h2 scheme=http left out: " + Protocol.h2.unsupported("http"))
        .contains(REQ + ": protocol=h2c scheme=https left out: " + Protocol.h2c.unsupported("https"))
        .contains(REQ + ": client=ahc protocol=h2 left out: " + ClientKind.ahc.capabilities().refusedProtocols().get(Protocol.h2))
        .contains(REQ + ": strategy=no_keepalive protocol=h2 left out: " + Protocol.NO_CONNECTION_CLOSE)
        .allSatisfy(line -> assertThat(line).doesNotContain("\n"));
  }

  @Test
  void theDefaultProtocolPlansWhatABenchmarkWithoutOneDoes() {
    Map<String, Map<String, String[]>> withProtocol = benchmarks();
    withProtocol.get(REQ).put("protocol", new String[] {"h1"});
    RunPlan plain = RunPlan.of(benchmarks(), (b, key) -> null);
    RunPlan h1 = RunPlan.of(withProtocol, (b, key) -> null);
    assertThat(h1.leftOut).isEqualTo(plain.leftOut);
    assertThat(h1.runs).hasSameSizeAs(plain.runs);
    for (int i = 0; i < plain.runs.size(); i++) {
      Map<String, List<String>> params = new LinkedHashMap<>(h1.runs.get(i).params());
      if (!params.isEmpty()) {
        assertThat(params.remove("protocol")).containsExactly("h1");
      }
      assertThat(params).isEqualTo(plain.runs.get(i).params());
    }
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
    assertThatThrownBy(() -> ParamCheck.validate(key -> key.equals("protocol")
            ? org.openjdk.jmh.util.Optional.of(List.of("h3")) : org.openjdk.jmh.util.Optional.none()))
        .hasMessage("unknown protocol 'h3': use one of " + Arrays.toString(Protocol.values()));
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

  @Test
  void aUrlRunsOnlyUnderAProtocolItsSchemeAllows() {
    Map<String, Map<String, String[]>> b = benchmarks();
    b.get(REQ).put("endpoint", new String[] {"builtin"});
    b.get(REQ).put("protocol", new String[] {"h1"});
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put("python", "https");
    urls.put("local", "http");
    RunPlan plan = RunPlan.of(b, (bench, key) -> key.equals("client") ? List.of("okhttp") : key.equals("strategy")
        ? List.of("reuse") : key.equals("protocol") ? List.of("h1", "h2") : null, urls);
    List<Map<String, List<String>>> req = plan.runs.stream().filter(r -> r.benchmark().equals(REQ))
        .map(RunPlan.Run::params).toList();
    assertThat(req).extracting(p -> p.get("endpoint") + " " + p.get("protocol") + " " + p.get("scheme"))
        .containsExactlyInAnyOrder("[python] [h1] [https]", "[python] [h2] [https]", "[local] [h1] [http]");
    assertThat(plan.leftOut).anyMatch(l -> l.contains("protocol=h2 scheme=http left out"));
  }
}
