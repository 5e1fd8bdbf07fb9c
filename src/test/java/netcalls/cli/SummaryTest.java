package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import netcalls.run.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary is made from the run folder alone, through the exporter's readers: JMH's percentiles,
 * then per trial and leg the p50/p99 of each phase from the samples, failures, drops, live counts.
 */
class SummaryTest {
  @TempDir
  Path run;

  private void trial(String name, String benchmark, String params, String extra, String rows) throws IOException {
    Files.createDirectories(run.resolve("samples"));
    Files.writeString(run.resolve("samples/" + name + ".json"), "{\"benchmark\":\"" + benchmark + "\",\"mode\":\"sample\","
        + "\"params\":{" + params + "},\"recorded\":4,\"dropped\":2" + extra + "}");
    Files.writeString(run.resolve("samples/" + name + ".csv"), SampleSchema.HEADER + "\n" + rows);
  }

  @Test
  void tablesShowPercentilesPhasesPerLegAndFailures() throws IOException {
    Files.writeString(run.resolve("jmh.json"), "[{\"benchmark\":\"netcalls.bench.RequestLatency.request\",\"mode\":\"sample\","
        + "\"params\":{\"client\":\"okhttp\",\"strategy\":\"reuse\",\"scheme\":\"http\",\"size\":\"1024\"},"
        + "\"primaryMetric\":{\"score\":60.0,\"scoreUnit\":\"us/op\",\"scorePercentiles\":{\"50.0\":55.25,\"90.0\":70.0,\"99.0\":99.5},"
        + "\"rawDataHistogram\":[[[[55.0,3],[70.0,1]]]]}}]");
    trial("RequestLatency.request-1-1", "netcalls.bench.RequestLatency.request",
        "\"client\":\"okhttp\",\"strategy\":\"reuse\",\"scheme\":\"http\",\"size\":\"1024\"", "",
        "0,1000,,localhost:1,bytes,200,1024,true,0,,,,,1000,41000,2000,,62500,,\n"
            + "1,2000,,localhost:1,bytes,200,1024,true,0,,,,,1000,41000,2000,,62500,,\n"
            + "2,3000,,localhost:1,bytes,200,1024,true,0,,,,,1000,41000,2000,,62500,,\n"
            + "3,4000,,localhost:1,bytes,,0,false,0,,,,,1000,,,,9000,java.io.IOException,java.io.EOFException\n");
    String s = Summary.render(run);
    // 4 samples: no percentile has 10 beyond it, so each is marked as the guess it is
    assertThat(s).contains("RequestLatency.request  okhttp  reuse     http    size=1024  us/op  ~55.3  ~70.0  ~99.5  4");
    assertThat(s).contains("~: a percentile resting on fewer than 10 samples beyond it");
    assertThat(s).containsPattern("RequestLatency.request +okhttp +reuse +http +size=1024 +4 +75% +1\\.0/1\\.0 +41\\.0/41\\.0 "
        + "+2\\.0/2\\.0 +62\\.5/62\\.5");
    assertThat(s).contains("java.io.IOException <- java.io.EOFException  1");
    assertThat(s).contains("Samples dropped past the cap: 2");
    assertThat(s).doesNotContain("Live mode", "Not read");
  }

