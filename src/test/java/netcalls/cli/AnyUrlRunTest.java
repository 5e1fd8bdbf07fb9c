package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import netcalls.server.ServerConfig;
import netcalls.server.TargetServer;
import netcalls.testing.Nginx;
import netcalls.trace.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher end to end, in this JVM ({@code -f 0}, one short iteration): {@code --url} against
 * nginx and the built-in server, {@code --pair} against both; the run folder names each URL by its
 * label and keeps neither a query string nor the header's value.
 */
class AnyUrlRunTest {
  private static final String SECRET = "tok-a9c1-never-kept";
  private static Nginx nginx;
  private static TargetServer server;

  @TempDir
  Path tmp;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Nginx.installed(), "nginx is not installed (scripts/test.sh installs it)");
    nginx = Nginx.start();
    server = TargetServer.start(ServerConfig.defaults());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (nginx != null) {
      nginx.close();
    }
  }

  private static final List<String> SHORT = List.of("-f", "0", "-wi", "0", "-i", "1", "-r", "100ms",
      "-p", "client=okhttp,jetty", "-p", "strategy=reuse");

  private Path run(String id, String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("--results", tmp.toString(), "--run-id", id, "--no-export",
        "--header", "X-Token: " + SECRET));
    all.addAll(List.of(args));
    all.addAll(SHORT);
    assertThat(Main.run(all.toArray(new String[0]))).isZero();
    return tmp.resolve(id);
  }

  @Test
  void urlRunsMeasureEachUrlUnderItsLabel() throws IOException {
    String local = server.baseUri("http").resolve("/bytes/333?api_key=" + SECRET).toString();
    Path dir = run("urls", "--url", "nginx=" + nginx.uri("/file.bin?q=" + SECRET), "--url", "local=" + local);
    String jmh = Files.readString(dir.resolve("jmh.json"));
    assertThat(jmh).contains("\"endpoint\" : \"nginx\"").contains("\"endpoint\" : \"local\"");
    // every sample of a URL carries its label, 200 and the URL's whole body, for every client
    List<Map<String, String>> rows = samples(dir);
    assertThat(rows).extracting(r -> r.get("endpoint")).contains("nginx", "local").containsOnly("nginx", "local");
    for (Map<String, String> r : rows) {
      assertThat(r.get("status")).isEqualTo("200");
      assertThat(r.get("bytes")).isEqualTo(r.get("endpoint").equals("nginx") ? "1024" : "333");
    }
    assertThat(Files.readString(dir.resolve("run.json"))).contains("nginx=http://127.0.0.1:" + nginx.port());
    assertThat(nginx.accessLog()).contains("GET /file.bin?q=");
    assertNothingKept(dir);
  }

  @Test
  void aPairRunsSequentialAndConcurrentAgainstTwoUrls() throws IOException {
    Path dir = run("pair", "--pair", "a=" + nginx.uri("/file.bin"), "b=" + server.baseUri("http").resolve("/bytes/100"));
    String jmh = Files.readString(dir.resolve("jmh.json"));
    assertThat(jmh).contains("PairedLatency.sequential").contains("PairedLatency.concurrent")
        .contains("\"endpoint\" : \"a+b\"").contains("\"delays\" : \"none\"");
    List<Map<String, String>> rows = samples(dir);
    assertThat(rows).extracting(r -> r.get("leg")).contains("a", "b");
    rows.stream().filter(r -> r.get("leg").equals("a")).forEach(r -> assertThat(r.get("bytes")).isEqualTo("1024"));
    rows.stream().filter(r -> r.get("leg").equals("b")).forEach(r -> assertThat(r.get("bytes")).isEqualTo("100"));
    assertNothingKept(dir);
  }

  /** Neither the header's value nor a URL's query reaches any file of the run folder. */
  private static void assertNothingKept(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(SECRET);
      }
    }
  }

  private static List<Map<String, String>> samples(Path dir) throws IOException {
    List<Map<String, String>> all = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.walk(dir.resolve("samples"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        all.addAll(Samples.parse(Files.readString(f)));
      }
    }
    assertThat(all).isNotEmpty();
    return all;
  }
}
