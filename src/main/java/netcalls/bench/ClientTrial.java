package netcalls.bench;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import netcalls.client.Client;
import netcalls.client.ClientKind;
import netcalls.client.ClientLibrary;
import netcalls.client.ClientOptions;
import netcalls.client.Injected;
import netcalls.client.Protocol;
import netcalls.client.Strategy;
import netcalls.run.ForkProperties;
import java.util.concurrent.TimeUnit;
import netcalls.steady.WarmupRule;
import netcalls.trace.SampleRecorder;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What an HTTP benchmark holds for one trial, opened at setup and closed at teardown in reverse
 * order: the target servers, the samples, the client library and the strategy's client. What the
 * launcher told the fork ({@link ForkProperties}) is read once, here.
 */
final class ClientTrial implements AutoCloseable {
  final Target target;
  final Tracing tracing;
  final ClientOptions options;
  final ClientLibrary library;
  final Client http;
  private final ForkProperties fork;
  private final BenchmarkParams params;
  /** The threads that were there before the trial opened (JMH's, the JVM's): the "rest" of its cost. */
  private final Set<Long> restThreads;
  /** The counters at the first measured iteration's setup, and the operations done by then; null before it. */
  private CostCounters.Snapshot costStart;
  private long opsAtStart;

  private ClientTrial(Set<Long> restThreads, Target target, Tracing tracing, ClientOptions options, ClientLibrary library, Client http,
      ForkProperties fork, BenchmarkParams params) {
    this.restThreads = restThreads;
    this.fork = fork;
    this.params = params;
    this.target = target;
    this.tracing = tracing;
    this.options = options;
    this.library = library;
    this.http = http;
  }

  /**
   * @param tune adjusts the options every library gets alike (timeouts for the failure scenarios)
   */
  static ClientTrial open(String scheme, int backends, String trace, BenchmarkParams params,
      ClientKind kind, Strategy strategy, UnaryOperator<ClientOptions> tune) throws IOException {
    return open(scheme, Protocol.h1, backends, trace, params, kind, strategy, tune);
  }

  /**
   * @param protocol the HTTP version every client speaks; a mismatch with {@code scheme}, or a
   *     library or strategy that cannot do it, is refused here, before any server starts or call is made
   */
  static ClientTrial open(String scheme, Protocol protocol, int backends, String trace, BenchmarkParams params,
      ClientKind kind, Strategy strategy, UnaryOperator<ClientOptions> tune) throws IOException {
    String mismatch = protocol.unsupported(scheme);
    if (mismatch != null) {
      throw new IllegalArgumentException(mismatch);
    }
    ForkProperties fork = ForkProperties.fromSystemProperties();
    Map<String, String> values = new HashMap<>();
    if (params != null) {
      for (String key : params.getParamsKeys()) {
        values.put(key, params.getParam(key));
      }
    }
    ForkProperties.Injection inject = ForkProperties.injection();
    Set<Long> rest = CostCounters.restThreads();
    // a delay meant for other rows (--server-delay-only) leaves this trial's server undelayed
    Target target = Target.open(scheme, backends, fork.withServerDelayMicros(fork.serverDelayMicrosFor(values)));
    Tracing tracing = null;
    ClientLibrary library = null;
    try {
      tracing = Tracing.start(trace, params, fork);
      ClientOptions options = tune.apply(ClientOptions.defaults(target.trust()))
          .withRecorder(tracing.recorder()).withProtocol(protocol);
      library = kind.open(options);
      Client http = Injected.wrap(strategy.open(kind, library), inject.allocBytes(), inject.cpuMicros());
      return new ClientTrial(rest, target, tracing, options, library, http, fork, params);
    } catch (IOException | RuntimeException e) {
      Closer.closeAll(library, target);
      throw e;
    }
  }

  /** The trial's sample store, or null with {@code trace=off}. */
  SampleRecorder recorder() {
    return tracing.recorder();
  }

  /**
   * Warms up with the benchmark's own call until it is steady or the fork's cap passes
   * ({@link ForkProperties#warmupCapMillis()}), says so on the fork's output (JMH prints it) and keeps the
   * outcome in the run folder ({@code warmup/<trial>.json}) for the summary and the report.
   */
  WarmupRule.Outcome warmUp(SteadyWarmup.Call call) throws IOException {
    WarmupRule rule = WarmupRule.DEFAULT.withCap(TimeUnit.MILLISECONDS.toNanos(fork.warmupCapMillis()));
    WarmupRule.Outcome o = SteadyWarmup.run(call, rule, System::nanoTime);
    System.out.printf("# netcalls warm-up at setup: %s after %.1f s, %d calls; window medians (us) %s%n",
        o.converged() ? "steady" : rule.capNanos == 0 ? "off" : "NOT steady at the cap", o.elapsedNanos() / 1e9,
        o.calls(), o.medians().stream().map(m -> String.format("%.1f", m / 1e3)).toList());
    WarmupFile.write(fork.runFolder(), Tracing.trialName(params), params, rule, o);
    return o;
  }

  void iteration(IterationParams iteration) {
    tracing.iteration(iteration);
    if (costStart == null && iteration.getType() == IterationType.MEASUREMENT && recorder() != null) {
      opsAtStart = recorder().operations();
      costStart = CostCounters.take();
    }
  }

  /** The cost of the measured iterations, read now (teardown); empty without samples or measured iterations. */
  private Map<String, Object> cost() {
    if (costStart == null) {
      return Map.of();
    }
    CostCounters.Snapshot end = CostCounters.take();
    return Map.of(netcalls.run.TrialJson.COST,
        CostCounters.between(costStart, end, restThreads, recorder().operations() - opsAtStart));
  }

  /** Writes the samples, then closes the client, the library and the servers, all of them. */
  @Override
  public void close() {
    try {
      tracing.finish(cost());
    } finally {
      Closer.closeAll(http, library, target);
    }
  }
}
