package netcalls.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netcalls.run.ThinPercentile;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one or more constant-rate runs at the same intended rate (a trial's measured
 * iterations, merged): latency histograms in nanoseconds, counts, and whether the load really
 * happened. Failed and unfinished requests are counted apart, and every scheduled request is in the corrected
 * histogram (a failed one at the time it failed, an unsent or unfinished one at the time it was given up); the
 * uncorrected histogram holds the completed requests only.
 *
 * @param intendedRate   requests per second asked for
 * @param scheduled      requests the schedules held (all were sent, unless sending itself threw)
 * @param ok             requests completed with a 2xx and the whole body read
 * @param failures       failed requests by the class thrown
 * @param timeouts       failures that were timeouts (a subset of {@code failures})
 * @param unfinished     requests still in flight when the run's wait ended (timeouts of the harness)
 * @param elapsedNanos   from each run's first intended start to its last completion (at least the
 *                       schedule's count / rate), summed over runs
 * @param cpuNanos       this process's CPU time over the runs (the generator, the client and, when
 *                       in-process, the server)
 * @param corrected      latency from the intended start, ns, of every scheduled request
 * @param uncorrected    service time from the actual send, ns, of the completed requests
 * @param sendLag        how late the generator sent each request, ns
 */
public record LoadOutcome(double intendedRate, long scheduled, long ok, Map<String, Long> failures, long timeouts,
    long unfinished, long elapsedNanos, long cpuNanos, Histogram corrected, Histogram uncorrected,
    Histogram sendLag) {

  /** Below {@code (1 - this) × intended}, the rate counts as not reached. */
  public static final double RATE_TOLERANCE = 0.05;

  /** Requests that did not complete: failed or still in flight at the end. */
  public long failed() {
    long n = unfinished;
    for (long v : failures.values()) {
      n += v;
    }
    return n;
  }

  /** Completed requests per second of elapsed time. */
  public double achievedRate() {
    return elapsedNanos <= 0 ? 0 : ok * 1e9 / elapsedNanos;
  }

  public boolean rateReached() {
    return achievedRate() >= (1 - RATE_TOLERANCE) * intendedRate;
  }

  public double errorFraction() {
    return scheduled == 0 ? 0 : (double) failed() / scheduled;
  }

  /** CPU cores this process kept busy on average (2.0 = both cores of a 2-core machine). */
  public double coresUsed() {
    return elapsedNanos <= 0 ? 0 : (double) cpuNanos / elapsedNanos;
  }

  /** Why these numbers do not describe the intended load; empty when they do. */
  public List<String> problems(double errorBudget) {
    List<String> p = new ArrayList<>();
    if (!rateReached()) {
      p.add(String.format("rate not reached: %.1f of %.1f requests/s completed (tolerance %.0f %%)",
          achievedRate(), intendedRate, RATE_TOLERANCE * 100));
    }
    if (errorFraction() > errorBudget) {
      p.add(String.format("error budget exceeded: %d of %d requests failed or unfinished (%.2f %% > %.2f %%)",
          failed(), scheduled, errorFraction() * 100, errorBudget * 100));
    }
    return p;
  }

  /** Both runs' counts and histograms together; the intended rates must agree. */
  public LoadOutcome plus(LoadOutcome o) {
    if (Double.compare(intendedRate, o.intendedRate) != 0) {
      throw new IllegalArgumentException("cannot merge runs at " + intendedRate + " and " + o.intendedRate + " requests/s");
    }
    Map<String, Long> f = new TreeMap<>(failures);
    o.failures.forEach((k, v) -> f.merge(k, v, Long::sum));
    return new LoadOutcome(intendedRate, scheduled + o.scheduled, ok + o.ok, f, timeouts + o.timeouts,
        unfinished + o.unfinished, elapsedNanos + o.elapsedNanos, cpuNanos + o.cpuNanos, sum(corrected, o.corrected),
        sum(uncorrected, o.uncorrected), sum(sendLag, o.sendLag));
  }

  private static Histogram sum(Histogram a, Histogram b) {
    Histogram h = a.copy();
    h.add(b);
    return h;
  }

  /** The percentiles reported everywhere, in microseconds, in this order. */
  public static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};

  /** p50 … p99.99 and max of {@code h} (ns), in microseconds, keyed {@code p50 … p99.99, max}. */
  public static Map<String, Double> percentilesMicros(Histogram h) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (double p : PERCENTILES) {
      m.put(label(p), h.getValueAtPercentile(p) / 1000.0);
    }
    m.put("max", h.getMaxValue() / 1000.0);
    return m;
  }

  /** The labels of {@link #PERCENTILES} that n samples make thin ({@link ThinPercentile}), in order. */
  public static List<String> thinLabels(long n) {
    List<String> out = new ArrayList<>();
    for (double p : PERCENTILES) {
      if (ThinPercentile.thin(n, p)) {
        out.add(label(p));
      }
    }
    return out;
  }

  /** {@code p50}, {@code p99.9}: the names the JSON and the metrics use. */
  public static String label(double p) {
    return "p" + (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p));
  }
}
