package netcalls.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import netcalls.client.Client;
import netcalls.client.ClientKind;
import netcalls.client.PreparedRequest;
import netcalls.client.Strategy;
import netcalls.load.LoadOutcome;
import netcalls.load.LoadReport;
import netcalls.load.OpenLoop;
import netcalls.load.Schedule;
import netcalls.run.ForkProperties;
import netcalls.run.OpenLoopJson;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Latency under a constant request rate, without coordinated omission: {@code rate} GETs per
 * second for {@code seconds}, each sent at its intended start through the client's async API
 * (a slow response never delays the next send), optionally over at most {@code connections}
 * connections per host, latency counted from the intended start and the uncorrected service time beside it
 * (docs/OPENLOOP.md).
 *
 * <p>One invocation per iteration runs the whole schedule ({@link Mode#SingleShotTime}); warmup
 * iterations run it unrecorded. JMH's own score is that run's wall time and says little; the
 * results are the secondary metrics (µs, reported once per fork: the trial's measured iterations
 * merged) and the files {@code openloop/<trial>.json|.corrected.hgrm|.uncorrected.hgrm}. A trial
 * whose rate was not reached or whose failures exceeded {@code errorBudget} (percent) reports no
 * latency (NaN metrics, null percentiles) and says why. One fork is one replicate for compare.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar OpenLoopLatency -p client=okhttp -p strategy=reuse -p rate=500}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, batchSize = 1)
