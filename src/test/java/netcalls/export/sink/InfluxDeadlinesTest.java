package netcalls.export.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import netcalls.export.ExportReport;
import netcalls.export.Fixtures;
import netcalls.export.RunExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 items 6, 7 and 10, against real loopback sockets: a server that trickles its answer meets the deadline
 * of the whole request; a silent one is given up within the retry budget, each retry announced with what it waits
 * for; an answer that is not what InfluxDB's API promises (204 with no body to a query) is one line, never a crash.
 */
class InfluxDeadlinesTest {
  @TempDir
  Path tmp;

  private final List<Socket> held = new ArrayList<>();
  private ServerSocket server;

  @AfterEach
  void close() throws IOException {
    for (Socket s : held) {
      s.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Accepts connections and hands each to {@code handler} on its own thread; returns the URL. */
  private String serve(java.util.function.Consumer<Socket> handler) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          synchronized (held) {
            held.add(s);
          }
          Thread h = new Thread(() -> handler.accept(s));
          h.setDaemon(true);
          h.start();
        } catch (IOException e) {
          return;
        }
      }
    });
    t.setDaemon(true);
    t.start();
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private Path points() throws IOException {
    Path f = tmp.resolve("points.lp");
    Files.writeString(f, "netcalls_jmh,run=r score=1 1795425660000000000\n"
        + "netcalls_run,run=r points=1i 1795425660000000001\n");
    return f;
  }

  @Test
  void aServerThatTricklesItsAnswerMeetsTheRequestsDeadline() throws Exception {
    String url = serve(s -> {
      try {
        OutputStream out = s.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 600; i++) { // a header byte every 100 ms: the read timeout never fires
          out.write('X');
          out.flush();
          Thread.sleep(100);
        }
      } catch (IOException | InterruptedException e) {
        // the client gave up
      }
    });
    InfluxTarget t = InfluxTarget.of(url, "netcalls", Map.of()).withRetries(0, 10).withDeadlines(1000, 60_000);
    CompletableFuture<Delivery> d = CompletableFuture.supplyAsync(() -> {
      try {
        return new InfluxSink(t, Thread::sleep).deliver(points(), "r");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Delivery delivery = d.get(30, TimeUnit.SECONDS); // it ran forever before
    assertThat(delivery.ok()).isFalse();
    assertThat(delivery.errors()).first().asString().contains(url, "no whole answer within 1.0 s");
  }

  @Test
  void whileARequestHangsTheExporterSaysWhatItWaitsForAndWhatWasWritten() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    String url = serve(s -> { }); // accepts, never answers
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    RunExporter exporter = RunExporter.withProgress(new PrintStream(progress, true, StandardCharsets.UTF_8));
    InfluxTarget t = InfluxTarget.of(url, "netcalls", Map.of()).withRetries(0, 10).withDeadlines(3000, 0);
    CompletableFuture<ExportReport> r = CompletableFuture.supplyAsync(() -> {
      try {
        return exporter.exportRun(run, run.resolve("points.lp"), List.of(exporter.influx(t)));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    String doing = null;
    for (int i = 0; i < 200 && (doing == null || !doing.startsWith("waiting")); i++) {
      Thread.sleep(10);
      doing = exporter.doing();
    }
    // what a SIGTERM now prints: the request in flight and the points written, not a stale count of points built
    assertThat(doing).startsWith("waiting for InfluxDB " + url).contains("CREATE DATABASE", "0 points written so far");
    assertThat(r.get(30, TimeUnit.SECONDS).ok()).isFalse();
  }

  @Test
  void aSilentServerIsGivenUpWithinTheRetryBudgetAnnouncingEachRetry() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    String url = serve(s -> connections.incrementAndGet()); // accepts, never answers
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    Progress progress = new Progress(new PrintStream(said, true, StandardCharsets.UTF_8), System::nanoTime,
        Long.MAX_VALUE / 4);
    // 100 retries allowed, but a budget of 2 s from the first failure: the budget ends it
    InfluxTarget t = InfluxTarget.of(url, "netcalls", Map.of()).withRetries(100, 50).withDeadlines(500, 2000);
    Delivery d = new InfluxSink(t, Thread::sleep, () -> { }, progress).deliver(points(), "r");
    assertThat(d.ok()).isFalse();
    assertThat(d.errors()).first().asString().contains("no whole answer within 0.5 s", "the retry budget is 2.0 s");
    assertThat(connections.get()).isBetween(2, 20);
    List<String> lines = said.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(1).allSatisfy(l -> assertThat(l)
        .startsWith("export: InfluxDB " + url).contains("no whole answer within 0.5 s", "retry ", " of 100 in ",
            "given up 2.0 s after the first failure"));
  }

  @Test
  void theDefaultBudgetIsProportionate() {
    InfluxTarget t = InfluxTarget.of("http://127.0.0.1:8086", "netcalls", Map.of());
    // before: 6 attempts of up to 60 s each (376 s for a silent server); now one request's deadline after the budget
    assertThat(t.requestTimeoutMillis() + t.retryBudgetMillis()).isLessThanOrEqualTo(90_000);
  }

  /**
   * Issue 20 item 15: a store that answers 204 to every write and keeps nothing was reported as "written", and the
   * count afterwards blamed duplicate timestamps, a cause nobody checked.
   */
  @Test
  void aStoreThatDropsWritesIsSaidAsAcknowledgedAndNotFound() throws Exception {
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/write", ex -> {
      ex.getRequestBody().readAllBytes();
      ex.sendResponseHeaders(204, -1); // acknowledged, then dropped
      ex.close();
    });
    http.createContext("/query", ex -> {
      String q = java.net.URLDecoder.decode(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
          StandardCharsets.UTF_8);
      byte[] body = (q.contains("count(") ? "{\"results\":[{\"statement_id\":0}]}" : "{\"results\":[{}]}")
          .getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    http.start();
    try {
      String url = "http://127.0.0.1:" + http.getAddress().getPort();
      Delivery d = new InfluxSink(InfluxTarget.of(url, "netcalls", Map.of()), ms -> { }).deliver(points(), "r");
      assertThat(d.ok()).isFalse();
      assertThat(d.summary()).contains("1 acknowledged by the server, 0 of them found when counted back")
          .doesNotContain(" written,");
      assertThat(d.errors()).anySatisfy(e -> assertThat(e).contains("the server acknowledged 1 points",
          "a count now finds 0: 1 acknowledged points are not there")).noneMatch(e -> e.contains("duplicate"));
    } finally {
      http.stop(0);
    }
  }

  @Test
  void a204WithNoBodyToAQueryIsOneLineNamingTheUrl() throws Exception {
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", ex -> {
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    http.start();
    try {
      String url = "http://127.0.0.1:" + http.getAddress().getPort();
      Delivery d = new InfluxSink(InfluxTarget.of(url, "netcalls", Map.of()), ms -> { }).deliver(points(), "r");
      assertThat(d.ok()).isFalse();
      assertThat(d.errors()).first().asString().contains(url + "/query", "answered HTTP 204 with no JSON body")
          .doesNotContain("Exception");
    } finally {
      http.stop(0);
    }
  }
}
