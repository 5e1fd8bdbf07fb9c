package netcalls.run;

/**
 * The field names of {@code run.json} (docs/SAMPLES.md): the one place they are spelt, used by the
 * launcher that writes it and by {@code netcalls.read.RunInfo} that reads it.
 */
public final class RunJson {
  private RunJson() {}

  public static final String RUN_ID = "runId";
  public static final String START = "start";
  public static final String END = "end";
  public static final String GIT_COMMIT = "gitCommit";
  public static final String GIT_BRANCH = "gitBranch";
  public static final String GIT_DIRTY = "gitDirty";
  public static final String JMH_VERSION = "jmhVersion";
  public static final String NETCALLS_VERSION = "netcallsVersion";
  /** The JDK version the benchmark forks ran on ({@code --jvm}'s, else the launcher's): the testbed's JDK. */
  public static final String JDK = "jdk";
  /** The forks' JDK in full: {@code {"path", "version", "vendor"}} ({@link #FORK_JDK_PATH} ...). */
  public static final String FORK_JDK = "forkJdk";
  public static final String FORK_JDK_PATH = "path";
  public static final String FORK_JDK_VERSION = "version";
  public static final String FORK_JDK_VENDOR = "vendor";
  /** The launcher's own JDK version (it writes the run folder; the forks measure). */
  public static final String LAUNCHER_JDK = "launcherJdk";
  public static final String VM = "vm";
  public static final String HOST = "host";
  public static final String CPU_MODEL = "cpuModel";
  public static final String CORES = "cores";
  public static final String KERNEL = "kernel";
  public static final String TESTBED = "testbed";
  /** The client libraries' versions, e.g. "ahc 3.0.1, hc5 5.4, jetty 12.1.1, okhttp 5.1.0": part of the testbed compare diffs. */
  public static final String CLIENTS = "clients";
  public static final String ARGS = "args";
  public static final String TARGET = "target";
  public static final String EXIT_CODE = "exitCode";
  public static final String RECORDED_SAMPLES = "recordedSamples";
  public static final String DROPPED_SAMPLES = "droppedSamples";
  /**
   * A profiled run's profile ({@code --profile}): {@code kind} (cpu, alloc, wall, lock), the async-profiler
   * {@code event} it sampled (cpu may fall back to ctimer or itimer where perf events are not allowed) and the
   * {@code files} it left under profiles/, relative to the run folder. Absent in a run without profiles.
   */
  public static final String PROFILE = "profile";
  public static final String PROFILE_KIND = "kind";
  public static final String PROFILE_EVENT = "event";
  public static final String PROFILE_FILES = "files";
  /**
   * What one sample of each kind stands for, by kind: ns of CPU or wall time, or bytes allocated; lock has none
   * (counted in samples). {@code kind} is comma-separated when a run recorded several kinds together.
   */
  public static final String PROFILE_INTERVALS = "intervals";
}
