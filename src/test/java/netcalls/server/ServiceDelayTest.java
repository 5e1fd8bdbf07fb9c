package netcalls.server;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service-delay knob over real loopback sockets. Delays are checked as lower bounds only (a
 * response never comes back sooner than the delay): behaviour, not speed.
 */
class ServiceDelayTest {
  private static final long DELAY_MICROS = 20_000;
  private static final long DELAY_NANOS = TimeUnit.MICROSECONDS.toNanos(DELAY_MICROS);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static TargetServer delayed;

  @BeforeAll
  static void start() {
    delayed = TargetServer.start(ServerConfig.defaults().withServiceDelayMicros(DELAY_MICROS));
  }

  @AfterAll
  static void stop() {
    delayed.close();
  }

  @Test
  void defaultsHaveNoDelay() {
    assertThat(ServerConfig.defaults().serviceDelayMicros()).isZero();
    assertThat(new ServerConfig("127.0.0.1", 0, 0).serviceDelayMicros()).isZero();
    try (TargetServer plain = TargetServer.start(ServerConfig.defaults())) {
      assertThat(plain.serviceDelayMicros()).isZero();
    }
    assertThat(delayed.serviceDelayMicros()).isEqualTo(DELAY_MICROS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/bytes/1024", "/status/200", "/status/500", "/status/204", "/redirect/2",
      "/nope", "/bytes/x", "/stats", "/delay/0"})
  void everyEndpointAnswersNoSoonerThanTheDelay(String path) throws Exception {
    try (Socket socket = connect(delayed.httpPort())) {
      for (int i = 0; i < 3; i++) { // a kept-alive connection is delayed on every request, not just the first
        long start = System.nanoTime();
        send(socket, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        String head = readHead(socket.getInputStream());
        long elapsed = System.nanoTime() - start;

        assertThat(head).startsWith("HTTP/1.1 ");
        assertThat(elapsed).as("%s, request %d", path, i).isGreaterThanOrEqualTo(DELAY_NANOS);
        skipBody(socket.getInputStream(), head);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/abort", "/reset"})
  void closingEndpointsCloseNoSoonerThanTheDelay(String path) throws Exception {
    try (Socket socket = connect(delayed.httpPort())) {
      long start = System.nanoTime();
      send(socket, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
      try {
        assertThat(socket.getInputStream().read()).isEqualTo(-1);
      } catch (IOException reset) {
        assertThat(path).isEqualTo("/reset");
      }
      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(DELAY_NANOS);
    }
  }

  @Test
  void theDelayAddsToDelayEndpointsOwnDelay() throws Exception {
    long start = System.nanoTime();
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(delayed.baseUri("http").resolve("/delay/30")).timeout(TIMEOUT).build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(DELAY_NANOS + TimeUnit.MILLISECONDS.toNanos(30));
  }

  @Test
  void httpsResponsesAreDelayedToo() throws Exception {
    HttpClient trusting = HttpClient.newBuilder().sslContext(TrustOnly.server(delayed)).build();
    HttpRequest request = HttpRequest.newBuilder(delayed.baseUri("https").resolve("/bytes/100"))
        .timeout(TIMEOUT).build();
    trusting.send(request, HttpResponse.BodyHandlers.discarding()); // the handshake, timed or not

    long start = System.nanoTime();
    HttpResponse<byte[]> response = trusting.send(request, HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).hasSize(100);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(DELAY_NANOS);
  }

  @Test
  void aRequestWhoseConnectionClosesDuringTheDelayIsCountedAndBreaksNothing() throws Exception {
    ServerStats before = delayed.stats();
    try (Socket socket = connect(delayed.httpPort())) {
      send(socket, "GET /bytes/10 HTTP/1.1\r\nHost: localhost\r\n\r\n");
    }
    Thread.sleep(3 * DELAY_MICROS / 1000); // let the scheduled response find its channel closed

    try (Socket socket = connect(delayed.httpPort())) {
      send(socket, "GET /bytes/3 HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 200");
    }
    assertThat(delayed.stats().minus(before).requests()).isEqualTo(2);
  }

  /**
   * A sub-millisecond delay is a busy wait, so it lands where asked: the extra time over many calls,
   * interleaved with calls to an undelayed server so that the machine's drift hits both, is within
   * 10 % of the delay. Compared at each side's 10th percentile: on a loaded machine preemption only
   * ever adds time, and more often to the call that holds a CPU longer, so a median would measure
   * the machine's load. A timer would add its wake-up (~50-80 µs) on top of the 200 asked.
   */
  @Test
  void aSubMillisecondDelayLandsWithinTenPercent() throws Exception {
    long micros = 200;
    int calls = 400;
    try (TargetServer plain = TargetServer.start(ServerConfig.defaults());
        TargetServer slow = TargetServer.start(ServerConfig.defaults().withServiceDelayMicros(micros));
        Socket toPlain = connect(plain.httpPort());
        Socket toSlow = connect(slow.httpPort())) {
      for (int i = 0; i < 50; i++) { // warm both paths up before measuring
        roundTrip(toPlain);
        roundTrip(toSlow);
      }
      long[] plainNanos = new long[calls];
      long[] slowNanos = new long[calls];
      for (int i = 0; i < calls; i++) {
        if (i % 2 == 0) {
          plainNanos[i] = roundTrip(toPlain);
          slowNanos[i] = roundTrip(toSlow);
        } else {
          slowNanos[i] = roundTrip(toSlow);
          plainNanos[i] = roundTrip(toPlain);
        }
      }
      double extraMicros = (tenthPercentile(slowNanos) - tenthPercentile(plainNanos)) / 1_000.0;

      assertThat(extraMicros).as("extra time of a %d us delay at the 10th percentile", micros)
          .isBetween(0.9 * micros, 1.1 * micros);
    }
  }

  @Test
  void nioTakesSubMillisecondDelaysToo() throws Exception {
    try (TargetServer server = TargetServer.start(ServerConfig.defaults().withServiceDelayMicros(300), Transport.nio());
        Socket socket = connect(server.httpPort())) {
      assertThat(server.transport()).isEqualTo("nio");
      assertThat(roundTrip(socket)).isGreaterThanOrEqualTo(TimeUnit.MICROSECONDS.toNanos(300));
    }
  }

  @Test
  void nioTakesMillisecondDelays() throws Exception {
    try (TargetServer server = TargetServer.start(ServerConfig.defaults().withServiceDelayMicros(2_000), Transport.nio())) {
      assertThat(server.transport()).isEqualTo("nio");
      try (Socket socket = connect(server.httpPort())) {
        assertThat(roundTrip(socket)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(2));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, 10_000_001})
  void delaysOutOfRangeAreRefused(long micros) {
    assertThatThrownBy(() -> ServerConfig.defaults().withServiceDelayMicros(micros))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("service delay " + micros + " us is out of range: give 0 to 10000000 microseconds");
  }

  // --- helpers ---

  /** One GET of a 1-byte body on a kept-alive socket: nanoseconds from send to the whole response. */
  private static long roundTrip(Socket socket) throws IOException {
    long start = System.nanoTime();
    send(socket, "GET /bytes/1 HTTP/1.1\r\nHost: localhost\r\n\r\n");
    String head = readHead(socket.getInputStream());
    skipBody(socket.getInputStream(), head);
    long elapsed = System.nanoTime() - start;
    assertThat(head).startsWith("HTTP/1.1 200");
    return elapsed;
  }

  private static double tenthPercentile(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 10];
  }

  private static Socket connect(int port) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout((int) TIMEOUT.toMillis());
    return socket;
  }

  private static void send(Socket socket, String request) throws IOException {
    socket.getOutputStream().write(request.getBytes(US_ASCII));
    socket.getOutputStream().flush();
  }

  /** Reads the status line and headers, up to the blank line. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed mid-response: " + head);
      }
      head.append((char) b);
    }
    return head.toString();
  }

  private static void skipBody(InputStream in, String head) throws IOException {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        in.readNBytes(Integer.parseInt(line.substring(line.indexOf(':') + 1).trim()));
      }
    }
  }
}
