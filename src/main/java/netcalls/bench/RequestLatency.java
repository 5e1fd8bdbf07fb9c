package netcalls.bench;

import java.io.IOException;
import netcalls.client.Client;
import netcalls.client.ClientKind;
import netcalls.client.PreparedRequest;
import netcalls.client.Protocol;
import netcalls.client.Strategy;
import netcalls.run.UserRequests;
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
 * Per-request latency: one GET of {@code size} body bytes, read to the end and status-checked,
 * for each client library and connection-reuse strategy, over http and https.
 *
 * <p>A closed loop of one thread: the score is service time (how long one call takes), not latency
 * under load. Against the built-in server on loopback, started in this JVM at trial setup (or the
 * launcher's {@code --target}), or exactly a URL of the launcher's {@code --url} ({@link #endpoint}).
 * The library request is built at setup, outside the measured path.
 * With {@code trace=on} every measured call also leaves a phase sample (docs/SAMPLES.md);
 * {@code -p trace=on,off} measures what that costs.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar RequestLatency -p client=okhttp,jdk -p strategy=reuse}.
 * Expect {@code reuse} and {@code shared_pool} near each other and well below {@code new_client}
 * and {@code no_keepalive}, which pay a TCP (and TLS) connect on every call.
 */
@State(Scope.Benchmark)
public class RequestLatency extends BenchDefaults {

  @Param
  public ClientKind client;

  @Param
  public Strategy strategy;

  @Param({"http", "https"})
  public String scheme;

  /** h1, h2 (needs https) or h2c (needs http); h1 only by default, see docs/HTTP2.md. */
  @Param({"h1"})
  public String protocol;

  @Param({"1024"})
  public int size;

  @Param({"on"})
  public String trace;

  /**
   * {@value UserRequests#BUILTIN}: {@code /bytes/{size}} of the built-in server (or {@code --target}),
   * checked to be exactly {@code size} bytes. Else the label of a {@code --url}, set by the launcher:
   * exactly that URL, checked to answer 2xx with its whole body read; {@code size} is unused (0).
   */
  @Param({UserRequests.BUILTIN})
  public String endpoint = UserRequests.BUILTIN; // JMH sets it; a test that builds the benchmark gets the built-in paths

  private ClientTrial trial;
  private Client http;
  private PreparedRequest request;
  /** The body size every call must read, or -1 for a user's URL (any size; 2xx is checked by the client). */
  private long expected;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws IOException {
    Protocol spoken = Protocol.parse(protocol);
    trial = ClientTrial.open(scheme, spoken, 1, trace, params, client, strategy, o -> o);
    http = trial.http;
    boolean builtin = UserRequests.BUILTIN.equals(endpoint);
    expected = builtin ? size : -1;
    request = http.prepare(builtin ? trial.target.builtin(0, "/bytes/" + size) : trial.target.url(endpoint));
    // one real call must succeed before anything is measured
    check(http.call(request));
    trial.target.checkSpoken(spoken);
    trial.warmUp(() -> check(http.call(request)));
  }

  @Setup(Level.Iteration)
  public void iteration(IterationParams iteration) {
    trial.iteration(iteration);
  }

  @Benchmark
  public long request() throws IOException {
    return check(http.call(request));
  }

  private long check(long bytes) throws IOException {
    if (expected >= 0 && bytes != expected) {
      throw new IOException("expected " + expected + " body bytes from " + request + ", read " + bytes);
    }
    return bytes;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    trial.close();
  }
}
