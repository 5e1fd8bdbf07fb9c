package netcalls.run;

/**
 * The field names of a trial's {@code warmup/<trial>.json} (docs/SAMPLES.md): how its warm-up at setup until
 * steady went. The one place they are spelt.
 */
public final class WarmupJson {
  private WarmupJson() {}

  public static final String BENCHMARK = TrialJson.BENCHMARK;
  public static final String PARAMS = TrialJson.PARAMS;
  public static final String CONVERGED = "converged";
  public static final String ELAPSED_MS = "elapsedMs";
  public static final String CALLS = "calls";
  public static final String WINDOW_MEDIANS_NS = "windowMediansNs";
  /** The rule it warmed up by: window, calls, stable windows, tolerance, minimum and cap. */
  public static final String RULE = "rule";
  public static final String WINDOW_MS = "windowMs";
  public static final String MIN_CALLS = "minCalls";
  public static final String STABLE_WINDOWS = "stableWindows";
  public static final String TOLERANCE = "tolerance";
  public static final String MIN_MS = "minMs";
  public static final String CAP_MS = "capMs";
}