  /** Leg a waits 20 ms, leg b 30 ms: each leg keeps its own numbers, and the pair its total. */
  @Test
  void pairedTrialsAreSummarisedPerLegNeverPooled() throws IOException {
    StringBuilder rows = new StringBuilder();
    for (int seq = 0; seq < 3; seq++) {
      long t = 1_000_000_000L * (seq + 1);
      rows.append(seq).append(',').append(t).append(",a,localhost:1,delay,200,2,true,0,,,,,1000,20000000,1000,,20002000,,\n");
      rows.append(seq).append(',').append(t + 20_002_000).append(",b,localhost:2,delay,200,2,true,0,,,,,1000,30000000,1000,,30002000,,\n");
      rows.append(seq).append(',').append(t).append(",pair,localhost:1,pair,,0,,0,,,,,,,,,50004000,,\n");
    }
    trial("PairedLatency.sequential-1-1", "netcalls.bench.PairedLatency.sequential",
        "\"client\":\"jdk\",\"strategy\":\"reuse\",\"scheme\":\"http\",\"delays\":\"20:30\"",
        ",\"live\":{\"target\":\"udp://127.0.0.1:8094\",\"lines\":12,\"datagrams\":2,\"notSent\":0}", rows.toString());
    String s = Summary.render(run);
    assertThat(s).containsPattern("PairedLatency.sequential +jdk +reuse +http +delays=20:30 +a +3 +100% +1\\.0/1\\.0 "
        + "+20004\\.9/20004\\.9");
    assertThat(s).containsPattern("delays=20:30 +b +3 +100% +1\\.0/1\\.0 +30015\\.5/30015\\.5");
    assertThat(s).containsPattern("delays=20:30 +pair +3 +50036\\.7/50036\\.7\n");
    assertThat(s).contains("Live mode: 12 lines sent to udp://127.0.0.1:8094 in 2 datagrams, 0 not sent, for 4 recorded");
  }

  @Test
  void aKilledRunWithAnEmptyJmhFileStillSummarisesItsSamplesAndSaysWhatWasNotRead() throws IOException {
    Files.writeString(run.resolve("jmh.json"), "");
    String s = Summary.render(run);
    assertThat(s).contains("Latency per operation (JMH samples of each fork's steady segment, all forks' samples merged into one distribution, never per-fork percentiles averaged; 0 results)");
    assertThat(s).contains("Not read (1;", "jmh.json: empty (0 bytes)");
  }

  /** Open-loop trials: rates and corrected/uncorrected percentiles per fork; their JMH wall time is no latency. */
  @Test
  void openLoopTrialsShowRatesAndBothLatenciesNeverTheWallTime() throws IOException {
    Path ok = netcalls.export.Fixtures.copyRun("openloop-ok", run);
    String s = Summary.render(ok);
    assertThat(s).contains("Latency per operation (JMH samples of each fork's steady segment, all forks' samples merged into one distribution, never per-fork percentiles averaged; 0 results; 1 open-loop result(s) below: their JMH score is a wall time)")
        .doesNotContain("ms/op");
    assertThat(s).contains("Open loop, one line per fork").contains("corr p99.9").contains("uncorr p99");
    assertThat(s).containsPattern("OpenLoopLatency\\.run +okhttp +reuse +http +connections=64 errorBudget=1 seconds=1"
        + " size=1024 timeoutMs=2000 trace=on +50\\.0 +\\d+\\.\\d +\\d+\\.\\d");
    assertThat(s.lines().filter(l -> l.startsWith("OpenLoopLatency.run") && l.contains(" 50.0 "))).hasSize(3); // one per fork (the fixture keeps no samples)
    assertThat(s).doesNotContain("no latency");
    // 50 requests: p50 rests on 25 beyond it, p99 and p99.9 on less than one: marked, and the mark explained
    assertThat(s).containsPattern("50\\.0 +\\d+\\.\\d +\\d+\\.\\d +~\\d+\\.\\d +~\\d+\\.\\d ");
    assertThat(s).contains("~: a percentile resting on fewer than 10 requests beyond it");
    // the generator's floor, the median send lag (115.6 µs in the first fork)
    assertThat(s).contains("gen floor").containsPattern(" 115\\.6 ");

    Path bad = netcalls.export.Fixtures.copyRun("openloop-bad", run);
    String b = Summary.render(bad);
    assertThat(b).containsPattern("rate=200\\): no latency, because rate not reached: 41\\.3 of 200\\.0 requests/s");
    assertThat(b).containsPattern("200\\.0 +41\\.3 +- +- +- +- +- +- +\\d+\\.\\d +97 +97 +0\\.19");
  }
}
