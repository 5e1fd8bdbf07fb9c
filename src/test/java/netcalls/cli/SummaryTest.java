package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary is made from the run folder alone: JMH's percentiles, then the trials' digests. */
class SummaryTest {
  @TempDir
  Path run;

  @Test
  void tablesShowPercentilesPhaseMediansAndFailures() throws IOException {
    Files.writeString(run.resolve("jmh.json"), "[{\"benchmark\":\"netcalls.bench.RequestLatency.request\",\"mode\":\"sample\","
        + "\"params\":{\"client\":\"okhttp\",\"strategy\":\"reuse\",\"scheme\":\"http\",\"size\":\"1024\"},"
        + "\"primaryMetric\":{\"score\":60.0,\"scoreUnit\":\"us/op\",\"scorePercentiles\":{\"50.0\":55.25,\"90.0\":70.0,\"99.0\":99.5},"
        + "\"rawDataHistogram\":[[[[55.0,3],[70.0,1]]]]}}]");
    Files.createDirectories(run.resolve("samples"));
    Files.writeString(run.resolve("samples/RequestLatency.request-1-1.json"), "{\"benchmark\":\"netcalls.bench.RequestLatency.request\","
        + "\"params\":{\"client\":\"okhttp\",\"strategy\":\"reuse\",\"scheme\":\"http\",\"size\":\"1024\"},\"recorded\":4,\"dropped\":2,"
        + "\"digest\":{\"phaseMedians\":{\"waiting_ns\":41000,\"duration_ns\":62500},\"phaseCounts\":{\"duration\":4},"
        + "\"reusedKnown\":4,\"reused\":3,\"failures\":{\"java.io.IOException <- java.io.EOFException\":1}}}");
    String s = Summary.render(run);
    assertThat(s).contains("RequestLatency.request  okhttp  reuse     http    size=1024  us/op  55.3  70.0  99.5  4");
    assertThat(s).containsPattern("RequestLatency.request +okhttp +reuse +http +size=1024 +4 +75% +41.0 +62.5");
    assertThat(s).contains("java.io.IOException <- java.io.EOFException  1");
    assertThat(s).contains("Samples dropped past the cap: 2");
  }

  @Test
  void aKilledRunWithAnEmptyJmhFileStillSummarisesItsSamples() throws IOException {
    Files.writeString(run.resolve("jmh.json"), "");
    assertThat(Summary.render(run)).contains("Latency per operation (JMH, 0 results)");
  }
}
