package netcalls.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import netcalls.trace.SampleRecorder;
import netcalls.trace.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each failure scenario of FailureLatency yields the expected exception classes for each client. */
class FailureClassTest extends ServerTest {
  private static int closedPort;

  @BeforeAll
  static void findAClosedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
  }

  static Stream<Arguments> cases() {
    String http = "netcalls.client.HttpStatusException";
    return Stream.of(
        Arguments.of(ClientKind.okhttp, "status_500", http, http),
        Arguments.of(ClientKind.ahc, "status_500", http, http),
        Arguments.of(ClientKind.jdk, "status_500", http, http),
        Arguments.of(ClientKind.okhttp, "refused", "java.net.ConnectException", "java.net.ConnectException"),
        Arguments.of(ClientKind.ahc, "refused", "java.net.ConnectException", "java.net.ConnectException"),
        Arguments.of(ClientKind.jdk, "refused", "java.net.ConnectException", "java.nio.channels.ClosedChannelException"),
        Arguments.of(ClientKind.okhttp, "unknown_host", "java.net.UnknownHostException", "java.net.UnknownHostException"),
        Arguments.of(ClientKind.ahc, "unknown_host", "java.net.UnknownHostException", "java.net.UnknownHostException"),
        Arguments.of(ClientKind.jdk, "unknown_host", "java.net.ConnectException", "java.nio.channels.UnresolvedAddressException"),
        // OkHttp's timeout closes the socket; whether the read saw that close first varies from run to run
        Arguments.of(ClientKind.okhttp, "read_timeout", "java.net.SocketTimeoutException",
            "java.net.SocketException|java.net.SocketTimeoutException"),
        Arguments.of(ClientKind.ahc, "read_timeout", "java.util.concurrent.TimeoutException", "java.util.concurrent.TimeoutException"),
        Arguments.of(ClientKind.jdk, "read_timeout", "java.net.http.HttpTimeoutException", "java.net.http.HttpTimeoutException"),
        Arguments.of(ClientKind.okhttp, "reset", "java.net.SocketException", "java.net.SocketException"),
        Arguments.of(ClientKind.ahc, "reset", "io.netty.channel.unix.Errors$NativeIoException", "io.netty.channel.unix.Errors$NativeIoException"),
        Arguments.of(ClientKind.jdk, "reset", "java.io.IOException", "java.net.SocketException"));
  }

  static Request request(String scenario) {
    URI base = server.baseUri("http");
    return switch (scenario) {
      case "status_500" -> Request.get(base, "/status/500");
      case "refused" -> Request.get(URI.create("http://localhost:" + closedPort), "/bytes/16");
      case "unknown_host" -> Request.get(URI.create("http://netcalls-unknown.invalid:" + base.getPort()), "/bytes/16");
      case "read_timeout" -> Request.get(base, "/delay/3000");
      case "reset" -> Request.get(base, "/reset");
      default -> throw new IllegalArgumentException(scenario);
    };
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void scenarioFailsWithTheExpectedClasses(ClientKind kind, String scenario, String exception, String rootCause) {
    SampleRecorder recorder = new SampleRecorder(10);
    recorder.measuring(true);
    ClientOptions options = ClientOptions.defaults(Servers.trust(server))
        .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(5))
        .withRecorder(recorder);
    try (ClientLibrary library = kind.open(options); Client client = Strategy.reuse.open(kind, library)) {
      assertThatThrownBy(() -> client.call(request(scenario))).isInstanceOf(IOException.class);
    }
    try {
      List<Map<String, String>> rows = Samples.rows(recorder);
      assertThat(rows).singleElement().satisfies(r -> {
        assertThat(r.get("exception")).isEqualTo(exception);
        assertThat(r.get("root_cause")).isIn((Object[]) rootCause.split("\\|"));
      });
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
