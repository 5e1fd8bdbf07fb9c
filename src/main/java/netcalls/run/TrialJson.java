package netcalls.run;

/**
 * The field names of a trial's {@code samples/<trial>.json} (docs/SAMPLES.md): the one place they are
 * spelt, used by its writers (the benchmark's tracing, {@code netcalls.trace}, the live sender's
 * counts) and by {@code netcalls.read.Trial}. {@code benchmark}, {@code mode}, {@code params} and
 * {@code threads} are named as JMH names them in jmh.json, so one reader reads both.
 */
public final class TrialJson {
  private TrialJson() {}

  public static final String BENCHMARK = "benchmark";
  public static final String MODE = "mode";
  public static final String PARAMS = "params";
  public static final String THREADS = "threads";
  public static final String CAP = "cap";
  public static final String RECORDED = "recorded";
  public static final String DROPPED = "dropped";
  public static final String WARMUP_RECORDED = "warmupRecorded";
  public static final String CLOCK_BASE = "clockBase";
  /** Epoch ns of each measured iteration's start, by which readers cut the samples to the steady segment. */
  public static final String ITERATION_STARTS = "iterationStarts";

  /** The trial's digest of all its samples: {@code digest.phaseMedians} (ns, by column name), counts, reuse, failures. */
  public static final String DIGEST = "digest";
  public static final String PHASE_MEDIANS = "phaseMedians";
  public static final String PHASE_COUNTS = "phaseCounts";
  public static final String REUSED_KNOWN = "reusedKnown";
  public static final String REUSED = "reused";
  public static final String FAILURES = "failures";

  /** What live mode sent ({@code live}: target, lines, datagrams, notSent, firstError); absent when it was off. */
  public static final String LIVE = "live";
  public static final String LIVE_TARGET = "target";
  public static final String LIVE_LINES = "lines";
  public static final String LIVE_DATAGRAMS = "datagrams";
  public static final String LIVE_NOT_SENT = "notSent";
  public static final String LIVE_FIRST_ERROR = "firstError";

  /**
   * The trial's cost over its measured iterations ({@code cost}), from per-thread counters: {@code calls}, and
   * {@code allocBytes} / {@code cpuNs} each split into {@code client} (the benchmark's thread and every thread
   * started after the trial opened that is not the server's), {@code server} ({@code netcalls-server-*}) and
   * {@code rest} (JMH's and the JVM's threads that were there before); {@code processCpuNs} is the whole JVM's
   * (GC and JIT included); {@code threadsEnded} the threads that ended within the span, whose counts are lost;
   * {@code allThreadsAllocBytes} the JVM-wide allocation with ended threads counted (JDK 21+, else absent).
   */
  public static final String COST = "cost";
  public static final String COST_CALLS = "calls";
  public static final String COST_ALLOC_BYTES = "allocBytes";
  public static final String COST_CPU_NS = "cpuNs";
  public static final String COST_CLIENT = "client";
  public static final String COST_SERVER = "server";
  public static final String COST_REST = "rest";
  public static final String COST_PROCESS_CPU_NS = "processCpuNs";
  public static final String COST_THREADS_ENDED = "threadsEnded";
  public static final String COST_ALL_THREADS_ALLOC_BYTES = "allThreadsAllocBytes";
  /** The thread groups of {@link #COST_ALLOC_BYTES} and {@link #COST_CPU_NS}, in the order they are shown. */
  public static final java.util.List<String> COST_GROUPS = java.util.List.of(COST_CLIENT, COST_SERVER, COST_REST);
}
