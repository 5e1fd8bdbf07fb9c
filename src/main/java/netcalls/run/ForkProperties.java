package netcalls.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the launcher tells every benchmark fork, as {@code -Dnetcalls.*} system properties: the one
 * owner of their names, their defaults and their checks. The launcher builds it from its options
 * and passes {@link #jvmArgs()}; a fork reads it back with {@link #fromSystemProperties()}.
 *
 * @param runDir where the trial's samples go ({@code results/adhoc} when run outside the launcher)
 * @param target an external base URL, or null for the built-in server
 * @param trust a PEM certificate to trust for an https target, or null for the platform's
 * @param samplesCap most samples kept per trial
 * @param live a Telegraf socket listener to stream samples to while the run goes on, or null
 * @param serverDelayMicros a fixed service time the built-in server adds to every response
 * @param serverDelayOnly   the trials the delay is for, as {@code k=v,k=v} of their parameters (all must
 *     match), or null for every trial: a slowdown of one row, to test the gate's row-by-row power
 * @param requests the private file of the user's URLs and headers ({@link UserRequests}), or null
 * @param warmupCapMillis the longest a trial warms up at setup until steady (netcalls.steady.WarmupRule);
 *     0 leaves warm-up to JMH's warmup iterations alone
 */
public record ForkProperties(Path runDir, String target, Path trust, int samplesCap, String live,
    long serverDelayMicros, Path requests, long warmupCapMillis, String serverDelayOnly) {
  public static final String RUN_DIR = "netcalls.run.dir";
  public static final String TARGET = "netcalls.target";
  public static final String TRUST = "netcalls.trust";
  public static final String SAMPLES_CAP = "netcalls.samples.cap";
  public static final String LIVE = "netcalls.live";
  public static final String SERVER_DELAY_US = "netcalls.server.delay.us";
  public static final String SERVER_DELAY_ONLY = "netcalls.server.delay.only";
  public static final String REQUESTS = "netcalls.requests";
  public static final String WARMUP_CAP_MS = "netcalls.warmup.cap.ms";
  public static final long DEFAULT_WARMUP_CAP_MS = 10_000;
  /**
   * The environment variable that changes the default cap (tests set it low: they check behaviour, not speed);
   * {@code --warmup-cap-ms} and {@code -Dnetcalls.warmup.cap.ms} win over it.
   */
  public static final String WARMUP_CAP_ENV = "NETCALLS_WARMUP_CAP_MS";

  /**
   * Work the client facade adds to every call, off (0) by default, so that a test can make a known regression:
   * about this many bytes allocated, and this many microseconds of CPU spent, on the calling thread per call.
   */
  public static final String INJECT_ALLOC_BYTES = "netcalls.inject.alloc.bytes";
  public static final String INJECT_CPU_US = "netcalls.inject.cpu.us";

  public static final int DEFAULT_SAMPLES_CAP = 1_000_000;
  private static final Path ADHOC = Path.of("results", "adhoc");

  public ForkProperties {
    if (samplesCap < 0) {
      throw new IllegalArgumentException(SAMPLES_CAP + "=" + samplesCap + ": give a whole number >= 0");
    }
    if (warmupCapMillis < 0) {
      throw new IllegalArgumentException(WARMUP_CAP_MS + "=" + warmupCapMillis + ": give a whole number of ms >= 0");
    }
    if (serverDelayMicros < 0) {
      throw new IllegalArgumentException(SERVER_DELAY_US + "=" + serverDelayMicros + ": give a whole number >= 0");
    }
    target = blankToNull(target);
    live = blankToNull(live);
    serverDelayOnly = blankToNull(serverDelayOnly);
    if (serverDelayOnly != null) {
      for (String pair : serverDelayOnly.split(",")) {
        if (pair.indexOf('=') < 1) {
          throw new IllegalArgumentException(SERVER_DELAY_ONLY + "=" + serverDelayOnly + ": give k=v pairs of"
              + " parameters, e.g. client=okhttp,strategy=reuse");
        }
      }
    }
  }

  /** The defaults: built-in server, samples under results/adhoc, nothing streamed. */
  public static ForkProperties defaults() {
    return new ForkProperties(ADHOC, null, null, DEFAULT_SAMPLES_CAP, null, 0, null, defaultWarmupCap(), null);
  }

  /** What this JVM was told (a fork of the launcher, or a JMH run without it: the defaults). */
  public static ForkProperties fromSystemProperties() {
    return from(System.getProperties());
  }

  static ForkProperties from(Properties p) {
    String dir = blankToNull(p.getProperty(RUN_DIR));
    String trust = blankToNull(p.getProperty(TRUST));
    String requests = blankToNull(p.getProperty(REQUESTS));
    return new ForkProperties(dir == null ? ADHOC : Path.of(dir), p.getProperty(TARGET),
        trust == null ? null : Path.of(trust),
        (int) whole(p, SAMPLES_CAP, DEFAULT_SAMPLES_CAP, Integer.MAX_VALUE, "the maximum samples per trial, e.g. 1000000"),
        p.getProperty(LIVE),
        whole(p, SERVER_DELAY_US, 0, Long.MAX_VALUE / 1000, "a service time in microseconds, e.g. 50"),
        requests == null ? null : Path.of(requests),
        whole(p, WARMUP_CAP_MS, defaultWarmupCap(), 3_600_000, "the longest warm-up at setup in ms, e.g. 10000 (0: none)"),
        p.getProperty(SERVER_DELAY_ONLY));
  }

  public RunFolder runFolder() {
    return RunFolder.of(runDir);
  }

  public ForkProperties withRunDir(Path dir) {
    return new ForkProperties(dir, target, trust, samplesCap, live, serverDelayMicros, requests, warmupCapMillis, serverDelayOnly);
  }

  public ForkProperties withTarget(String url, Path trustFile) {
    return new ForkProperties(runDir, url, trustFile, samplesCap, live, serverDelayMicros, requests, warmupCapMillis, serverDelayOnly);
  }

  public ForkProperties withSamplesCap(int cap) {
    return new ForkProperties(runDir, target, trust, cap, live, serverDelayMicros, requests, warmupCapMillis, serverDelayOnly);
  }

  public ForkProperties withLive(String url) {
    return new ForkProperties(runDir, target, trust, samplesCap, url, serverDelayMicros, requests, warmupCapMillis, serverDelayOnly);
  }

  public ForkProperties withServerDelayMicros(long micros) {
    return new ForkProperties(runDir, target, trust, samplesCap, live, micros, requests, warmupCapMillis, serverDelayOnly);
  }

  /** The delay for the trials whose parameters match {@code only} (k=v,k=v), none for the others. */
  public ForkProperties withServerDelayOnly(String only) {
    return new ForkProperties(runDir, target, trust, samplesCap, live, serverDelayMicros, requests, warmupCapMillis, only);
  }

  /** The service delay for a trial with these parameters: the delay, or 0 when {@link #serverDelayOnly} leaves it out. */
  public long serverDelayMicrosFor(Map<String, String> params) {
    if (serverDelayOnly != null) {
      for (String pair : serverDelayOnly.split(",")) {
        int eq = pair.indexOf('=');
        if (!pair.substring(eq + 1).strip().equals(params.get(pair.substring(0, eq).strip()))) {
          return 0;
        }
      }
    }
    return serverDelayMicros;
  }

  public ForkProperties withRequests(Path file) {
    return new ForkProperties(runDir, target, trust, samplesCap, live, serverDelayMicros, file, warmupCapMillis, serverDelayOnly);
  }

  public ForkProperties withWarmupCapMillis(long millis) {
    return new ForkProperties(runDir, target, trust, samplesCap, live, serverDelayMicros, requests, millis, serverDelayOnly);
  }

  /** The user's URLs and headers, read from their file; none when the launcher gave none. */
  public UserRequests userRequests() {
    return requests == null ? UserRequests.none() : UserRequests.read(requests);
  }

  /** What differs from the defaults, and the warm-up cap, by property name, in a stable order. */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(RUN_DIR, runDir.toAbsolutePath().toString());
    if (target != null) {
      m.put(TARGET, target);
    }
    if (trust != null) {
      m.put(TRUST, trust.toAbsolutePath().toString());
    }
    if (samplesCap != DEFAULT_SAMPLES_CAP) {
      m.put(SAMPLES_CAP, Integer.toString(samplesCap));
    }
    if (live != null) {
      m.put(LIVE, live);
    }
    if (serverDelayMicros != 0) {
      m.put(SERVER_DELAY_US, Long.toString(serverDelayMicros));
    }
    if (serverDelayOnly != null) {
      m.put(SERVER_DELAY_ONLY, serverDelayOnly);
    }
    if (requests != null) {
      m.put(REQUESTS, requests.toAbsolutePath().toString());
    }
    m.put(WARMUP_CAP_MS, Long.toString(warmupCapMillis)); // always: run.json says how long trials could warm up
    return m;
  }

  /** The {@code -D} arguments a fork needs. */
  public List<String> jvmArgs() {
    List<String> args = new ArrayList<>();
    asMap().forEach((k, v) -> args.add("-D" + k + "=" + v));
    return args;
  }

  /**
   * Sets the same properties in this JVM, for {@code -f 0}, where benchmarks run in the launcher's
   * JVM; returns what puts the previous values back (a run in process leaves no stale property,
   * such as the path of a requests file deleted after it).
   */
  public Runnable applyToThisJvm() {
    Map<String, String> previous = new LinkedHashMap<>();
    asMap().forEach((k, v) -> {
      previous.put(k, System.getProperty(k));
      System.setProperty(k, v);
    });
    return () -> previous.forEach((k, v) -> {
      if (v == null) {
        System.clearProperty(k);
      } else {
        System.setProperty(k, v);
      }
    });
  }

  /** The facade's injected work per call ({@link #INJECT_ALLOC_BYTES}, {@link #INJECT_CPU_US}); both 0 when off. */
  public record Injection(long allocBytes, long cpuMicros) {
    public static final Injection NONE = new Injection(0, 0);

    public boolean off() {
      return allocBytes == 0 && cpuMicros == 0;
    }
  }

  /** What this JVM was told to inject; a bad value is refused with the property's name. */
  public static Injection injection() {
    return injection(System.getProperties());
  }

  static Injection injection(Properties p) {
    return new Injection(whole(p, INJECT_ALLOC_BYTES, 0, 1L << 30, "bytes per call, e.g. 1024 (0: off)"),
        whole(p, INJECT_CPU_US, 0, 1_000_000, "microseconds of CPU per call, e.g. 20 (0: off)"));
  }

  /** {@value #DEFAULT_WARMUP_CAP_MS}, or what {@value #WARMUP_CAP_ENV} says. */
  static long defaultWarmupCap() {
    String env = blankToNull(System.getenv(WARMUP_CAP_ENV));
    if (env == null) {
      return DEFAULT_WARMUP_CAP_MS;
    }
    Properties p = new Properties();
    p.setProperty(WARMUP_CAP_MS, env);
    return whole(p, WARMUP_CAP_MS, DEFAULT_WARMUP_CAP_MS, 3_600_000, "(in " + WARMUP_CAP_ENV + ") a whole number of ms");
  }

  private static long whole(Properties p, String key, long dflt, long max, String what) {
    String value = blankToNull(p.getProperty(key));
    if (value == null) {
      return dflt;
    }
    try {
      long v = Long.parseLong(value.trim());
      if (v < 0 || v > max) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + key + "=" + value + " is not a whole number from 0 to " + max
          + ": give " + what);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
