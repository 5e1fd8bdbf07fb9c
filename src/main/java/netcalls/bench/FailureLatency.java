package netcalls.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import netcalls.client.Client;
import netcalls.client.ClientKind;
import netcalls.client.ClientOptions;
import netcalls.client.PreparedRequest;
import netcalls.client.Request;
import netcalls.client.Strategy;
import netcalls.run.Scenario;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * Time to fail, and what each client throws: the blog's "need more exceptions", widened. Every
 * operation is a call that must fail, in one of the {@link Scenario}s; one that succeeds aborts the
 * trial, so a success is never timed as a failure. The exception class and its root cause of every
 * measured call land in the samples, and the launcher's summary counts them per client. The
 * client is {@code reuse}'s, with a 200 ms read timeout (and 1 s connect, 5 s call) for every library.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar FailureLatency} (about 2 minutes);
 * {@code -p scenario=unknown_host} for the blog's example.
 */
@State(Scope.Benchmark)
public class FailureLatency extends BenchDefaults {

  @Param
  public ClientKind client;

  @Param
  public Scenario scenario;

  private ClientTrial trial;
  private Client http;
  private PreparedRequest request;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws IOException {
    trial = ClientTrial.open("http", 1, "on", params, client, Strategy.reuse, FailureLatency::timeouts);
    http = trial.http;
    request = http.prepare(request(scenario, trial.target.base(0), trial.target.label()));
    fail(); // the scenario must fail before anything is measured
  }

  /**
   * The request that makes {@code scenario} happen against the server at {@code base}. An unknown
   * host is a name under {@code .invalid}, which never resolves (the JVM caches the negative answer,
   * so the resolver is asked about once per 10 s, not per call); a read timeout, a response delayed
   * ten times past it. Samples name the target {@code label}, or a stable name where the port is a throw-away one.
   */
  static Request request(Scenario scenario, URI base, String label) throws IOException {
    return switch (scenario) {
      case status_500 -> Request.get(base, label, "/status/500");
      case refused -> Request.get(URI.create("http://localhost:" + closedPort()), "localhost:closed-port", "/bytes/16");
      case unknown_host -> Request.get(URI.create("http://netcalls-unknown.invalid:" + base.getPort()),
          "netcalls-unknown.invalid", "/bytes/16");
      case read_timeout -> Request.get(base, label, "/delay/2000");
      case reset -> Request.get(base, label, "/reset");
    };
  }

  /** Timeouts short enough that each failure comes quickly; the same for every library. */
  static ClientOptions timeouts(ClientOptions o) {
    return o.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(5));
  }

  /** A loopback port that was just free: bound, then released. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    }
  }

  @Setup(Level.Iteration)
  public void iteration(IterationParams iteration) {
    trial.iteration(iteration);
  }

  /** Returns the exception class, so the JIT cannot drop the call. */
  @Benchmark
  public Class<?> fail() {
    long bytes;
    try {
      bytes = http.call(request);
    } catch (IOException | RuntimeException e) {
      return e.getClass();
    }
    throw new IllegalStateException("scenario " + scenario + " expected a failure, but " + request
        + " succeeded with " + bytes + " bytes");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    trial.close();
  }
}
