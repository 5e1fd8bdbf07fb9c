package netcalls.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import netcalls.run.UserRequests;
import netcalls.run.UserRequests.Header;
import netcalls.testing.Nginx;
import netcalls.trace.SampleRecorder;
import netcalls.trace.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Any URL, proven against nginx (a server netcalls did not write) and the built-in server: every
 * client reads the same bytes, sends the user's headers and no Accept-Encoding, follows redirects
 * and fails on a 404.
 */
class AnyUrlTest extends ServerTest {
  private static final String TOKEN = "tok-5f0e1d-secret";
  private static Nginx nginx;

  @BeforeAll
  static void startNginx() throws Exception {
    assumeTrue(Nginx.installed(), "nginx is not installed (scripts/test.sh installs it)");
    nginx = Nginx.start();
  }

  @AfterAll
  static void stopNginx() throws Exception {
    if (nginx != null) {
      nginx.close();
    }
  }

  private static Request url(URI uri) {
    return Request.url(new UserRequests.NamedUrl("site", uri)).withHeaders(List.of(new Header("X-Token", TOKEN)));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ClientKind.class)
  void everyClientReadsTheSameBodiesFromNginx(ClientKind kind) throws Exception {
    SampleRecorder recorder = new SampleRecorder(100);
    recorder.measuring(true);
    try (ClientLibrary library = kind.open(ClientOptions.defaults(Servers.trust(server)).withRecorder(recorder));
        Client client = Strategy.reuse.open(kind, library)) {
      for (String path : List.of("/file.bin", "/gzip/file.txt", "/chunked/file.txt", "/redirect")) {
        PreparedRequest p = client.prepare(url(nginx.uri(path)));
        assertThat(client.call(p)).as(path).isEqualTo(Nginx.FILE_BYTES);
        assertThat(client.callAsync(p).get(10, TimeUnit.SECONDS)).as(path + " async").isEqualTo(Nginx.FILE_BYTES);
      }
      // the header arrived: nginx answers with its value, so the body is exactly as long
      assertThat(client.call(client.prepare(url(nginx.uri("/echo-token"))))).isEqualTo(TOKEN.length());
      // no Accept-Encoding on the wire: nginx answers "[]"
      assertThat(client.call(client.prepare(url(nginx.uri("/echo-ae"))))).isEqualTo(2);
      PreparedRequest missing = client.prepare(url(nginx.uri("/missing")));
      assertThatThrownBy(() -> client.call(missing)).isInstanceOf(HttpStatusException.class)
          .hasMessageContaining("404").hasMessageNotContaining(TOKEN);
    }
    List<Map<String, String>> rows = Samples.rows(recorder);
    Map<String, String> redirect = rows.get(6); // /redirect, blocking
    assertThat(redirect.get("status")).isEqualTo("200");
    assertThat(redirect.get("bytes")).isEqualTo(Integer.toString(Nginx.FILE_BYTES));
    assertThat(redirect.get("endpoint")).isEqualTo("site");
    assertThat(redirect.get("target")).isEqualTo("127.0.0.1:" + nginx.port());
    assertThat(rows.get(rows.size() - 1).get("status")).isEqualTo("404");
  }

  /**
   * What the README says of a server that compresses unasked: OkHttp and AsyncHttpClient decode it
   * (the caller gets 1024 bytes), the others hand over the bytes as sent.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(ClientKind.class)
  void aBodyCompressedUnaskedIsCountedAsTheClientDeliversIt(ClientKind kind) throws Exception {
    try (ClientLibrary library = kind.open(ClientOptions.defaults(Servers.trust(server)));
        Client client = Strategy.reuse.open(kind, library)) {
      long bytes = client.call(client.prepare(url(nginx.uri("/always-gzip/file.txt"))));
      boolean decodes = kind == ClientKind.okhttp || kind == ClientKind.ahc;
      assertThat(bytes).isEqualTo(decodes ? Nginx.FILE_BYTES : nginx.gzippedBytes());
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ClientKind.class)
  void everyClientReadsExactlyAUrlOnTheBuiltInServer(ClientKind kind) throws Exception {
    URI uri = server.baseUri("http").resolve("/bytes/777?size=unused");
    try (ClientLibrary library = kind.open(ClientOptions.defaults(Servers.trust(server)));
        Client client = Strategy.reuse.open(kind, library)) {
      assertThat(client.call(client.prepare(url(uri)))).isEqualTo(777);
    }
  }

  @Test
  void theFixturesAreWhatTheyClaim() throws Exception {
    // a client that asks for gzip gets it from /gzip/, and /chunked/ really is chunked
    assertThat(rawHead("/gzip/file.txt", "Accept-Encoding: gzip\r\n")).containsIgnoringCase("Content-Encoding: gzip");
    assertThat(rawHead("/chunked/file.txt", "")).containsIgnoringCase("Transfer-Encoding: chunked");
    assertThat(rawHead("/redirect", "")).startsWith("HTTP/1.1 302");
    assertThat(rawHead("/always-gzip/file.txt", "")).containsIgnoringCase("Content-Encoding: gzip");
  }

  @Test
  void neitherTheRequestNorItsHeadersPrintTheSecret() {
    Request r = url(URI.create("http://127.0.0.1:1/path?api_key=abc")) ;
    assertThat(r.toString()).isEqualTo("http://127.0.0.1:1/path").doesNotContain(TOKEN);
    assertThat(r.headers().toString()).contains("X-Token: <redacted>").doesNotContain(TOKEN);
  }

  private static String rawHead(String path, String extra) throws Exception {
    try (Socket s = new Socket("127.0.0.1", nginx.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "Connection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return all.substring(0, all.indexOf("\r\n\r\n"));
    }
  }
}
