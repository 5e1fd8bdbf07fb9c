package netcalls.export.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * A contract test of the token path: a loopback server answering as InfluxDB 2.x's 1.x-compatible API does
 * (/write?db=&precision=, /query with InfluxQL through a DBRP mapping; 204, or 401 and 404 with 2.x's
 * {"code": ..., "message": ...} body), which only accepts {@code Authorization: Token TOKEN} and has no CREATE
 * DATABASE. InfluxDB 2.x and 3.x themselves are not tested here (no package of them is at hand).
 */
class InfluxTokenContractTest {
  private static final String TOKEN = "s3cret-token-value";

  @TempDir
  Path tmp;

  private HttpStub server;
  private String url;
  private final List<String> stored = new ArrayList<>();
  private final List<String> requests = new ArrayList<>();
  /** The database (bucket mapping) the server knows. */
  private String mapped = "netcalls";

  @BeforeEach
  void start() throws IOException {
    server = HttpStub.start(this::handle);
    url = server.url();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private synchronized void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    Map<String, String> params = params(x.getRequestURI().getRawQuery());
    String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String auth = x.getRequestHeaders().getFirst("Authorization");
    requests.add(x.getRequestMethod() + " " + path + " " + params + " auth=" + auth);
    if (!("Token " + TOKEN).equals(auth)) {
      HttpStub.send(x, 401, "{\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}");
      return;
    }
    if (!mapped.equals(params.get("db"))) {
      HttpStub.send(x, 404, "{\"code\":\"not found\",\"message\":\"bucket \\\"" + params.get("db") + "\\\" not found\"}");
      return;
    }
    if (path.equals("/write")) {
      if (!"ns".equals(params.get("precision")) || !"POST".equals(x.getRequestMethod())) {
        HttpStub.send(x, 400, "{\"code\":\"invalid\",\"message\":\"precision ns and POST expected\"}");
        return;
      }
      stored.addAll(body.lines().toList());
      HttpStub.send(x, 204, "");
      return;
    }
    if (path.equals("/query")) {
      String q = URLDecoder.decode(body.replaceFirst("^q=", ""), StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("SELECT count\\(\"[^\"]+\"\\) FROM \"([^\"]+)\"").matcher(q);
      if (m.find()) {
        long n = stored.stream().filter(l -> l.startsWith(m.group(1) + ",")).count();
        HttpStub.send(x, 200, "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"" + m.group(1)
            + "\",\"columns\":[\"time\",\"count\"],\"values\":[[0," + n + "]]}]}]}");
        return;
      }
      // 2.x's InfluxQL has no CREATE DATABASE
      HttpStub.send(x, 200, "{\"results\":[{\"statement_id\":0,\"error\":\"not implemented: " + q.replace("\"", "") + "\"}]}");
      return;
    }
    HttpStub.send(x, 404, "{\"code\":\"not found\",\"message\":\"path not found\"}");
  }

  private static Map<String, String> params(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw != null) {
      for (String kv : raw.split("&")) {
        int eq = kv.indexOf('=');
        out.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private Delivery deliver(InfluxTarget t) throws IOException {
    return new InfluxSink(t.withRetries(0, 1), ms -> { }).deliver(RunPoints.write(tmp, 5), "r");
  }

  @Test
  void aTokenFromTheEnvironmentIsSentAsTokenAuthorizationAndNoDatabaseIsCreated() throws Exception {
    InfluxTarget t = InfluxTarget.of(url, "netcalls", Map.of("INFLUX_TOKEN", TOKEN, "INFLUX_USER", "u"));
    Delivery d = deliver(t);
    assertThat(d.ok()).as(d.summary()).isTrue();
    assertThat(d.written()).isEqualTo(6);
    assertThat(stored).hasSize(6).last().asString().startsWith("netcalls_run,");
    assertThat(requests).allMatch(r -> r.endsWith("auth=Token " + TOKEN))
        .anyMatch(r -> r.startsWith("POST /write {db=netcalls, precision=ns}"))
        .noneMatch(r -> r.contains("CREATE"));
    assertThat(t.toString()).doesNotContain(TOKEN).contains("with a token");
    assertThat(d.summary()).doesNotContain(TOKEN);
  }

  @Test
  void aRefusedTokenStopsAtOnceNamingTheOptionNeverTheToken() throws Exception {
    InfluxTarget wrong = InfluxTarget.of(url, "netcalls", Map.of("INFLUX_TOKEN", "stale")).withToken("also-wrong");
    Delivery d = deliver(wrong);
    assertThat(d.ok()).isFalse();
    assertThat(stored).isEmpty();
    assertThat(requests).allMatch(r -> r.endsWith("auth=Token also-wrong")); // the option wins over the environment
    assertThat(d.errors()).singleElement().asString().contains("unauthorized access").contains("HTTP 401")
        .contains("--influx-token").contains("INFLUX_TOKEN").doesNotContain("also-wrong");
    assertThat(d.notWritten()).isEqualTo(6);
  }

  @Test
  void aDatabaseWithoutBucketMappingSaysToCreateItAndCreatesNothing() throws Exception {
    mapped = "other";
    Delivery d = deliver(InfluxTarget.of(url, "netcalls", Map.of()).withToken(TOKEN));
    assertThat(d.ok()).isFalse();
    assertThat(d.errors()).singleElement().asString().contains("HTTP 404").contains("DBRP")
        .contains("database netcalls");
    assertThat(requests).noneMatch(r -> r.contains("CREATE")).allMatch(r -> r.contains("/write"));
  }

  /** --write-only (a store with /write and no InfluxQL): only writes, the marker last, nothing counted back. */
  @Test
  void aWriteOnlyTargetOnlyWritesAndStillSendsTheMarkerLast() throws Exception {
    InfluxTarget t = InfluxTarget.of(url, "netcalls", Map.of()).withToken(TOKEN).withWriteOnly();
    Delivery d = deliver(t);
    assertThat(d.ok()).as(d.summary()).isTrue();
    assertThat(requests).isNotEmpty().allMatch(r -> r.startsWith("POST /write "));
    assertThat(stored).hasSize(6).last().asString().startsWith("netcalls_run,");
    assertThat(d.summary()).contains("write only: not counted back");
  }

  @Test
  void withoutATokenCreateDatabaseIsSentUnlessWriteOnly() throws Exception {
    InfluxTarget plain = InfluxTarget.of(url, "netcalls", Map.of());
    assertThat(plain.createsDatabase()).isTrue();
    assertThat(plain.withWriteOnly().createsDatabase()).isFalse();
    assertThat(plain.withToken(TOKEN).createsDatabase()).isFalse();
    assertThat(plain.withToken(" ").token()).isNull();
  }
}
