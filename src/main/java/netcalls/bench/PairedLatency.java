package netcalls.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import netcalls.client.Calls;
import netcalls.client.Client;
import netcalls.client.ClientKind;
import netcalls.client.PreparedRequest;
import netcalls.client.Protocol;
import netcalls.client.Strategy;
import netcalls.run.Leg;
import netcalls.run.UserRequests;
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
 * <p>With the launcher's {@code --pair URL_A URL_B} ({@link #endpoint}) the legs are exactly those
 * two URLs instead, the blog's experiment against the real sites.
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

  /**
   * {@value UserRequests#BUILTIN}: two built-in servers delayed by {@link #delays}. Else the two
   * labels of the launcher's {@code --pair} joined by {@value UserRequests#PAIR_JOIN}: exactly those
   * two URLs (the blog's python.org + mozilla.org), each leg checked to answer 2xx with its whole
   * body read; {@code delays} is unused ({@code none}).
   */
  @Param({UserRequests.BUILTIN})
  public String endpoint = UserRequests.BUILTIN; // JMH sets it; a test that builds the benchmark gets the built-in paths

  private ClientTrial trial;
  private SampleRecorder recorder;
  private Client http;
  private PreparedRequest a;
  private PreparedRequest b;
  private final CallSite pair = CallSite.pair();
  private Duration limit;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws IOException {
    boolean builtin = UserRequests.BUILTIN.equals(endpoint);
    long[] ms = builtin ? parseDelays(delays) : null;
    String[] labels = builtin ? null : parseLabels(endpoint);
    if (hosts != 1 && hosts != 2) {
      throw new IllegalArgumentException("hosts=" + hosts + ": give 1 (both legs to one backend) or 2 (one backend each)");
    }
    Protocol spoken = Protocol.parse(protocol);
    trial = ClientTrial.open(scheme, spoken, hosts, trace, params, client, strategy, o -> o);
    recorder = trial.recorder();
    http = trial.http;
    limit = trial.options.callTimeout();
    Target t = trial.target;
    a = http.prepare((builtin ? t.builtin(0, "/delay/" + ms[0]) : t.url(labels[0])).withLeg(Leg.a));
    b = http.prepare((builtin ? t.builtin(hosts - 1, "/delay/" + ms[1]) : t.url(labels[1])).withLeg(Leg.b));
    // both legs must succeed before anything is measured
    http.call(a);
    http.call(b);
    trial.target.checkSpoken(spoken);
    warmUp(params.getBenchmark().endsWith(".concurrent"), builtin);
  }

  /**
   * Delayed pairs run some 20 times a second, so JMH's warmup alone left the client's call path in the
   * interpreter, which added about 2 ms to every delayed call (docs/FINDINGS.md, "Where a delay's extra
   * milliseconds go"). Undelayed pairs to the same servers, made as the benchmark makes them, let the JIT
   * compile it first, until they are steady ({@link ClientTrial#warmUp}). Not recorded: samples are stored for
   * measured iterations only.
   */
  private void warmUp(boolean async, boolean builtin) throws IOException {
    Target t = trial.target;
    // the user's own URLs have no undelayed twin: they warm up on themselves
    PreparedRequest a0 = builtin ? http.prepare(t.builtin(0, "/delay/0").withLeg(Leg.a)) : a;
    PreparedRequest b0 = builtin ? http.prepare(t.builtin(hosts - 1, "/delay/0").withLeg(Leg.b)) : b;
    trial.warmUp(() -> {
      if (async) {
        CompletableFuture<Long> first = http.callAsync(a0);
        CompletableFuture<Long> second = http.callAsync(b0);
        Calls.await(first, limit);
        Calls.await(second, limit);
      } else {
        http.call(a0);
        http.call(b0);
      }
    });
  }

  static String[] parseLabels(String value) {
    String[] labels = value.split(Pattern.quote(UserRequests.PAIR_JOIN));
    if (labels.length != 2 || labels[0].isBlank() || labels[1].isBlank()) {
      throw new IllegalArgumentException("endpoint=" + value + ": give two labels of --pair URLs as A"
          + UserRequests.PAIR_JOIN + "B (the launcher does this for you with --pair)");
    }
    return labels;
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
