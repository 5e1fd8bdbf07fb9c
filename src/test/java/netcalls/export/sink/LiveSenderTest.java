package netcalls.export.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import netcalls.run.Leg;
import netcalls.trace.CallSite;
import netcalls.export.ExportReport;
import netcalls.export.Fixtures;
import netcalls.export.RunExporter;
import netcalls.export.line.InfluxMeasurement;
import netcalls.export.line.LineProtocol;
import netcalls.export.line.Tags;
import netcalls.run.Phase;
import netcalls.run.RunFolder;
import netcalls.trace.CallTrace;
import netcalls.trace.SampleRecorder;
import netcalls.trace.SampleWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live mode writes the file export's schema: the lines a live sender sends for a trial's rows equal,
 * byte for byte and in order, the netcalls_request and netcalls_pair lines the export writes from the
 * same rows' CSV; and it counts what it sent.
 */
class LiveSenderTest {
  private static final Map<String, String> PARAMS = new java.util.TreeMap<>(Map.of(
      "client", "okhttp", "target", "reserved name", "delays", "20:30"));
  private static final String BENCHMARK = "netcalls.bench.PairedLatency.sequential";

  @TempDir
  Path tmp;

  /** Singles (some failed, one with an empty target), then pairs: legs a, b and the pair's total. */
  private static SampleRecorder recordRows() {
    SampleRecorder recorder = new SampleRecorder(1000);
    recorder.measuring(true);
    CallSite single = new CallSite(Leg.single, "localhost:8080", "bytes");
    CallSite noTarget = new CallSite(Leg.single, "", "status");
    for (int i = 0; i < 40; i++) {
      CallTrace t = recorder.start(i % 10 == 3 ? noTarget : single);
      t.begin(Phase.WAITING);
      t.next(Phase.WAITING, Phase.RECEIVING);
      t.end(Phase.RECEIVING);
      t.reused(i % 2 == 0);
      t.status(i % 10 == 3 ? 500 : 200);
      t.addBytes(10);
      recorder.finish(t, i % 10 == 3 ? new IOException("500", new EOFException()) : null);
    }
    CallSite a = new CallSite(Leg.a, "localhost:8081", "delay");
    CallSite b = new CallSite(Leg.b, "localhost:8082", "delay");
    CallSite pair = CallSite.pair();
    for (int i = 0; i < 15; i++) {
      long seq = recorder.beginPair();
      long start = System.nanoTime();
      for (CallSite leg : List.of(a, b)) {
        CallTrace t = recorder.start(leg);
        t.begin(Phase.CONNECTING);
        t.next(Phase.CONNECTING, Phase.WAITING);
        t.end(Phase.WAITING);
        t.status(200);
        recorder.finish(t, null);
      }
      recorder.finishPair(seq, pair, start, System.nanoTime(), null);
    }
    return recorder;
  }

  private static LiveSender start(SampleRecorder recorder, String target) throws IOException {
    return LiveSender.start(recorder, Tags.run("live-1", "17.0.15", "build-7"), BENCHMARK, "avgt", PARAMS, target);
  }

  /** The export's request and pair lines for the recorder's rows, through SampleWriter's CSV. */
  private List<String> exported(SampleRecorder recorder) throws IOException {
    Path run = tmp.resolve("live-1");
    Files.createDirectories(run);
    // the rows were recorded just now: the run's window must hold them
    java.time.Instant now = java.time.Instant.now();
    Fixtures.write(run.resolve("run.json"), "{\"runId\":\"live-1\",\"start\":\"" + now.minusSeconds(60) + "\","
        + "\"end\":\"" + now.plusSeconds(60) + "\",\"jdk\":\"17.0.15\",\"host\":\"build-7\",\"exitCode\":0}");
    Map<String, Object> describe = new LinkedHashMap<>();
    describe.put("benchmark", BENCHMARK);
    describe.put("mode", "avgt");
    describe.put("params", PARAMS);
    SampleWriter.write(recorder, RunFolder.of(run), "PairedLatency.sequential-1-1", describe);
    ExportReport report = RunExporter.quiet().partial().exportToFile(run, run.resolve("points.lp"));
    // a trial's samples without JMH's results: the only complaint is the missing jmh.json
    assertThat(report.errors()).as(report.summary()).singleElement().asString().contains("jmh.json: missing");
    return Fixtures.lines(run.resolve("points.lp")).stream()
        .filter(l -> {
          String m = LineProtocol.measurementOf(l);
          return m.equals(InfluxMeasurement.REQUEST.measurementName()) || m.equals(InfluxMeasurement.PAIR.measurementName());
        }).toList();
  }

