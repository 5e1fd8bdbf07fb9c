package netcalls.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import netcalls.bench.ThreadSwitches.Counts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The /proc parsing and grouping, and the profiler in a real (short, unforked) JMH run of RequestLatency. */
class ThreadSwitchesTest {
  private static final String STATUS = String.join("\n",
      "Name:\tHttpClient-1-Se",
      "Umask:\t0022",
      "State:\tS (sleeping)",
      "Tgid:\t4242",
      "voluntary_ctxt_switches:\t1234",
      "nonvoluntary_ctxt_switches:\t56",
      "");

  @Test
  void parsesTheNameAndBothCounters() {
    assertThat(ThreadSwitches.parseStatus(STATUS)).isEqualTo(new Counts("HttpClient-1-Se", 1234, 56));
  }

  @Test
  void aStatusWithoutTheCountersIsSkipped() {
    assertThat(ThreadSwitches.parseStatus("Name:\tmain\nState:\tR (running)\n")).isNull();
  }

  @Test
  void groupsStripDigitsAndTheSeparatorsTheyLeave() {
    assertThat(ThreadSwitches.group("HttpClient-1-Worker-0")).isEqualTo("HttpClient-Worker");
    assertThat(ThreadSwitches.group("HttpClient-12-Se")).isEqualTo("HttpClient-Se");
    assertThat(ThreadSwitches.group("AsyncHttpClient-3-1")).isEqualTo("AsyncHttpClient");
    assertThat(ThreadSwitches.group("main")).isEqualTo("main");
    assertThat(ThreadSwitches.group("42")).isEqualTo("unnamed");
  }

  @Test
  void deltaKeepsOnlyThreadsThatMovedAndCountsNewThreadsFromZero() {
    Map<String, Counts> start = Map.of(
        "1", new Counts("main", 10, 1),
        "2", new Counts("idle", 5, 0));
    Map<String, Counts> end = Map.of(
        "1", new Counts("main", 30, 2),
        "2", new Counts("idle", 5, 0),
        "3", new Counts("HttpClient-1-Worker-0", 7, 0));
    Map<String, Counts> d = ThreadSwitches.delta(start, end);
    assertThat(d).containsOnlyKeys("1", "3");
    assertThat(d.get("1")).isEqualTo(new Counts("main", 20, 1));
    assertThat(d.get("3")).isEqualTo(new Counts("HttpClient-1-Worker-0", 7, 0));
  }

  @Test
  void resultsAreNormalisedPerOperationAndGroupedBusiestFirst() {
    Map<String, Counts> delta = Map.of(
        "1", new Counts("HttpClient-1-Worker-0", 100, 4),
        "2", new Counts("HttpClient-1-Worker-1", 100, 0),
        "3", new Counts("HttpClient-1-Se", 300, 0),
        "4", new Counts("rare", 1, 0));
    Map<String, ScalarResult> r = ThreadSwitches.results(delta, 100).stream()
        .collect(Collectors.toMap(ScalarResult::getLabel, x -> x));
    assertThat(r.get("switches.voluntary").getScore()).isEqualTo(5.01);
    assertThat(r.get("switches.nonvoluntary").getScore()).isEqualTo(0.04);
    assertThat(r.get("threads.woken").getScore()).isEqualTo(4);
    assertThat(r.get("switches.HttpClient-Se").getScore()).isEqualTo(3.0);
    assertThat(r.get("switches.HttpClient-Worker").getScore()).isEqualTo(2.0);
    assertThat(r.get("switches.rare").getScore()).isEqualTo(0.01);
    assertThat(ThreadSwitches.byGroup(delta).get(0).getKey()).isEqualTo("HttpClient-Se");
  }

  @Test
  void groupsBelowTheFloorAreLeftOut() {
    Map<String, Counts> delta = Map.of("1", new Counts("main", 1000, 0), "2", new Counts("rare", 1, 0));
    List<String> labels = ThreadSwitches.results(delta, 1000).stream().map(ScalarResult::getLabel).toList();
    assertThat(labels).contains("switches.main").doesNotContain("switches.rare");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aRealRunOfTheJdkClientReportsSwitchesPerOperation() throws Exception {
    Options opts = new OptionsBuilder()
        .include("netcalls.bench.RequestLatency.request$")
        .param("client", "jdk").param("strategy", "reuse").param("scheme", "http").param("trace", "off")
        .forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(300))
        .addProfiler(ThreadSwitches.class)
        .build();
    // counts, not times: another JMH on the machine (its lock file) must not stop this run
    String lock = System.setProperty("jmh.ignoreLock", "true");
    Collection<RunResult> runs;
    try {
      runs = new Runner(opts).run();
    } finally {
      if (lock == null) {
        System.clearProperty("jmh.ignoreLock");
      } else {
        System.setProperty("jmh.ignoreLock", lock);
      }
    }
    assertThat(runs).hasSize(1);
    Map<String, Result> secondary = runs.iterator().next().getSecondaryResults();
    assertThat(secondary).containsKeys("switches.voluntary", "switches.nonvoluntary", "threads.woken");
    // a blocking call over a socket wakes its caller at least once per call
    assertThat(secondary.get("switches.voluntary").getScore()).isGreaterThanOrEqualTo(1.0);
    assertThat(secondary.get("threads.woken").getScore()).isGreaterThan(0);
    assertThat(secondary.keySet()).anyMatch(k -> k.startsWith("switches.HttpClient"));
  }
}