@Measurement(iterations = 1, batchSize = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djdk.httpclient.allowRestrictedHeaders=connection"})
@State(Scope.Benchmark)
public class OpenLoopLatency {

  @Param
  public ClientKind client;

  @Param
  public Strategy strategy;

  @Param({"http"})
  public String scheme;

  /** Intended requests per second. */
  @Param({"200"})
  public double rate;

  /**
   * Most connections (requests in flight) per host the client may have
   * ({@code ClientOptions.maxConnectionsPerHost}); 0 leaves each library its own default. The
   * default, 64, is one generous cap for all: left alone, OkHttp's dispatcher and HttpClient 5's
   * pool allow 5 per host while AsyncHttpClient allows any number. A cap is not the same thing in
   * every library (docs/OPENLOOP.md): the JDK client has none, so the generator holds it to this many
   * requests in flight (a request beyond waits on the sender); AsyncHttpClient blocks the sending
   * thread for a free connection and then fails.
   */
  @Param({"64"})
  public int connections;

  /** Length of each iteration's schedule, seconds. */
  @Param({"3"})
  public double seconds;

  @Param({"1024"})
  public int size;

  /** Per-request timeout (read and whole call), ms: a request slower than this fails. */
  @Param({"2000"})
  public long timeoutMs;

  /** Percent of the scheduled requests that may fail or time out before the trial's numbers are void. */
  @Param({"1"})
  public double errorBudget;

  @Param({"on"})
  public String trace;

  /**
   * {@code on}: the sender spins the last stretch before each send (at most 50 µs, at most a tenth of the period),
   * so the park's wake-up lag stays out of the corrected latency; {@code off} parks all the way, to measure that
   * floor (scripts/measure-generator-floor.sh).
   */
  @Param({"on"})
  public String spin;

  private ClientTrial trial;
  private Client http;
  private PreparedRequest request;
  private Schedule schedule;
  private Duration timeout;
  /** At most this many requests open at once, held by the generator; 0 when the library holds `connections`. */
  private int maxInFlight;
  private BenchmarkParams params;
  private boolean measuring;
  private boolean lastMeasured;
  private int measuredSetups;
  private LoadOutcome measured;

  /**
   * The trial's results as JMH secondary metrics. JMH sums counters over iterations and over forks,
   * so they are set on the last measured iteration only (from the merged outcome), divided by the
   * number of forks: the score JMH prints is then the mean over forks (and NaN when any fork's load
   * was not valid). A fork's own values are in its openloop/ JSON.
   */
  @AuxCounters(AuxCounters.Type.EVENTS)
  @State(Scope.Thread)
  public static class Metrics {
    public double intendedRate;
    public double achievedRate;
    public double failed;
    public double valid;
    public double coresUsed;
    public double correctedP50Us;
    public double correctedP90Us;
    public double correctedP99Us;
    public double correctedP999Us;
    public double correctedP9999Us;
    public double correctedMaxUs;
    public double uncorrectedP50Us;
    public double uncorrectedP99Us;
    public double uncorrectedMaxUs;
  }

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws IOException {
    this.params = params;
    if (connections < 0) {
      throw new IllegalArgumentException("connections=" + connections + ": give 0 (the library's default) or more");
    }
    if (!(errorBudget >= 0 && errorBudget <= 100)) {
      throw new IllegalArgumentException("errorBudget=" + errorBudget + ": give a percent from 0 to 100");
    }
    if (timeoutMs < 1) {
      throw new IllegalArgumentException("timeoutMs=" + timeoutMs + ": give a timeout of 1 ms or more");
    }
    if (!spin.equals("on") && !spin.equals("off")) {
      throw new IllegalArgumentException("spin=" + spin + ": give on or off");
    }
    schedule = Schedule.constantRate(rate, Duration.ofNanos(Math.round(seconds * 1e9)));
    timeout = Duration.ofMillis(timeoutMs);
    trial = ClientTrial.open(scheme, 1, trace, params, client, strategy,
        o -> o.withTimeouts(o.connectTimeout(), timeout, timeout).withMaxConnectionsPerHost(connections));
    http = trial.http;
    // a library without a per-host cap (the JDK's) is held to `connections` by the generator instead
    maxInFlight = client.capabilities().capsConnectionsPerHost() ? 0 : connections;
    request = http.prepare(trial.target.builtin(0, "/bytes/" + size));
    // one real call must succeed before anything is scheduled
    if (http.call(request) != size) {
      throw new IOException("expected " + size + " body bytes from " + request);
    }
  }

  @Setup(Level.Iteration)
  public void iteration(IterationParams iteration) {
    trial.iteration(iteration);
    measuring = iteration.getType() == IterationType.MEASUREMENT;
    if (measuring) {
      measuredSetups++;
      lastMeasured = measuredSetups == iteration.getCount();
    }
  }

  @Benchmark
  public LoadOutcome run(Metrics metrics) throws InterruptedException {
    LoadOutcome o = OpenLoop.run(schedule, this::send, timeout, maxInFlight, spin.equals("on"));
    if (measuring) {
      measured = measured == null ? o : measured.plus(o);
      if (lastMeasured) {
        fill(metrics, measured);
      }
    }
    return o;
  }

  private CompletableFuture<Long> send() {
    return http.callAsync(request).thenApply(bytes -> {
      if (bytes != size) {
        // a short body is a failed request, never a completed one
        throw new CompletionException(new IOException("expected " + size + " body bytes, read " + bytes));
      }
      return bytes;
    });
  }

  private void fill(Metrics m, LoadOutcome o) {
    boolean valid = o.problems(errorBudget / 100).isEmpty();
    double share = 1.0 / Math.max(1, params.getForks());
    m.intendedRate = share * (o.intendedRate());
    m.achievedRate = share * (o.achievedRate());
    m.failed = share * (o.failed());
    m.valid = share * (valid ? 1 : 0);
    m.coresUsed = share * (o.coresUsed());
    Map<String, Double> c = LoadOutcome.percentilesMicros(o.corrected());
    Map<String, Double> u = LoadOutcome.percentilesMicros(o.uncorrected());
    m.correctedP50Us = share * (valid ? c.get("p50") : Double.NaN);
    m.correctedP90Us = share * (valid ? c.get("p90") : Double.NaN);
    m.correctedP99Us = share * (valid ? c.get("p99") : Double.NaN);
    m.correctedP999Us = share * (valid ? c.get("p99.9") : Double.NaN);
    m.correctedP9999Us = share * (valid ? c.get("p99.99") : Double.NaN);
    m.correctedMaxUs = share * (valid ? c.get("max") : Double.NaN);
    m.uncorrectedP50Us = share * (valid ? u.get("p50") : Double.NaN);
    m.uncorrectedP99Us = share * (valid ? u.get("p99") : Double.NaN);
    m.uncorrectedMaxUs = share * (valid ? u.get("max") : Double.NaN);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    try {
      if (measured != null) {
        report(measured);
      }
    } finally {
      trial.close();
    }
  }

  private void report(LoadOutcome o) {
    Map<String, String> values = new TreeMap<>();
    for (String key : params.getParamsKeys()) {
      values.put(key, params.getParam(key));
    }
    // the name of the trial's sample files (Tracing), so openloop/ and samples/ pair up
    String name = "OpenLoopLatency.run-" + hash(values.toString()) + "-" + ProcessHandle.current().pid();
    Map<String, Object> describe = new LinkedHashMap<>();
    describe.put("benchmark", params.getBenchmark());
    describe.put("params", values);
    describe.put(OpenLoopJson.MEASURED_RUNS, measuredSetups);
    if (spin.equals("off")) {
      describe.put(OpenLoopJson.SPIN_US, 0.0);
    }
    describe.put(OpenLoopJson.SERVER, ForkProperties.fromSystemProperties().target() == null ? "built-in, this JVM"
        : ForkProperties.fromSystemProperties().target());
    List<String> problems = o.problems(errorBudget / 100);
    // said plainly in the JMH log too, beside the secondary metrics
    System.out.println(problems.isEmpty()
        ? String.format("open loop: %.1f of %.1f requests/s, %d failed", o.achievedRate(), o.intendedRate(), o.failed())
        : "open loop: NO LATENCY REPORTED for this trial: " + String.join("; ", problems));
    try {
      LoadReport.write(ForkProperties.fromSystemProperties().runFolder(), name, o, errorBudget / 100, describe);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the open-loop results of " + name + ": check that the results"
          + " folder is writable", e);
    }
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
