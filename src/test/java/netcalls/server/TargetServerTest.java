package netcalls.server;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Talks to a real server over loopback sockets; asserts behaviour only, never speed. */
class TargetServerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static TargetServer server;
  private static HttpClient client;

  @BeforeAll
  static void start() {
    server = TargetServer.start(ServerConfig.defaults());
    client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // --- endpoints ---

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 26, 1024, 1_048_600, 3_000_001})
  void bytesServesExactlyNPatternBytes(int n) throws Exception {
    HttpResponse<byte[]> response = get("/bytes/" + n);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/octet-stream");
    assertThat(response.headers().firstValueAsLong("content-length")).hasValue(n);
    assertThat(response.body()).isEqualTo(pattern(n));
  }

  @Test
  void bytesServesUpTo64MiB() throws Exception {
    HttpResponse<byte[]> response = get("/bytes/" + (64 << 20));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(pattern(64 << 20));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/bytes/67108865", "/bytes/abc", "/bytes/-1", "/bytes/", "/bytes/1.5",
      "/bytes/99999999999999999999", "/delay/x", "/delay/1?size=y", "/status/99", "/status/100",
      "/status/600", "/status/2xx", "/redirect/-1", "/redirect/"})
  void malformedOrOutOfRangeNumbersAre400(String path) throws Exception {
    assertThat(get(path).statusCode()).isEqualTo(400);
  }

  @Test
  void delayAnswersNoEarlierThanAsked() throws Exception {
    long start = System.nanoTime();
    HttpResponse<byte[]> response = get("/delay/200");
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(pattern(16));
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(190);
  }

  @Test
  void delayTakesTheBodySizeFromTheQuery() throws Exception {
    HttpResponse<byte[]> response = get("/delay/0?size=30");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(pattern(30));
  }

  /** The preface may arrive in pieces: the plain port waits for all of it before choosing h2c. */
  @Test
  void thePlainPortTellsH2cByItsPrefaceEvenInPieces() throws Exception {
    ServerStats before = server.stats();
    try (Socket socket = connect()) {
      send(socket, "PRI * HTTP/2.0\r\n");
      Thread.sleep(50); // a separate segment
      send(socket, "\r\nSM\r\n\r\n");
      socket.getOutputStream().write(new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0}); // an empty SETTINGS frame
      byte[] header = socket.getInputStream().readNBytes(9);

      assertThat(header).hasSize(9);
      assertThat(header[3]).as("the server's first frame is SETTINGS").isEqualTo((byte) 4);
    }
    ServerStats delta = server.stats().minus(before);
    assertThat(delta.h2cConnections()).isEqualTo(1);
    assertThat(delta.http1Connections()).isZero();
  }

  @Test
  void aRequestThatOnlyStartsLikeThePrefaceIsHttp11() throws Exception {
    ServerStats before = server.stats();
    try (Socket socket = connect()) {
      send(socket, "PRI /bytes/5 HTTP/1.1\r\nHost: localhost\r\n\r\n");
      String response = new String(socket.getInputStream().readNBytes(12), US_ASCII);

      assertThat(response).isEqualTo("HTTP/1.1 405");
    }
    assertThat(server.stats().minus(before).http1Connections()).isEqualTo(1);
  }

  @Test
  void delayedResponseToAClosedConnectionBreaksNothing() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "GET /delay/100 HTTP/1.1\r\nHost: localhost\r\n\r\n");
    }
    Thread.sleep(300); // let the scheduled response find its channel closed

    assertThat(get("/bytes/3").body()).isEqualTo(pattern(3));
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 302, 400, 404, 418, 500, 503, 599})
  void statusAnswersWithThatStatus(int code) throws Exception {
    HttpResponse<byte[]> response = get("/status/" + code);

    assertThat(response.statusCode()).isEqualTo(code);
    assertThat(new String(response.body(), US_ASCII)).isEqualTo("status " + code + "\n");
  }

  @Test
  void status204HasNoBody() throws Exception {
    HttpResponse<byte[]> response = get("/status/204");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void redirectPointsOneHopCloser() throws Exception {
    HttpResponse<byte[]> response = get("/redirect/3");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("location")).hasValue("/redirect/2");
    assertThat(response.headers().firstValueAsLong("content-length")).hasValue(0);
  }

  @Test
  void redirectChainEndsInRedirected() throws Exception {
    HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    ServerStats before = server.stats();

    HttpResponse<String> response = following.send(
        request(server.baseUri("http").resolve("/redirect/3")), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("redirected\n");
    assertThat(response.uri().getPath()).isEqualTo("/redirect/0");
    assertThat(server.stats().minus(before).requests()).isEqualTo(4);
  }

  @Test
  void unknownPathIs404AndOtherMethodsAre405() throws Exception {
    assertThat(get("/nope").statusCode()).isEqualTo(404);
    assertThat(get("/bytes").statusCode()).isEqualTo(404);

    HttpResponse<String> post = client.send(
        HttpRequest.newBuilder(server.baseUri("http").resolve("/bytes/1"))
            .POST(HttpRequest.BodyPublishers.ofString("x")).timeout(TIMEOUT).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("allow")).hasValue("GET");
  }

  @Test
  void abortAndResetFailTheClientRequest() {
    assertThatThrownBy(() -> get("/abort")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> get("/reset")).isInstanceOf(IOException.class);
  }

  @Test
  void abortClosesGracefullyAndIsCounted() throws Exception {
    ServerStats before = server.stats();
    try (Socket socket = connect()) {
      send(socket, "GET /abort HTTP/1.1\r\nHost: localhost\r\n\r\n");

      assertThat(socket.getInputStream().read()).isEqualTo(-1); // FIN, no response bytes
    }
    assertThat(server.stats().minus(before).requests()).isEqualTo(1);
  }

  @Test
  void resetAbortsTheConnection() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "GET /reset HTTP/1.1\r\nHost: localhost\r\n\r\n");

      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
    }
  }

  // --- connections ---

  @Test
  void keepAliveServesTwoRequestsOnOneConnection() throws Exception {
    ServerStats before = server.stats();
    try (Socket socket = connect()) {
      send(socket, "GET /bytes/5 HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(readResponse(socket).body).isEqualTo(pattern(5));
      send(socket, "GET /bytes/7 HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(readResponse(socket).body).isEqualTo(pattern(7));
    }
    ServerStats delta = server.stats().minus(before);

    assertThat(delta.httpConnections()).isEqualTo(1);
    assertThat(delta.requests()).isEqualTo(2);
  }

  @Test
  void connectionCloseGetsItsResponseThenTheServerCloses() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "GET /bytes/4 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      Response response = readResponse(socket);

      assertThat(response.status).isEqualTo(200);
      assertThat(response.body).isEqualTo(pattern(4));
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void http10WithoutKeepAliveIsClosedAfterTheResponse() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "GET /bytes/4 HTTP/1.0\r\n\r\n");
      Response response = readResponse(socket);

      assertThat(response.status).isEqualTo(200);
      assertThat(response.body).isEqualTo(pattern(4));
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void http10WithKeepAliveStaysOpen() throws Exception {
    try (Socket socket = connect()) {
      for (int i = 0; i < 2; i++) {
        send(socket, "GET /bytes/2 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        Response response = readResponse(socket);

        assertThat(response.headers).containsEntry("connection", "keep-alive");
        assertThat(response.body).isEqualTo(pattern(2));
      }
    }
  }

  @Test
  void everyResponseHasContentLength() throws Exception {
    for (String path : new String[] {"/bytes/3", "/status/500", "/redirect/1", "/nope", "/bytes/x", "/stats"}) {
      assertThat(get(path).headers().firstValue("content-length")).as(path).isPresent();
    }
  }

  // --- TLS ---

  @Test
  void httpsWorksWhenTrustingExactlyTheServerCertificate() throws Exception {
    HttpClient trusting = HttpClient.newBuilder().sslContext(TrustOnly.server(server)).build();
    ServerStats before = server.stats();

    HttpResponse<byte[]> response = trusting.send(
        request(server.baseUri("https").resolve("/bytes/100")), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    // the JDK client offers h2 by ALPN by default, and the server takes it
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(response.body()).isEqualTo(pattern(100));
    ServerStats delta = server.stats().minus(before);
    assertThat(delta.httpsConnections()).isEqualTo(1);
    assertThat(delta.tlsHandshakes()).isEqualTo(1);
    assertThat(delta.httpConnections()).isZero();
    assertThat(delta.h2Connections()).isEqualTo(1);
    assertThat(delta.h2Streams()).isEqualTo(1);
    assertThat(delta.http1Connections()).isZero();
  }

  @Test
  void httpsFallsBackToHttp11ForAClientThatOffersOnlyThat() throws Exception {
    HttpClient h1 = HttpClient.newBuilder().sslContext(TrustOnly.server(server)).version(HttpClient.Version.HTTP_1_1).build();
    ServerStats before = server.stats();

    HttpResponse<byte[]> response = h1.send(
        request(server.baseUri("https").resolve("/bytes/10")), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(response.body()).isEqualTo(pattern(10));
    ServerStats delta = server.stats().minus(before);
    assertThat(delta.http1Connections()).isEqualTo(1);
    assertThat(delta.h2Connections()).isZero();
    assertThat(delta.h2Streams()).isZero();
  }

  @Test
  void httpsWithDefaultTrustFailsTheHandshake() {
    ServerStats before = server.stats();

    assertThatThrownBy(() -> client.send(
            request(server.baseUri("https").resolve("/bytes/1")), HttpResponse.BodyHandlers.discarding()))
        .isInstanceOf(SSLHandshakeException.class);
    assertThat(server.stats().minus(before).tlsHandshakes()).isZero();
  }

  // --- stats and lifecycle ---

  @Test
  void statsEndpointAgreesWithStatsAndIsNotCounted() throws Exception {
    try (Socket socket = connect()) {
      // a first request makes sure the server has counted this connection
      send(socket, "GET /bytes/1 HTTP/1.1\r\nHost: localhost\r\n\r\n");
      readResponse(socket);
      ServerStats before = server.stats();

      send(socket, "GET /stats HTTP/1.1\r\nHost: localhost\r\n\r\n");
      Response response = readResponse(socket);

      assertThat(response.status).isEqualTo(200);
      assertThat(response.headers).containsEntry("content-type", "application/json");
      ServerStats fromJson = new ObjectMapper().readValue(response.body, ServerStats.class);
      assertThat(fromJson).isEqualTo(before);
      assertThat(server.stats()).isEqualTo(before);
    }
  }

  @Test
  void delaysThatArePendingTogetherAreCountedAsOverlapped() throws Exception {
    ServerStats before = server.stats();
    try (Socket a = connect(); Socket b = connect()) {
      // two connections, both requests sent before either answer is due: one overlap
      send(a, "GET /delay/300 HTTP/1.1\r\nHost: localhost\r\n\r\n");
      send(b, "GET /delay/300 HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(readResponse(a).status).isEqualTo(200);
      assertThat(readResponse(b).status).isEqualTo(200);
      // one after the other: none
      send(a, "GET /delay/1 HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(readResponse(a).status).isEqualTo(200);
      send(b, "GET /delay/1 HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(readResponse(b).status).isEqualTo(200);
    }
    assertThat(server.stats().minus(before).delaysOverlapped()).isEqualTo(1);
  }

  @Test
  void baseUriUsesLocalhostAndTheBoundPorts() {
    assertThat(server.baseUri("http")).isEqualTo(URI.create("http://localhost:" + server.httpPort()));
    assertThat(server.baseUri("https")).isEqualTo(URI.create("https://localhost:" + server.httpsPort()));
    assertThat(server.httpPort()).isPositive().isNotEqualTo(server.httpsPort());
    assertThatThrownBy(() -> server.baseUri("ftp")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void statsMinusIsFieldWise() {
    assertThat(new ServerStats(5, 6, 7, 8, 9, 10, 11, 12, 13, 14).minus(new ServerStats(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)))
        .isEqualTo(new ServerStats(4, 4, 4, 4, 4, 4, 4, 4, 4, 4));
  }

  @Test
  void closeReleasesBothPorts() throws Exception {
    TargetServer other = TargetServer.start(ServerConfig.defaults());
    int httpPort = other.httpPort();
    int httpsPort = other.httpsPort();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), httpPort)) {
      send(socket, "GET /bytes/1 HTTP/1.1\r\nHost: localhost\r\n\r\n");
      readResponse(socket);

      other.close();
      other.close(); // idempotent

      assertThat(socket.getInputStream().read()).isEqualTo(-1); // open connections are closed too
    }
    for (int port : new int[] {httpPort, httpsPort}) {
      try (ServerSocket rebound = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertThat(rebound.getLocalPort()).isEqualTo(port);
      }
    }
  }

  // --- helpers ---

  private static byte[] pattern(int n) {
    byte[] bytes = new byte[n];
    for (int i = 0; i < n; i++) {
      bytes[i] = (byte) ('a' + i % 26);
    }
    return bytes;
  }

  private static HttpRequest request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(TIMEOUT).build();
  }

  private static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return client.send(request(server.baseUri("http").resolve(path)), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.httpPort());
    socket.setSoTimeout((int) TIMEOUT.toMillis());
    return socket;
  }

  private static void send(Socket socket, String request) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(US_ASCII));
    out.flush();
  }

  private record Response(int status, Map<String, String> headers, byte[] body) {}

  /** Reads one response framed by Content-Length, leaving the connection usable. */
  private static Response readResponse(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    String statusLine = readLine(in);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.get("content-length"));
    return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, in.readNBytes(length));
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed mid-response");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(US_ASCII);
  }
}
