package netcalls.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import netcalls.run.ForkProperties;
import netcalls.run.Leg;
import netcalls.run.Phase;
import netcalls.run.RunFolder;
import netcalls.run.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleRecorderTest {
  private static final CallSite SITE = new CallSite(Leg.single, "localhost:8080", "bytes");

  private static void call(SampleRecorder r, Throwable error) {
    CallTrace t = r.start(SITE);
    t.begin(Phase.WAITING);
    t.next(Phase.WAITING, Phase.RECEIVING);
    t.status(200);
    t.addBytes(10);
    r.finish(t, error);
  }

  @Test
  void warmupCallsAreNotRecorded() {
    SampleRecorder r = new SampleRecorder(10);
    call(r, null);
    r.measuring(true);
    call(r, null);
    r.measuring(false);
    call(r, null);
    assertThat(r.recorded()).isEqualTo(1);
    assertThat(r.dropped()).isZero();
  }

  @Test
  void theCapIsRespectedAndDropsAreCounted() throws IOException {
    SampleRecorder r = new SampleRecorder(3);
    r.measuring(true);
    for (int i = 0; i < 5; i++) {
      call(r, null);
    }
    assertThat(r.recorded()).isEqualTo(3);
    assertThat(r.dropped()).isEqualTo(2);
    assertThat(Samples.rows(r)).hasSize(3);
  }

  @Test
  void absentPhasesAreEmptyCellsNotZeros() throws IOException {
    SampleRecorder r = new SampleRecorder(1);
    r.measuring(true);
    call(r, null);
    Map<String, String> row = Samples.rows(r).get(0);
    assertThat(row.get("connecting_ns")).isEmpty();
    assertThat(row.get("dns_ns")).isEmpty();
    assertThat(row.get("reused")).isEmpty();
    assertThat(Long.parseLong(row.get("waiting_ns"))).isNotNegative();
    assertThat(Long.parseLong(row.get("duration_ns")))
        .isGreaterThanOrEqualTo(Long.parseLong(row.get("waiting_ns")) + Long.parseLong(row.get("receiving_ns")));
  }

  @Test
  void failuresKeepTheThrownAndRootCauseClasses() throws IOException {
    SampleRecorder r = new SampleRecorder(1);
    r.measuring(true);
    call(r, new IOException("outer", new IllegalStateException("inner")));
    Map<String, String> row = Samples.rows(r).get(0);
    assertThat(row.get("exception")).isEqualTo("java.io.IOException");
    assertThat(row.get("root_cause")).isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void pairsShareTheirLegsOperationNumber() throws IOException {
    SampleRecorder r = new SampleRecorder(10);
    r.measuring(true);
    call(r, null);
    long seq = r.beginPair();
    r.finish(r.start(SITE.withLeg(Leg.a)), null);
    r.finish(r.start(SITE.withLeg(Leg.b)), null);
    long start = System.nanoTime();
    r.finishPair(seq, CallSite.pair(), start, start + 5, null);
    call(r, null);
    List<Map<String, String>> rows = Samples.rows(r);
    assertThat(rows).extracting(m -> m.get("seq")).containsExactly("0", "1", "1", "1", "2");
    assertThat(rows).extracting(m -> m.get("leg")).containsExactly("", "a", "b", "pair", "");
    assertThat(rows).extracting(m -> m.get("target"))
        .containsExactly("localhost:8080", "localhost:8080", "localhost:8080", "", "localhost:8080");
    assertThat(rows.get(3).get("endpoint")).isEqualTo("pair");
    assertThat(rows.get(3).get("duration_ns")).isEqualTo("5");
    // the pair's line, byte for byte: no status, reuse or phases of its own
    StringWriter csv = new StringWriter();
    SampleWriter.writeCsv(r, csv);
    assertThat(csv.toString().split("\n")[4]).isEqualTo(String.join(",", "1", Long.toString(r.startEpochNanos(3)),
        "pair", "", "pair", "", "0", "", "0", "", "", "", "", "", "", "", "", "5", "", ""));
  }

  @Test
  void cellsWithCommasAndQuotesAreQuoted() throws IOException {
    SampleRecorder r = new SampleRecorder(1);
    r.measuring(true);
    CallSite odd = new CallSite(Leg.single, "host,\"odd\":1", "bytes");
    r.finish(r.start(odd), null);
    assertThat(Samples.rows(r).get(0).get("target")).isEqualTo("host,\"odd\":1");
  }

  @Test
  void trialFilesCarryCountsAndADigest(@TempDir Path dir) throws IOException {
    SampleRecorder r = new SampleRecorder(2);
    r.measuring(true);
    call(r, null);
    call(r, new java.net.ConnectException("refused"));
    call(r, null);
    SampleWriter.write(r, RunFolder.of(dir), "t", Map.of("benchmark", "b"));
    JsonNode meta = new ObjectMapper().readTree(dir.resolve("samples/t.json").toFile());
    assertThat(meta.path("recorded").asInt()).isEqualTo(2);
    assertThat(meta.path("dropped").asInt()).isEqualTo(1);
    assertThat(meta.path("warmupRecorded").asBoolean()).isFalse();
    assertThat(meta.path("digest").path("failures").path("java.net.ConnectException <- java.net.ConnectException").asInt())
        .isEqualTo(1);
    assertThat(Files.readAllLines(dir.resolve("samples/t.csv"))).hasSize(3).first().isEqualTo(SampleSchema.HEADER);
  }

  @Test
  void aBadCapIsRefusedClearly() {
    System.setProperty("netcalls.samples.cap", "many");
    try {
      assertThatThrownBy(ForkProperties::fromSystemProperties).hasMessageContaining("netcalls.samples.cap=many");
    } finally {
      System.clearProperty("netcalls.samples.cap");
    }
  }

  @Test
  void aHeldCallIsStoredOnceWithItsCloseAsAPhaseOfItsDurationWhicheverComesFirst() {
    SampleRecorder r = new SampleRecorder(10);
    r.measuring(true);
    // the usual order: the call finishes, then its client is closed
    CallTrace[] slot = r.holdNext();
    CallTrace t = r.start(SITE);
    r.stopHolding();
    assertThat(slot[0]).isSameAs(t);
    r.finish(t, null);
    assertThat(r.recorded()).as("held until its close is timed").isZero();
    r.closed(t, 7_000);
    assertThat(r.recorded()).isEqualTo(1);
    assertThat(r.phaseNanos(Phase.CLOSE, 0)).isEqualTo(7_000);
    assertThat(r.durationNanos(0)).isGreaterThanOrEqualTo(7_000);
    // a library that completes before its own finish hook: closed first, stored at the finish
    CallTrace[] slot2 = r.holdNext();
    CallTrace t2 = r.start(SITE);
    r.stopHolding();
    r.closed(slot2[0], 5_000);
    assertThat(r.recorded()).isEqualTo(1);
    r.finish(t2, null);
    assertThat(r.recorded()).isEqualTo(2);
    assertThat(r.phaseNanos(Phase.CLOSE, 1)).isEqualTo(5_000);
    // a call started without holding is stored at its finish, with no close phase
    r.finish(r.start(SITE), null);
    assertThat(r.recorded()).isEqualTo(3);
    assertThat(r.phaseNanos(Phase.CLOSE, 2)).isEqualTo(-1);
  }

  @Test
  void endingAPhaseThatNeverOpenedLeavesItAbsent() {
    SampleRecorder r = new SampleRecorder(1);
    r.measuring(true);
    CallTrace t = r.start(SITE);
    t.end(Phase.CONNECTING);
    r.finish(t, null);
    assertThat(r.phaseNanos(Phase.CONNECTING, 0)).isEqualTo(-1);
  }
}
