package netcalls.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import netcalls.server.ServerStats;
import netcalls.testing.Combos;
import netcalls.trace.SampleRecorder;
import netcalls.trace.Samples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code reused} column of every client that claims to see reuse, whether or not it also
 * sees the connect phases: the calls it marks as on a new connection are exactly the server's
 * new connections, blocking and async.
 */
class ReuseTest extends ServerTest {
  private static final int CALLS = 4;

  static Stream<Arguments> cases() {
    return Combos.clientStrategySchemes(c -> c.capabilities().seesReuse());
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void callsOnANewConnectionAreTheServersNewConnections(ClientKind kind, Strategy strategy, String scheme)
      throws Exception {
    SampleRecorder recorder = new SampleRecorder(4 * CALLS);
    recorder.measuring(true);
    ServerStats before = server.stats();
    try (ClientLibrary library = kind.open(ClientOptions.defaults(Servers.trust(server)).withRecorder(recorder));
        Client client = strategy.open(kind, library)) {
      PreparedRequest p = client.prepare(Request.get(server.baseUri(scheme), "/bytes/64"));
      for (int i = 0; i < CALLS; i++) {
        client.call(p);
        client.callAsync(p).get();
      }
    }
    ServerStats delta = server.stats().minus(before);
    long connections = "https".equals(scheme) ? delta.httpsConnections() : delta.httpConnections();
    List<Map<String, String>> rows = Samples.rows(recorder);
    assertThat(rows).hasSize(2 * CALLS).allSatisfy(r -> assertThat(r.get("reused")).isIn("true", "false"));
    long fresh = rows.stream().filter(r -> r.get("reused").equals("false")).count();
    assertThat(fresh).as("calls on a new connection = server's connections").isEqualTo(connections);
    boolean pooled = strategy == Strategy.reuse || strategy == Strategy.shared_pool;
    assertThat(connections).isEqualTo(pooled ? 1 : 2 * CALLS);
  }
}
