package netcalls.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import netcalls.client.Calls;
import netcalls.client.Client;
import netcalls.client.ClientKind;
import netcalls.client.ClientLibrary;
import netcalls.client.ClientOptions;
import netcalls.client.PreparedRequest;
import netcalls.client.Request;
import netcalls.client.Servers;
import netcalls.client.Strategy;
import netcalls.run.Leg;
import netcalls.server.TargetServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The blog's point, as behaviour: two delayed calls one after the other take about the sum of the
 * delays; both in flight take about the larger one. Bounds are loose on purpose (noisy machine).
 */
class PairedTest {
  private static final long A_MS = 200;
  private static final long B_MS = 300;
  private static TargetServer first;
  private static TargetServer second;

  @BeforeAll
  static void start() {
    first = Servers.start();
    second = Servers.start();
  }

  @AfterAll
  static void stop() {
    first.close();
    second.close();
  }

  static Stream<ClientKind> kinds() {
    return Stream.of(ClientKind.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void concurrentTakesAboutTheMaxSequentialAboutTheSum(ClientKind kind) throws Exception {
    try (ClientLibrary library = kind.open(ClientOptions.defaults(Servers.trust(first)));
        Client client = Strategy.reuse.open(kind, library)) {
      PreparedRequest a = client.prepare(Request.get(first.baseUri("http"), "/delay/" + A_MS).withLeg(Leg.a));
      PreparedRequest b = client.prepare(Request.get(second.baseUri("http"), "/delay/" + B_MS).withLeg(Leg.b));
      client.call(a);
      client.call(b);
      long t0 = System.nanoTime();
      client.call(a);
      client.call(b);
      long sequentialMs = (System.nanoTime() - t0) / 1_000_000;
      t0 = System.nanoTime();
      CompletableFuture<Long> fa = client.callAsync(a);
      CompletableFuture<Long> fb = client.callAsync(b);
      Calls.await(fa, java.time.Duration.ofSeconds(10));
      Calls.await(fb, java.time.Duration.ofSeconds(10));
      long concurrentMs = (System.nanoTime() - t0) / 1_000_000;
      assertThat(sequentialMs).isGreaterThanOrEqualTo(A_MS + B_MS);
      assertThat(concurrentMs).isGreaterThanOrEqualTo(B_MS).isLessThan(A_MS + B_MS).isLessThan(sequentialMs);
    }
  }

  @org.junit.jupiter.api.Test
  void delaysAreParsedWithClearErrors() {
    assertThat(PairedLatency.parseDelays("50:75")).containsExactly(50, 75);
    assertThat(PairedLatency.parseDelays("50, 75")).containsExactly(50, 75);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PairedLatency.parseDelays("50"))
        .hasMessageContaining("-p delays=50:75");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PairedLatency.parseDelays("50,x"))
        .hasMessageContaining("'x' is not a whole number");
  }
}
