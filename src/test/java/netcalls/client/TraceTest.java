package netcalls.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import netcalls.run.Phase;
import netcalls.server.ServerStats;
import netcalls.trace.SampleRecorder;
import netcalls.trace.Samples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The phase samples each client's hooks produce, checked against the server's own counts. */
class TraceTest extends ServerTest {
  private static final int CALLS = 6;
  private static final java.util.Set<ClientKind> LATE_WRITE_NOTICE = java.util.Set.of(ClientKind.ahc, ClientKind.jetty);

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (ClientKind c : ClientKind.values()) {
      for (Strategy s : List.of(Strategy.reuse, Strategy.new_client)) {
        for (String scheme : List.of("http", "https")) {
          all.add(Arguments.of(c, s, scheme));
        }
      }
    }
    return all.stream();
  }

  private static List<Map<String, String>> run(ClientKind kind, Strategy strategy, String scheme, ServerStats[] delta)
      throws Exception {
    SampleRecorder recorder = new SampleRecorder(100);
    recorder.measuring(true);
    Request request = Request.get(server.baseUri(scheme), "/bytes/2048");
    ServerStats before = server.stats();
    try (ClientLibrary library = kind.open(ClientOptions.defaults(Servers.trust(server)).withRecorder(recorder));
        Client client = strategy.open(kind, library)) {
      PreparedRequest prepared = client.prepare(request);
      for (int i = 0; i < CALLS; i++) {
        client.call(prepared);
      }
    }
    delta[0] = server.stats().minus(before);
    return Samples.rows(recorder);
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void connectionPhasesAppearOnlyOnNewConnectionsAndAgreeWithTheServer(ClientKind kind, Strategy strategy, String scheme)
      throws Exception {
    ServerStats[] delta = new ServerStats[1];
    List<Map<String, String>> rows = run(kind, strategy, scheme, delta);
    assertThat(rows).hasSize(CALLS);
    long serverConnections = "https".equals(scheme) ? delta[0].httpsConnections() : delta[0].httpConnections();
    for (Map<String, String> row : rows) {
      assertThat(row.get("status")).isEqualTo("200");
      assertThat(row.get("bytes")).isEqualTo("2048");
      assertThat(row.get("endpoint")).isEqualTo("bytes");
      assertThat(row.get("target")).isEqualTo("localhost:" + server.baseUri(scheme).getPort());
      assertThat(row.get("exception")).isEmpty();
      long duration = Long.parseLong(row.get("duration_ns"));
      long sum = 0;
      // the client's close is timed into every new_client sample, for every client, and into no other
      assertThat(row.get("close_ns").isEmpty()).as("close").isEqualTo(strategy != Strategy.new_client);
      for (Phase p : Phase.ALL) {
        String v = row.get(column(p));
        if (!kind.capabilities().phases().contains(p)) {
          // invisible to this client: absent, never made up
          assertThat(v).as(p.column()).isEmpty();
        } else if (!v.isEmpty()) {
          assertThat(Long.parseLong(v)).as(p.column()).isNotNegative();
          sum += Long.parseLong(v);
        }
      }
      assertThat(sum).as("phases fit inside the duration").isLessThanOrEqualTo(duration);
      assertThat(row.get("receiving_ns")).as("receiving").isNotEmpty();
      if (!kind.capabilities().seesReuse()) {
        assertThat(row.get("reused")).isEmpty();
      }
    }
    // a late write notice (AHC, Jetty: it comes after the response began) leaves sending absent for that call, its
    // span counted as waiting, not guessed; on a busy machine every call's notice can be late, so only the clients
    // that end sending in the calling thread must show it
    if (kind.capabilities().phases().contains(Phase.SENDING) && !LATE_WRITE_NOTICE.contains(kind)) {
      assertThat(rows).as("rows with sending").anySatisfy(r -> assertThat(r.get("sending_ns")).isNotEmpty());
    }
    if (kind.capabilities().phases().contains(Phase.WAITING)) {
      assertThat(rows).allSatisfy(r -> assertThat(r.get("waiting_ns")).as("waiting").isNotEmpty());
    }
    if (!kind.capabilities().phases().contains(Phase.CONNECTING)) {
      return;
    }
    long connected = rows.stream().filter(r -> !r.get("connecting_ns").isEmpty()).count();
    assertThat(connected).as("samples with connecting = server's connections").isEqualTo(serverConnections);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      boolean newConnection = strategy == Strategy.new_client || i == 0;
      if (kind.capabilities().seesReuse()) {
        assertThat(row.get("reused")).isEqualTo(newConnection ? "false" : "true");
      }
      assertThat(row.get("connecting_ns").isEmpty()).isEqualTo(!newConnection);
      assertThat(row.get("dns_ns").isEmpty()).as("dns").isEqualTo(!newConnection);
      assertThat(row.get("tls_handshaking_ns").isEmpty()).as("tls").isEqualTo(!(newConnection && "https".equals(scheme)));
    }
  }

  private static String column(Phase p) {
    return p.column() + "_ns";
  }

  /** Clients whose hooks see a call wait for a connection. */
  static Stream<ClientKind> seeBlocked() {
    return Stream.of(ClientKind.values()).filter(k -> k.capabilities().phases().contains(Phase.BLOCKED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeBlocked")
  void blockedShowsUpWhenTwoCallsShareOneConnection(ClientKind kind) throws Exception {
    SampleRecorder recorder = new SampleRecorder(10);
    recorder.measuring(true);
    ClientOptions options = ClientOptions.defaults(Servers.trust(server)).withMaxConnectionsPerHost(1).withRecorder(recorder);
    // no_keepalive: AHC's per-host limit counts open connections, and a waiting request takes a freed
    // permit, not a connection coming back to the pool: under keep-alive the permit never frees. With
    // a close after each response every client frees its one connection the same way.
    try (ClientLibrary library = kind.open(options); Client client = Strategy.no_keepalive.open(kind, library)) {
      PreparedRequest slow = client.prepare(Request.get(server.baseUri("http"), "/delay/300"));
      CompletableFuture<Long> first = client.callAsync(slow);
      CompletableFuture<Long> second = client.callAsync(slow);
      assertThat(first.get() + second.get()).isEqualTo(32L);
    }
    List<Map<String, String>> rows = Samples.rows(recorder);
    assertThat(rows).hasSize(2);
    long longestBlocked = rows.stream().map(r -> r.get("blocked_ns")).filter(v -> !v.isEmpty())
        .mapToLong(Long::parseLong).max().orElse(-1);
    // the second call cannot start before the first's 300 ms response is in: a lower bound, not a timing target
    assertThat(longestBlocked).isGreaterThanOrEqualTo(Duration.ofMillis(150).toNanos());
  }

  static Stream<ClientKind> kinds() {
    return Stream.of(ClientKind.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void redirectsAreCounted(ClientKind kind) throws Exception {
    SampleRecorder recorder = new SampleRecorder(10);
    recorder.measuring(true);
    try (ClientLibrary library = kind.open(ClientOptions.defaults(Servers.trust(server)).withRecorder(recorder));
        Client client = Strategy.reuse.open(kind, library)) {
      client.call(client.prepare(Request.get(server.baseUri("http"), "/redirect/3")));
    }
    assertThat(Samples.rows(recorder)).singleElement().satisfies(r -> assertThat(r.get("redirects")).isEqualTo("3"));
  }
}
