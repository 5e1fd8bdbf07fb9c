package netcalls.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import netcalls.client.Calls;
import netcalls.client.Client;
import netcalls.client.ClientKind;
import netcalls.client.PreparedRequest;
import netcalls.client.Protocol;
import netcalls.client.Request;
import netcalls.client.Strategy;
import netcalls.run.Leg;
import netcalls.server.TargetServer;
import netcalls.trace.CallSite;
import netcalls.trace.SampleRecorder;
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
 * Paired-request latency, the blog's python.org + mozilla.org pair: two GETs to two backends whose
 * responses are delayed by the two values of {@code delays} (ms, scheduled by the server, never by
 * a sleeping thread). {@code sequential} makes the blocking calls one after the other (total near
 * the sum), {@code concurrent} puts both in flight through each library's async API (total near
 * the larger delay).
 *
 * <p>With {@code hosts=2} (the default) each backend is its own built-in server on its own port, so
 * the two legs use two connections, as two hosts would. With {@code hosts=1} both legs go to one
 * backend: over HTTP/1.1 {@code concurrent} still needs two connections (one request in flight on
 * each), while over HTTP/2 ({@code -p protocol=h2 -p scheme=https}, or {@code h2c} over http) a
 * {@code reuse} client multiplexes both legs as two streams of one connection. Samples carry each
 * leg ({@link Leg#a}, {@link Leg#b}) and the pair's total ({@link Leg#pair}, a row of its own with
 * the same operation number).
 *
 * <p>Run the blog's scenario: {@code java -jar target/benchmarks.jar PairedLatency -p delays=50,75}.
 * Expect sequential near 125 ms and concurrent near 75 ms, plus connect costs for {@code new_client}.
 */
@State(Scope.Benchmark)
public class PairedLatency extends BenchDefaults {

  @Param
  public ClientKind client;

  @Param
  public Strategy strategy;

  @Param({"http"})
  public String scheme;

  /** h1, h2 (needs https) or h2c (needs http); h1 only by default, see docs/HTTP2.md. */
  @Param({"h1"})
  public String protocol;

  /** Backends the two legs go to: 2 (one each, as two hosts) or 1 (both legs to one, to multiplex over HTTP/2). */
  @Param({"2"})
  public int hosts;

  /**
   * Server-side delays of the two legs, in milliseconds, as {@code A:B}. (JMH splits {@code -p}
   * values at commas; the launcher turns {@code -p delays=50,75} into {@code 50:75}.)
   */
  @Param({"20:30"})
  public String delays;

  @Param({"on"})
  public String trace;

  private ClientTrial trial;
  private SampleRecorder recorder;
  private Client http;
  private PreparedRequest a;
  private PreparedRequest b;
  private final CallSite pair = CallSite.pair();
  private Duration limit;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws IOException {
    long[] ms = parseDelays(delays);
    if (hosts != 1 && hosts != 2) {
      throw new IllegalArgumentException("hosts=" + hosts + ": give 1 (both legs to one backend) or 2 (one backend each)");
    }
    Protocol spoken = Protocol.parse(protocol);
    trial = ClientTrial.open(scheme, spoken, hosts, trace, params, client, strategy, o -> o);
    recorder = trial.recorder();
    http = trial.http;
    limit = trial.options.callTimeout();
    a = http.prepare(Request.get(trial.target.base(0), trial.target.label(), "/delay/" + ms[0]).withLeg(Leg.a));
    b = http.prepare(Request.get(trial.target.base(hosts - 1), trial.target.label(), "/delay/" + ms[1]).withLeg(Leg.b));
    // both legs must succeed before anything is measured
    http.call(a);
    http.call(b);
    trial.target.checkSpoken(spoken);
    warmUp(params.getBenchmark().endsWith(".concurrent"));
  }

  /** Most undelayed pairs made at setup, and the most time they may take. */
  static final int WARM_PAIRS = 2_000;
  static final long WARM_BUDGET_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

  /**
   * Delayed pairs run some 20 times a second, so JMH's warmup alone left the client's call path in the
   * interpreter, which added about 2 ms to every delayed call (README, "Where a delay's extra milliseconds
   * go"). Undelayed pairs to the same servers, made as the benchmark makes them, let the JIT compile it first:
   * up to {@link #WARM_PAIRS} within {@link #WARM_BUDGET_NANOS} (a strategy that connects per call gets
   * fewer). Not recorded: samples are stored for measured iterations only.
   */
  private void warmUp(boolean async) throws IOException {
    PreparedRequest a0 = http.prepare(Request.get(trial.target.base(0), trial.target.label(), "/delay/0").withLeg(Leg.a));
    PreparedRequest b0 = http.prepare(Request.get(trial.target.base(hosts - 1), trial.target.label(), "/delay/0").withLeg(Leg.b));
    long end = System.nanoTime() + WARM_BUDGET_NANOS;
    for (int i = 0; i < WARM_PAIRS && System.nanoTime() - end < 0; i++) {
      if (async) {
        CompletableFuture<Long> first = http.callAsync(a0);
        CompletableFuture<Long> second = http.callAsync(b0);
        Calls.await(first, limit);
        Calls.await(second, limit);
      } else {
        http.call(a0);
        http.call(b0);
      }
    }
  }

  static long[] parseDelays(String value) {
    String[] parts = value.split("[:,]");
    if (parts.length != 2) {
      throw new IllegalArgumentException("delays=" + value + ": give two delays in ms, e.g. -p delays=50:75");
    }
    long[] ms = new long[2];
    for (int i = 0; i < 2; i++) {
      try {
        ms[i] = Long.parseLong(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("delays=" + value + ": '" + parts[i] + "' is not a whole number of ms");
      }
      if (ms[i] < 0) {
        throw new IllegalArgumentException("delays=" + value + ": delays cannot be negative");
      }
    }
    return ms;
  }

  @Setup(Level.Iteration)
  public void iteration(IterationParams iteration) {
    trial.iteration(iteration);
  }

  @Benchmark
  public long sequential() throws IOException {
    long seq = recorder == null ? 0 : recorder.beginPair();
    long start = System.nanoTime();
    Throwable error = null;
    try {
      return http.call(a) + http.call(b);
    } catch (IOException | RuntimeException e) {
      error = e;
      throw e;
    } finally {
      if (recorder != null) {
        recorder.finishPair(seq, pair, start, System.nanoTime(), error);
      }
    }
  }

  @Benchmark
  public long concurrent() throws IOException {
    long seq = recorder == null ? 0 : recorder.beginPair();
    long start = System.nanoTime();
    Throwable error = null;
    try {
      CompletableFuture<Long> first = http.callAsync(a);
      CompletableFuture<Long> second = http.callAsync(b);
      return Calls.await(first, limit) + Calls.await(second, limit);
    } catch (IOException | RuntimeException e) {
      error = e;
      throw e;
    } finally {
      if (recorder != null) {
        recorder.finishPair(seq, pair, start, System.nanoTime(), error);
      }
    }
  }

  /** The built-in server of a backend (0 or 1), for tests that read its counts; null for an external target. */
  TargetServer server(int backend) {
    return trial.target.server(backend);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    trial.close();
  }
}
