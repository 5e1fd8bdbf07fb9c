package netcalls.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import netcalls.client.ClientKind;
import netcalls.client.Combinations;
import netcalls.client.Protocol;
import netcalls.client.Strategy;
import netcalls.server.ServerStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * PairedLatency itself, set up as JMH would (trace off) against its own built-in server: with
 * {@code hosts=1} over HTTP/2, {@code concurrent} puts both legs on one connection as two streams,
 * which the server counts; over HTTP/1.1 the same pair needs two connections.
 */
class PairedMultiplexTest {
  private static final int PAIRS = 3;

  static Stream<Arguments> http2() {
    List<Arguments> all = new ArrayList<>();
    for (ClientKind c : ClientKind.values()) {
      for (Protocol p : List.of(Protocol.h2, Protocol.h2c)) {
        if (Combinations.supported(c, Strategy.reuse, p)) {
          all.add(Arguments.of(c, p));
        }
      }
    }
    return all.stream();
  }

  @Test
  void okHttpIsAmongThem() {
    assertThat(http2()).extracting(a -> a.get()[0] + " " + a.get()[1]).contains("okhttp h2", "okhttp h2c");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("http2")
  void concurrentMultiplexesBothLegsOnOneConnection(ClientKind kind, Protocol protocol) throws Exception {
    PairedLatency bench = paired(kind, protocol, 1);
    bench.setUp(params(bench));
    try {
      // setup makes one checked pair, then warm-up pairs: count from what setup left behind
      ServerStats before = bench.server(0).stats();
      long streamsBefore = protocol == Protocol.h2 ? before.h2Streams() : before.h2cStreams();
      assertThat(streamsBefore).as("setup's pairs are streams too").isGreaterThanOrEqualTo(2).isEven();
      for (int i = 0; i < PAIRS; i++) {
        assertThat(bench.concurrent()).isEqualTo(32); // the two legs' 16-byte bodies
      }
      ServerStats s = bench.server(0).stats();
      long connections = protocol == Protocol.h2 ? s.h2Connections() : s.h2cConnections();
      long streams = protocol == Protocol.h2 ? s.h2Streams() : s.h2cStreams();
      assertThat(connections).as("one connection for the whole trial, warm-up included").isEqualTo(1);
      assertThat(streams - streamsBefore).as("two streams per measured pair").isEqualTo(2 * PAIRS);
      assertThat(s.http1Connections()).isZero();
      assertThat(s.requests() - before.requests()).isEqualTo(2 * PAIRS);
      // streams alone do not prove concurrency: a client could open the second only after the first answer
      assertThat(s.minus(before).delaysOverlapped()).as("both legs pending at the server at once, every pair")
          .isEqualTo(PAIRS);
    } finally {
      bench.tearDown();
    }
  }

  @Test
  void overHttp11TheSamePairNeedsTwoConnections() throws Exception {
    PairedLatency bench = paired(ClientKind.okhttp, Protocol.h1, 1);
    bench.setUp(params(bench));
    try {
      ServerStats before = bench.server(0).stats();
      for (int i = 0; i < PAIRS; i++) {
        bench.concurrent();
      }
      ServerStats s = bench.server(0).stats();
      assertThat(s.minus(before).delaysOverlapped()).as("both legs pending at once, every pair").isEqualTo(PAIRS);
      assertThat(s.http1Connections()).isEqualTo(2);
      assertThat(s.h2Streams() + s.h2cStreams()).isZero();
    } finally {
      bench.tearDown();
    }
  }

  @Test
  void aMismatchOrAnUnspokenProtocolIsRefusedBeforeAnyCall() {
    PairedLatency wrongScheme = paired(ClientKind.okhttp, Protocol.h2, 1);
    wrongScheme.scheme = "http";
    assertThatThrownBy(() -> wrongScheme.setUp(params(wrongScheme))).hasMessageStartingWith("h2 needs https");
    PairedLatency hosts = paired(ClientKind.okhttp, Protocol.h2, 3);
    assertThatThrownBy(() -> hosts.setUp(params(hosts))).hasMessageStartingWith("hosts=3: give 1");
    PairedLatency noKeepAlive = paired(ClientKind.okhttp, Protocol.h2c, 1);
    noKeepAlive.strategy = Strategy.no_keepalive;
    assertThatThrownBy(() -> noKeepAlive.setUp(params(noKeepAlive))).hasMessageContaining("use new_client");
  }

  private static PairedLatency paired(ClientKind kind, Protocol protocol, int hosts) {
    PairedLatency bench = new PairedLatency();
    bench.client = kind;
    bench.strategy = Strategy.reuse;
    bench.protocol = protocol.name();
    bench.scheme = protocol == Protocol.h2 ? "https" : "http";
    bench.hosts = hosts;
    // long enough that a leg held back by Nagle's algorithm (OkHttp leaves it on) until the server's delayed
    // ACK (40 ms) still reaches the server while the other is pending: the overlap is the client's, not luck
    bench.delays = "250:250";
    bench.trace = "off";
    return bench;
  }

  /** What JMH hands a trial's setup; only the parameters matter here. */
  private static BenchmarkParams params(PairedLatency bench) {
    WorkloadParams w = new WorkloadParams();
    w.put("client", bench.client.name(), 0);
    w.put("strategy", bench.strategy.name(), 1);
    w.put("protocol", bench.protocol, 2);
    w.put("scheme", bench.scheme, 3);
    w.put("hosts", String.valueOf(bench.hosts), 4);
    IterationParams once = new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.seconds(1), 1);
    return new BenchmarkParams(PairedLatency.class.getName() + ".concurrent", "generated", false, 1, new int[] {1},
        List.of(), 0, 0, once, once, Mode.SampleTime, w, TimeUnit.MILLISECONDS, 1, "java", List.of(),
        "17", "vm", "17", "1.37", TimeValue.minutes(1));
  }
}
