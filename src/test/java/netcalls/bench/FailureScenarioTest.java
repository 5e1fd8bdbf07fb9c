package netcalls.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import netcalls.client.Client;
import netcalls.client.ClientKind;
import netcalls.client.ClientLibrary;
import netcalls.client.ClientOptions;
import netcalls.client.PreparedRequest;
import netcalls.client.Servers;
import netcalls.client.Strategy;
import netcalls.run.Scenario;
import netcalls.server.TargetServer;
import netcalls.trace.SampleRecorder;
import netcalls.trace.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every client fails every scenario of FailureLatency, with the request and timeouts the benchmark
 * uses, and its sample names what was thrown. For the libraries measured so far, the exact classes
 * are pinned too: they are what the summary counts, and a library update that changes them should
 * be seen.
 */
class FailureScenarioTest {
  private static final String HTTP = "netcalls.client.HttpStatusException";
  /** exception | root cause(s), by client and scenario, as each library throws them today. */
  private static final Map<String, Map<Scenario, String>> KNOWN = Map.of(
      "hc5", Map.of(
          Scenario.status_500, HTTP + "|" + HTTP,
          // HttpClient 5 replaces the ConnectException by its own subclass naming the host, without a cause
          Scenario.refused, "org.apache.hc.client5.http.HttpHostConnectException|org.apache.hc.client5.http.HttpHostConnectException",
          Scenario.unknown_host, "java.net.UnknownHostException|java.net.UnknownHostException",
          Scenario.read_timeout, "java.net.SocketTimeoutException|java.net.SocketTimeoutException",
          Scenario.reset, "java.net.SocketException|java.net.SocketException"),
      "jetty", Map.of(
          Scenario.status_500, HTTP + "|" + HTTP,
          Scenario.refused, "java.net.ConnectException|java.net.ConnectException",
          Scenario.unknown_host, "java.net.UnknownHostException|java.net.UnknownHostException",
          // Jetty's idle timeout; the blocking call wraps it in an IOException, the sample keeps Jetty's class
          Scenario.read_timeout, "java.util.concurrent.TimeoutException|java.util.concurrent.TimeoutException",
          // Jetty reports a reset connection as the end of its input
          Scenario.reset, "java.io.EOFException|java.io.EOFException"),
      "okhttp", Map.of(
          Scenario.status_500, HTTP + "|" + HTTP,
          Scenario.refused, "java.net.ConnectException|java.net.ConnectException",
          Scenario.unknown_host, "java.net.UnknownHostException|java.net.UnknownHostException",
          // OkHttp's timeout closes the socket; whether the read saw that close first varies from run to run
          Scenario.read_timeout, "java.net.SocketTimeoutException|java.net.SocketException,java.net.SocketTimeoutException",
          Scenario.reset, "java.net.SocketException|java.net.SocketException"),
      "ahc", Map.of(
          Scenario.status_500, HTTP + "|" + HTTP,
          Scenario.refused, "java.net.ConnectException|java.net.ConnectException",
          Scenario.unknown_host, "java.net.UnknownHostException|java.net.UnknownHostException",
          Scenario.read_timeout, "java.util.concurrent.TimeoutException|java.util.concurrent.TimeoutException",
          Scenario.reset, "io.netty.channel.unix.Errors$NativeIoException|io.netty.channel.unix.Errors$NativeIoException"),
      "jdk", Map.of(
          Scenario.status_500, HTTP + "|" + HTTP,
          Scenario.refused, "java.net.ConnectException|java.nio.channels.ClosedChannelException",
          Scenario.unknown_host, "java.net.ConnectException|java.nio.channels.UnresolvedAddressException",
          Scenario.read_timeout, "java.net.http.HttpTimeoutException|java.net.http.HttpTimeoutException",
          Scenario.reset, "java.io.IOException|java.net.SocketException"));

  private static TargetServer server;

  @BeforeAll
  static void start() {
    server = Servers.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (ClientKind c : ClientKind.values()) {
      for (Scenario s : Scenario.values()) {
        all.add(Arguments.of(c, s));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void everyScenarioFailsAndItsSampleNamesTheFailure(ClientKind kind, Scenario scenario) throws IOException {
    SampleRecorder recorder = new SampleRecorder(10);
    recorder.measuring(true);
    ClientOptions options = FailureLatency.timeouts(ClientOptions.defaults(Servers.trust(server))).withRecorder(recorder);
    Throwable thrown;
    try (ClientLibrary library = kind.open(options); Client client = Strategy.reuse.open(kind, library)) {
      PreparedRequest request = client.prepare(FailureLatency.request(scenario, server.baseUri("http"), "builtin-http"));
      thrown = catchThrowable(() -> client.call(request));
    }
    assertThat(thrown).as("the call fails").isInstanceOf(IOException.class);
    List<Map<String, String>> rows = Samples.rows(recorder);
    assertThat(rows).hasSize(1);
    Map<String, String> row = rows.get(0);
    // the library's own failure; the facade wraps one that is not an IOException (AHC's TimeoutException)
    Throwable own = thrown.getClass() == IOException.class && thrown.getCause() != null ? thrown.getCause() : thrown;
    assertThat(row.get("exception")).isIn(thrown.getClass().getName(), own.getClass().getName());
    assertThat(row.get("root_cause")).isNotEmpty();
    String known = KNOWN.getOrDefault(kind.name(), Map.of()).get(scenario);
    if (known != null) {
      String[] classes = known.split("\\|");
      assertThat(row.get("exception")).isEqualTo(classes[0]);
      assertThat(row.get("root_cause")).isIn((Object[]) classes[1].split(","));
    }
  }

  @Test
  void thePinnedClassesNameRealClients() {
    // a renamed client would otherwise skip its pinned checks silently
    assertThat(KNOWN.keySet()).allSatisfy(ClientKind::parse);
  }
}