  @Test
  void udpLinesEqualTheExportedLinesAndAreCounted() throws Exception {
    try (DatagramChannel listener = DatagramChannel.open()) {
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
      SampleRecorder recorder = recordRows();
      LiveSender.Counts counts;
      try (LiveSender live = start(recorder, "udp://127.0.0.1:" + port)) {
        live.close();
        counts = live.counts();
      }
      List<String> expected = exported(recorder);
      assertThat(expected).hasSize(40 + 15 * 3 + 15);
      listener.configureBlocking(false);
      List<String> lines = new ArrayList<>();
      ByteBuffer buf = ByteBuffer.allocate(70_000);
      for (int tries = 0; tries < 100 && lines.size() < expected.size(); tries++) {
        buf.clear();
        if (listener.receive(buf) == null) {
          Thread.sleep(20);
          continue;
        }
        buf.flip();
        for (String l : StandardCharsets.UTF_8.decode(buf).toString().split("\n")) {
          lines.add(l);
        }
      }
      assertThat(lines).containsExactlyElementsOf(expected);
      assertThat(lines).anySatisfy(l -> assertThat(l).contains(",param_target=reserved\\ name,", ",target=none ",
          "root_cause=\"java.io.EOFException\""));
      assertThat(counts.lines()).isEqualTo(expected.size());
      assertThat(counts.notSent()).isZero();
      assertThat(counts.datagrams()).isPositive();
      assertThat(counts.target()).isEqualTo("udp://127.0.0.1:" + port);
    }
  }

  @Test
  void tcpLinesEqualTheExportedLines() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<List<String>> received = CompletableFuture.supplyAsync(() -> {
        try (Socket s = server.accept();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
          return in.lines().toList();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      SampleRecorder recorder = recordRows();
      LiveSender.Counts counts;
      try (LiveSender live = start(recorder, "tcp://127.0.0.1:" + server.getLocalPort())) {
        live.close();
        counts = live.counts();
      }
      List<String> expected = exported(recorder);
      assertThat(received.get(10, TimeUnit.SECONDS)).containsExactlyElementsOf(expected);
      assertThat(counts.lines()).isEqualTo(expected.size());
      assertThat(counts.datagrams()).isZero();
      assertThat(counts.notSent()).isZero();
    }
  }

  /**
   * Issue 20 item 5: a receiver that accepts and never reads held the drainer in a blocking write, and the
   * benchmark's close() waited on its lock forever. Now the write gives up, drops and counts, and close() returns.
   */
  @Test
  void aTcpReceiverThatNeverReadsDoesNotHoldTheBenchmark() throws Exception {
    try (ServerSocket server = new ServerSocket()) {
      server.setReceiveBufferSize(4096);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
        try {
          return server.accept(); // and never read
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      SampleRecorder recorder = new SampleRecorder(200_000);
      recorder.measuring(true);
      CallSite site = new CallSite(Leg.single, "localhost:8080", "bytes");
      for (int i = 0; i < 200_000; i++) {
        CallTrace t = recorder.start(site);
        t.begin(Phase.WAITING);
        t.end(Phase.WAITING);
        t.status(200);
        recorder.finish(t, null);
      }
      LiveSender live = start(recorder, "tcp://127.0.0.1:" + server.getLocalPort());
      // the benchmark thread's close, as Tracing calls it at the trial's end; "never" is what failed before
      CompletableFuture<LiveSender.Counts> closed = CompletableFuture.supplyAsync(() -> {
        try {
          live.close();
          return live.counts();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      LiveSender.Counts counts = closed.get(60, TimeUnit.SECONDS);
      assertThat(counts.notSent()).isPositive();
      assertThat(counts.lines() + counts.notSent()).isEqualTo(200_000);
      assertThat(counts.firstError()).contains("stopped reading");
      accepted.get(10, TimeUnit.SECONDS).close();
    }
  }

  @Test
  void aTcpTargetThatIsNotListeningFailsAtStartNamingIt() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    assertThatThrownBy(() -> start(new SampleRecorder(1), "tcp://127.0.0.1:" + closed))
        .isInstanceOf(IOException.class).hasMessageContaining("tcp://127.0.0.1:" + closed)
        .hasMessageContaining("is Telegraf listening");
  }

  @Test
  void udpToAClosedPortCountsEveryLineAsSentOrNotSent() throws Exception {
    int closed;
    try (DatagramChannel c = DatagramChannel.open()) {
      c.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      closed = ((InetSocketAddress) c.getLocalAddress()).getPort();
    }
    SampleRecorder recorder = recordRows();
    LiveSender.Counts counts;
    try (LiveSender live = start(recorder, "udp://127.0.0.1:" + closed)) {
      live.close();
      counts = live.counts();
    }
    assertThat(counts.lines() + counts.notSent()).isEqualTo(40 + 15 * 3 + 15);
    assertThat(counts.asMap()).containsKeys("target", "lines", "datagrams", "notSent");
  }

  @Test
  void anUnknownSchemeIsRefused() {
    assertThatThrownBy(() -> start(new SampleRecorder(1), "http://127.0.0.1:8094"))
        .hasMessageContaining("udp://host:port or tcp://host:port");
  }
}
