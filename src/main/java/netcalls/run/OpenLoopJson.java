package netcalls.run;

/**
 * The field names of an open-loop trial's {@code openloop/<trial>.json} (docs/OPENLOOP.md): the one
 * place they are spelt, used by the writer ({@code netcalls.load.LoadReport}) and every reader
 * ({@code netcalls.read.OpenLoopResult}). The files' names are {@link RunFolder}'s.
 */
public final class OpenLoopJson {
  private OpenLoopJson() {}

  public static final String STATUS = "status";
  public static final String STATUS_OK = "ok";
  public static final String STATUS_NOT_VALID = "not_valid";
  public static final String PROBLEMS = "problems";
  public static final String SERVER = "server";
  public static final String MEASURED_RUNS = "measured_runs";
  public static final String INTENDED_RATE = "intended_rate";
  public static final String ACHIEVED_RATE = "achieved_rate";
  public static final String RATE_REACHED = "rate_reached";
  public static final String RATE_TOLERANCE = "rate_tolerance";
  public static final String SCHEDULED = "scheduled";
  public static final String OK = "ok";
  public static final String FAILED = "failed";
  public static final String TIMEOUTS = "timeouts";
  public static final String UNFINISHED = "unfinished";
  public static final String FAILURES = "failures";
  public static final String ERROR_FRACTION = "error_fraction";
  public static final String ERROR_BUDGET = "error_budget";
  public static final String ELAPSED_S = "elapsed_s";
  public static final String PROCESS_CPU_S = "process_cpu_s";
  public static final String CORES_USED = "cores_used";
  public static final String CORRECTED_US = "corrected_us";
  public static final String UNCORRECTED_US = "uncorrected_us";
  public static final String SEND_LAG_US = "send_lag_us";
  /**
   * What the corrected distribution holds: {@link #TAIL_ALL_SCHEDULED} (every scheduled request, a failed one at
   * the time it failed, an unsent or unfinished one at the time it was given up, at least the timeout) or, in
   * files written before that rule, {@link #TAIL_COMPLETED_ONLY} (the survivors).
   */
  public static final String TAIL = "tail";
  public static final String TAIL_ALL_SCHEDULED = "all_scheduled";
  public static final String TAIL_COMPLETED_ONLY = "completed_only";
  /** Corrected percentiles (their labels) resting on fewer than ThinPercentile.MIN_BEYOND samples. */
  public static final String THIN = "thin_percentiles";
  /** The generator's own floor: the median send lag, µs (how late the sender woke for a send). */
  public static final String GENERATOR_FLOOR_US = "generator_floor_us";
  /** How long the sender spun before each send, µs (bounded: OpenLoop.spinNanos). */
  public static final String SPIN_US = "spin_us";
}
