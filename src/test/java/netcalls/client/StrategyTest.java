package netcalls.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import netcalls.server.ServerStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every client × strategy × scheme makes real requests to the built-in server, and the server's
 * own counts prove what each strategy does with connections.
 */
class StrategyTest extends ServerTest {
  private static final int CALLS = 5;

  static Stream<Arguments> supported() {
    List<Arguments> all = new ArrayList<>();
    for (ClientKind c : ClientKind.values()) {
      for (Strategy s : Strategy.values()) {
        if (c.unsupported(s) == null) {
          for (String scheme : List.of("http", "https")) {
            all.add(Arguments.of(c, s, scheme));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("supported")
  void blockingCallsReadTheBodyAndUseConnectionsAsTheStrategySays(ClientKind kind, Strategy strategy, String scheme)
      throws Exception {
    Request request = Request.get(server.baseUri(scheme), "/bytes/3000");
    ServerStats before = server.stats();
    try (ClientLibrary library = kind.open(ClientOptions.defaults(Servers.trust(server)));
        Client client = strategy.open(kind, library)) {
      for (int i = 0; i < CALLS; i++) {
        assertThat(client.call(request)).isEqualTo(3000);
      }
      assertConnections(strategy, scheme, server.stats().minus(before));
    }
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("supported")
  void asyncCallsBehaveTheSame(ClientKind kind, Strategy strategy, String scheme) throws Exception {
    Request request = Request.get(server.baseUri(scheme), "/bytes/100");
    ServerStats before = server.stats();
    try (ClientLibrary library = kind.open(ClientOptions.defaults(Servers.trust(server)));
        Client client = strategy.open(kind, library)) {
      for (int i = 0; i < CALLS; i++) {
        assertThat(client.callAsync(request).get()).isEqualTo(100L);
      }
      assertConnections(strategy, scheme, server.stats().minus(before));
    }
  }

  private static void assertConnections(Strategy strategy, String scheme, ServerStats delta) {
    long expected = switch (strategy) {
      case reuse, shared_pool -> 1;
      case new_client, no_keepalive -> CALLS;
    };
    assertThat(delta.requests()).isEqualTo(CALLS);
    if ("https".equals(scheme)) {
      assertThat(delta.httpsConnections()).as("https connections").isEqualTo(expected);
      assertThat(delta.tlsHandshakes()).as("TLS handshakes").isEqualTo(expected);
      assertThat(delta.httpConnections()).isZero();
    } else {
      assertThat(delta.httpConnections()).as("http connections").isEqualTo(expected);
      assertThat(delta.tlsHandshakes()).isZero();
    }
  }

  @Test
  void theJdkClientRefusesASharedPoolInOneClearLine() {
    try (ClientLibrary library = ClientKind.jdk.open(ClientOptions.defaults(Servers.trust(server)))) {
      assertThatThrownBy(() -> Strategy.shared_pool.open(ClientKind.jdk, library))
          .isInstanceOf(UnsupportedCombinationException.class)
          .hasMessage("unsupported: client=jdk strategy=shared_pool: java.net.http.HttpClient keeps its "
              + "connection pool inside each client and cannot share it between clients");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void redirectsAreFollowedToTheFinalBody(ClientKind kind) throws Exception {
    try (ClientLibrary library = kind.open(ClientOptions.defaults(Servers.trust(server)));
        Client client = Strategy.reuse.open(kind, library)) {
      assertThat(client.call(Request.get(server.baseUri("http"), "/redirect/3"))).isEqualTo("redirected\n".length());
    }
  }

  static Stream<ClientKind> kinds() {
    return Stream.of(ClientKind.values());
  }
}
