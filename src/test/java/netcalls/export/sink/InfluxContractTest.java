package netcalls.export.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netcalls.testing.HttpStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract test: the answers a local InfluxDB cannot be made to give (401 from a proxy, 404, 500, 503, a
 * whole batch refused for one reason) come from a small in-process HTTP server that answers as InfluxDB 1.x's
 * API does (status, {"error": ...} body) and counts stored lines back for the verification query. What a real
 * InfluxDB does is tested against one (the *IT classes).
 */
class InfluxContractTest {
  @TempDir
  Path tmp;

  private HttpStub server;
  private final Deque<int[]> codes = new ArrayDeque<>();
  private final Deque<String> bodies = new ArrayDeque<>();
  private final List<String> writes = new ArrayList<>();
  private final List<String> stored = new ArrayList<>();
  private final List<String> queries = new ArrayList<>();
  private final List<Long> sleeps = new ArrayList<>();
  private String url;
  /** Lines holding this text are refused as InfluxDB refuses points, the others stored. */
  private String refuse;
  private String refuseReason;

  @BeforeEach
  void start() throws IOException {
    server = HttpStub.start(Map.of("/write", this::write, "/query", this::query));
    url = server.url();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The next write answers {@code code} with InfluxDB's error body; afterwards 204. */
  private void answer(int code, String error) {
    codes.add(new int[] {code});
    bodies.add(error == null ? "" : "{\"error\":\"" + error.replace("\"", "\\\"") + "\"}");
  }

  private synchronized void write(HttpExchange x) throws IOException {
    String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    writes.add(body);
    if (refuse != null && codes.isEmpty()) {
      List<String> bad = body.lines().filter(l -> l.contains(refuse)).toList();
      body.lines().filter(l -> !l.contains(refuse)).forEach(stored::add);
      if (bad.isEmpty()) {
        HttpStub.send(x, 204, "");
      } else {
        HttpStub.send(x, 400, "{\"error\":\"partial write: " + refuseReason + " dropped=" + bad.size() + "\"}");
      }
      return;
    }
    int code = codes.isEmpty() ? 204 : codes.poll()[0];
    // "dropped=ALL": every line of this request
    String reply = (bodies.isEmpty() ? "" : bodies.poll()).replace("dropped=ALL", "dropped=" + body.lines().count());
    if (code == 204) {
      stored.addAll(body.lines().toList());
    }
    HttpStub.send(x, code, reply);
  }

  private synchronized void query(HttpExchange x) throws IOException {
    String form = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String q = URLDecoder.decode(form.replaceFirst("^q=", ""), StandardCharsets.UTF_8);
    queries.add(q);
    Matcher m = Pattern.compile("SELECT count\\(\"[^\"]+\"\\) FROM \"([^\"]+)\"").matcher(q);
    if (m.find()) {
      long n = stored.stream().filter(l -> l.startsWith(m.group(1) + ",")).count();
      HttpStub.send(x, 200, "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"" + m.group(1)
          + "\",\"columns\":[\"time\",\"count\"],\"values\":[[0," + n + "]]}]}]}");
      return;
    }
    HttpStub.send(x, 200, "{\"results\":[{\"statement_id\":0}]}");
  }

  private Delivery deliver(int batchBytes, int retries) throws IOException {
    InfluxTarget t = InfluxTarget.of(url, "netcalls", Map.of()).withMaxBatchBytes(batchBytes).withRetries(retries, 100);
    return new InfluxSink(t, sleeps::add).deliver(RunPoints.write(tmp, 30), "r");
  }

  @Test
  void everyLineIsWrittenAndCountedBackAndTheMarkerGoesLastAlone() throws Exception {
    Delivery d = deliver(1024, 3);
    assertThat(d.ok()).as(d.summary()).isTrue();
    assertThat(d.written()).isEqualTo(31);
    assertThat(writes.get(writes.size() - 1)).startsWith("netcalls_run,").hasLineCount(1);
    assertThat(writes.subList(0, writes.size() - 1)).noneMatch(w -> w.contains("netcalls_run"));
    // the marker is sent after the other lines were counted back
    int countRequests = (int) queries.stream().filter(q -> q.contains("FROM \"netcalls_request\"")).count();
    assertThat(countRequests).isEqualTo(1);
  }

  @Test
  void unauthorizedIsFinalAtOnceWithWhatToDo() throws Exception {
    answer(401, "authorization failed");
    Delivery d = deliver(1024, 5);
    assertThat(d.requests()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
    assertThat(d.written()).isZero();
    assertThat(d.notWritten()).isEqualTo(31);
    assertThat(d.errors()).singleElement().asString().contains("HTTP 401", "INFLUX_USER", "INFLUX_PASSWORD");
    assertThat(writes).noneMatch(w -> w.contains("netcalls_run"));
  }

  @Test
  void aMissingDatabaseIsCreatedOnceThenFinal() throws Exception {
    answer(404, "database not found: \"netcalls\"");
    answer(404, "database not found: \"netcalls\"");
    Delivery d = deliver(1024, 5);
    assertThat(queries.stream().filter(q -> q.startsWith("CREATE DATABASE"))).hasSize(2);
    assertThat(d.requests()).isEqualTo(2);
    assertThat(sleeps).isEmpty();
    assertThat(d.errors()).singleElement().asString().contains("database not found", "CREATE DATABASE", "--database");
  }

  @Test
  void aMissingRetentionPolicyIsFinal() throws Exception {
    answer(400, "retention policy not found: autogen");
    Delivery d = deliver(1024, 5);
    assertThat(d.requests()).isEqualTo(1);
    assertThat(d.errors()).singleElement().asString().contains("retention policy not found", "CREATE RETENTION POLICY");
  }

  @Test
  void unavailableIsRetriedWithJitteredBackoffThenWritten() throws Exception {
    answer(503, "Service Unavailable");
    answer(500, "timeout");
    Delivery d = deliver(4096, 5);
    assertThat(d.ok()).as(d.summary()).isTrue();
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isBetween(50L, 150L);
    assertThat(sleeps.get(1)).isBetween(100L, 300L);
  }

  @Test
  void aServerErrorThatStaysIsGivenUpWithEveryLineCounted() throws Exception {
    for (int i = 0; i < 10; i++) {
      answer(500, "engine: cache maximum memory size exceeded");
    }
    Delivery d = deliver(1024, 2);
    assertThat(d.requests()).isEqualTo(3);
    assertThat(d.written() + d.notWritten()).isEqualTo(31);
    assertThat(d.errors()).singleElement().asString().contains("cache maximum memory size exceeded", "gave up after 3",
        "re-run the export");
  }

  @Test
  void aBatchRefusedWholeForOneReasonStopsAtOnceWithTheReasonWhole() throws Exception {
    answer(400, "partial write: points beyond retention policy dropped=ALL");
    Delivery d = deliver(1024, 5);
    long first = writes.get(0).lines().count();
    assertThat(first).isGreaterThan(1);
    assertThat(d.requests()).isEqualTo(1); // no halving, no next batch
    assertThat(d.rejectedCount()).isEqualTo(first);
    assertThat(d.notWritten()).isEqualTo(31 - first);
    assertThat(d.errors()).singleElement().asString().contains("points beyond retention policy dropped=" + first,
        "retention policy", "--database");
  }

  @Test
  void aPartialWriteKeepsTheRestAndWithholdsTheMarker() throws Exception {
    refuse = "duration_ns=7i ";
    refuseReason = "field type conflict: input field \\\"duration_ns\\\" on measurement \\\"netcalls_request\\\" is type"
        + " integer, already exists as type float";
    Delivery d = deliver(1024, 5);
    assertThat(d.rejectedCount()).isEqualTo(1);
    // the batch is halved until the refused line is alone: its number and the whole reason
    assertThat(d.rejected()).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(8);
      assertThat(r.reason()).contains("field type conflict", "already exists as type float");
    });
    assertThat(d.written()).isEqualTo(29);
    assertThat(d.notWritten()).isEqualTo(1); // the marker
    assertThat(d.errors()).anyMatch(e -> e.contains("completion marker"));
    assertThat(writes).noneMatch(w -> w.contains("netcalls_run"));
  }

  @Test
  void aHostThatDoesNotResolveIsOneLineAndRetriedByThePolicy() throws Exception {
    url = "http://netcalls-test.invalid:8086";
    Delivery d = deliver(1024, 2);
    assertThat(sleeps).hasSize(2);
    assertThat(d.notWritten()).isEqualTo(31);
    assertThat(d.errors()).singleElement().asString().contains("does not resolve", "netcalls-test.invalid")
        .doesNotContain("\n");
  }
}
