package netcalls.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import netcalls.client.Combinations;
import netcalls.server.ServerStats;
import netcalls.testing.Combos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every client × protocol either speaks that protocol to the built-in server, which counts the
 * connections and streams of each protocol separately (so a library that fell back to HTTP/1.1
 * would fail here), or is refused in one line with its reason.
 */
class ProtocolTest extends ServerTest {
  private static final int CALLS = 4;

  static Stream<Arguments> spoken() {
    List<Arguments> all = Combos.clientProtocolSchemes().toList();
    return all.stream();
  }

  static Stream<Arguments> http2() {
    return spoken().filter(a -> ((Protocol) a.get()[1]).isHttp2());
  }

  private static ClientOptions options(Protocol protocol) {
    return ClientOptions.defaults(Servers.trust(server)).withProtocol(protocol);
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("spoken")
  void reuseSpeaksTheProtocolOnOneConnection(ClientKind kind, Protocol protocol, String scheme) throws Exception {
    Request request = Request.get(server.baseUri(scheme), "/bytes/2000");
    ServerStats before = server.stats();
    try (ClientLibrary library = kind.open(options(protocol));
        Client client = Strategy.reuse.open(kind, library)) {
      PreparedRequest prepared = client.prepare(request);
      for (int i = 0; i < CALLS; i++) {
        assertThat(client.call(prepared)).isEqualTo(2000);
      }
      for (int i = 0; i < CALLS; i++) {
        assertThat(client.callAsync(prepared).get()).isEqualTo(2000L);
      }
    }
    assertCounts(protocol, scheme, server.stats().minus(before), 1, 2 * CALLS);
  }

  static Stream<Arguments> http2Strategies() {
    List<Arguments> all = new ArrayList<>();
    http2().forEach(a -> {
      for (Strategy s : Strategy.values()) {
        if (Combinations.supported((ClientKind) a.get()[0], s, (Protocol) a.get()[1])) {
          all.add(Arguments.of(a.get()[0], a.get()[1], a.get()[2], s));
        }
      }
    });
    return all.stream();
  }

  /** reuse and shared_pool: one connection carries every call as a stream; new_client: a connection per call. */
  @ParameterizedTest(name = "{0} {1} {2} {3}")
  @MethodSource("http2Strategies")
  void overHttp2TheStrategyDecidesTheConnectionsNotTheStreams(ClientKind kind, Protocol protocol, String scheme,
      Strategy strategy) throws Exception {
    Request request = Request.get(server.baseUri(scheme), "/bytes/10");
    ServerStats before = server.stats();
    try (ClientLibrary library = kind.open(options(protocol));
        Client client = strategy.open(kind, library)) {
      PreparedRequest prepared = client.prepare(request);
      for (int i = 0; i < CALLS; i++) {
        assertThat(client.call(prepared)).isEqualTo(10);
      }
    }
    long connections = strategy == Strategy.new_client ? CALLS : 1;
    assertCounts(protocol, scheme, server.stats().minus(before), connections, CALLS);
  }

  /** The server's delays and errors behave over HTTP/2 as over HTTP/1.1: same handler, every path. */
  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("http2")
  void everyPathIsServedOverHttp2(ClientKind kind, Protocol protocol, String scheme) throws Exception {
    try (ClientLibrary library = kind.open(options(protocol));
        Client client = Strategy.reuse.open(kind, library)) {
      assertThat(client.call(client.prepare(Request.get(server.baseUri(scheme), "/delay/5?size=7")))).isEqualTo(7);
      assertThat(client.call(client.prepare(Request.get(server.baseUri(scheme), "/redirect/2"))))
          .isEqualTo("redirected\n".length());
      assertThat(client.call(client.prepare(Request.get(server.baseUri(scheme), "/status/204")))).isZero();
      PreparedRequest missing = client.prepare(Request.get(server.baseUri(scheme), "/status/503"));
      assertThatThrownBy(() -> client.call(missing)).isInstanceOf(HttpStatusException.class);
    }
  }

  private static void assertCounts(Protocol protocol, String scheme, ServerStats delta, long connections, long requests) {
    assertThat(delta.requests()).as("requests").isEqualTo(requests);
    long tcp = "https".equals(scheme) ? delta.httpsConnections() : delta.httpConnections();
    assertThat(tcp).as(scheme + " connections").isEqualTo(connections);
    assertThat(delta.tlsHandshakes()).as("TLS handshakes").isEqualTo("https".equals(scheme) ? connections : 0);
    long h1 = protocol == Protocol.h1 ? connections : 0;
    long h2 = protocol == Protocol.h2 ? connections : 0;
    long h2c = protocol == Protocol.h2c ? connections : 0;
    assertThat(delta.http1Connections()).as("HTTP/1.1 connections").isEqualTo(h1);
    assertThat(delta.h2Connections()).as("h2 connections").isEqualTo(h2);
    assertThat(delta.h2cConnections()).as("h2c connections").isEqualTo(h2c);
    assertThat(delta.h2Streams()).as("h2 streams").isEqualTo(protocol == Protocol.h2 ? requests : 0);
    assertThat(delta.h2cStreams()).as("h2c streams").isEqualTo(protocol == Protocol.h2c ? requests : 0);
  }

  static Stream<Arguments> refused() {
    return Combos.clientProtocols(false);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("refused")
  void aProtocolALibraryCannotSpeakIsRefusedInOneLine(ClientKind kind, Protocol protocol) {
    assertThatThrownBy(() -> kind.open(options(protocol)))
        .isInstanceOf(UnsupportedCombinationException.class)
        .hasMessage("unsupported: client=" + kind + " protocol=" + protocol + ": " + kind.capabilities().refusedProtocols().get(protocol))
        .hasMessageNotContaining("\n");
  }

  @Test
  void theRefusalsAreTheOnesTheLibrariesReallyHave() {
    // the five libraries' own limits; a sixth client brings its own and changes nothing here
    assertThat(refused().map(a -> a.get()[0] + " " + a.get()[1]))
        .contains("ahc h2", "ahc h2c", "jdk h2c", "hc5 h2", "hc5 h2c")
        .doesNotContain("okhttp h1", "okhttp h2", "okhttp h2c", "jetty h2", "jetty h2c", "jdk h2", "ahc h1", "hc5 h1");
    assertThat(ClientKind.jdk.capabilities().refusedProtocols().get(Protocol.h2c)).contains("prior knowledge");
  }

  static Stream<Arguments> http2Kinds() {
    return http2().map(a -> Arguments.of(a.get()[0], a.get()[1])).distinct();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("http2Kinds")
  void noKeepAliveIsRefusedOverHttp2ForEveryClient(ClientKind kind, Protocol protocol) {
    try (ClientLibrary library = kind.open(options(protocol))) {
      assertThat(Combinations.of(kind, Strategy.no_keepalive, protocol).why()).contains("use new_client");
      assertThatThrownBy(() -> Strategy.no_keepalive.open(kind, library))
          .isInstanceOf(UnsupportedCombinationException.class)
          .hasMessage("unsupported: strategy=no_keepalive protocol=" + protocol + ": " + Protocol.NO_CONNECTION_CLOSE);
    }
  }

  @Test
  void schemesAndProtocolsMustAgree() {
    assertThat(Protocol.h1.unsupported("http")).isNull();
    assertThat(Protocol.h1.unsupported("https")).isNull();
    assertThat(Protocol.h2.unsupported("https")).isNull();
    assertThat(Protocol.h2c.unsupported("http")).isNull();
    assertThat(Protocol.h2.unsupported("http")).isEqualTo(
        "h2 needs https, not http: give -p scheme=https (h2c is HTTP/2 over http)");
    assertThat(Protocol.h2c.unsupported("https")).contains("give -p scheme=http");
    assertThatThrownBy(() -> Protocol.parse("h3")).hasMessage("unknown protocol 'h3': use one of [h1, h2, h2c]");
  }
}
