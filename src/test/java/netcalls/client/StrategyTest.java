package netcalls.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import netcalls.server.ServerStats;
import netcalls.testing.Combos;
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
    return Combos.clientStrategySchemes(c -> true);
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("supported")
  void blockingCallsReadTheBodyAndUseConnectionsAsTheStrategySays(ClientKind kind, Strategy strategy, String scheme)
      throws Exception {
    Request request = Request.get(server.baseUri(scheme), "/bytes/3000");
    ServerStats before = server.stats();
    try (ClientLibrary library = kind.open(ClientOptions.defaults(Servers.trust(server)));
        Client client = strategy.open(kind, library)) {
      PreparedRequest prepared = client.prepare(request);
      for (int i = 0; i < CALLS; i++) {
        assertThat(client.call(prepared)).isEqualTo(3000);
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
      PreparedRequest prepared = client.prepare(request);
      for (int i = 0; i < CALLS; i++) {
        assertThat(client.callAsync(prepared).get()).isEqualTo(100L);
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

  static Stream<Arguments> unsupported() {
    return Combos.refusedStrategies();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("unsupported")
  void anUnsupportedCombinationIsRefusedInOneClearLine(ClientKind kind, Strategy strategy) {
    try (ClientLibrary library = kind.open(ClientOptions.defaults(Servers.trust(server)))) {
      assertThatThrownBy(() -> strategy.open(kind, library))
          .isInstanceOf(UnsupportedCombinationException.class)
          .hasMessage("unsupported: client=" + kind + " strategy=" + strategy + ": " + kind.capabilities().refusedStrategies().get(strategy))
          .hasMessageNotContaining("\n");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void aRequestPreparedForAnotherClientIsRefused(ClientKind kind) throws Exception {
    ClientKind other = ClientKind.values()[(kind.ordinal() + 1) % ClientKind.values().length];
    try (ClientLibrary mine = kind.open(ClientOptions.defaults(Servers.trust(server)));
        ClientLibrary theirs = other.open(ClientOptions.defaults(Servers.trust(server)));
        Client client = Strategy.reuse.open(kind, mine);
        Client noKeepAlive = Strategy.no_keepalive.open(kind, mine);
        Client foreign = Strategy.reuse.open(other, theirs)) {
      Request request = Request.get(server.baseUri("http"), "/bytes/1");
      if (other != kind) {
        assertThatThrownBy(() -> client.call(foreign.prepare(request)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prepare each request with the client");
      }
      // the other keep-alive mode would send the wrong Connection header
      assertThatThrownBy(() -> client.call(noKeepAlive.prepare(request)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prepare each request with the client");
      assertThat(client.call(client.prepare(request))).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void redirectsAreFollowedToTheFinalBody(ClientKind kind) throws Exception {
    try (ClientLibrary library = kind.open(ClientOptions.defaults(Servers.trust(server)));
        Client client = Strategy.reuse.open(kind, library)) {
      PreparedRequest redirected = client.prepare(Request.get(server.baseUri("http"), "/redirect/3"));
      assertThat(client.call(redirected)).isEqualTo("redirected\n".length());
    }
  }

  static Stream<ClientKind> kinds() {
    return Stream.of(ClientKind.values());
  }
}
