package netcalls.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import netcalls.client.Request;

/**
 * Per-trial store of call samples: column arrays allocated once at trial setup, filled lock-free.
 *
 * <p>The measured path costs one {@link CallTrace} per call plus an atomic increment to claim a
 * row; no locks, no I/O, no boxing. Past the cap, calls are counted as dropped instead of stored.
 * Only measured iterations are stored: {@link #measuring(boolean)} is switched by the benchmark
 * at each iteration's setup.
 */
public final class SampleRecorder {
  /** Default cap per trial; override with {@code -Dnetcalls.samples.cap=N}. */
  public static final int DEFAULT_CAP = 1_000_000;

  final int cap;
  final long clockBaseEpochNanos;
  final long clockBaseNanoTime;

  final long[] seq;
  final long[] start;
  final long[] duration;
  final long[][] phase;
  final int[] status;
  final long[] bytes;
  final byte[] reused;
  final int[] redirects;
  final Request[] request;
  final Class<?>[] exception;
  final Class<?>[] rootCause;
  /** 1 once a row is completely written, so a live reader on another thread never sees half a row. */
  private final byte[] published;
  private static final VarHandle PUBLISHED = MethodHandles.arrayElementVarHandle(byte[].class);

  private final AtomicInteger claimed = new AtomicInteger();
  private final AtomicLong operations = new AtomicLong();
  private volatile boolean measuring;
  /** The operation number shared by the legs of the paired call in flight; benchmark thread only. */
  private long pairSeq;

  public SampleRecorder(int cap) {
    if (cap < 0) {
      throw new IllegalArgumentException("netcalls.samples.cap must be >= 0, was " + cap);
    }
    this.cap = cap;
    Instant now = Instant.now();
    clockBaseNanoTime = System.nanoTime();
    clockBaseEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    seq = new long[cap];
    start = new long[cap];
    duration = new long[cap];
    phase = new long[Phase.COUNT][cap];
    status = new int[cap];
    bytes = new long[cap];
    reused = new byte[cap];
    redirects = new int[cap];
    request = new Request[cap];
    exception = new Class<?>[cap];
    rootCause = new Class<?>[cap];
    published = new byte[cap];
  }

  /** Reads the cap from {@code -Dnetcalls.samples.cap}, failing clearly on a bad value. */
  public static int capFromSystemProperty() {
    String value = System.getProperty("netcalls.samples.cap");
    if (value == null || value.isBlank()) {
      return DEFAULT_CAP;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "-Dnetcalls.samples.cap=" + value + " is not a whole number: give the maximum samples per trial, e.g. 1000000");
    }
  }

  public void measuring(boolean on) {
    measuring = on;
  }

  public boolean measuring() {
    return measuring;
  }

  /** Starts the timeline of a call; legs of a pair take the pair's operation number. */
  public CallTrace start(Request r) {
    long s = r.leg() == null ? operations.getAndIncrement() : pairSeq;
    return new CallTrace(r, s, System.nanoTime());
  }

  /** Opens a paired operation; the legs started after this share its number. */
  public long beginPair() {
    pairSeq = operations.getAndIncrement();
    return pairSeq;
  }

  /** Stores a finished call (error is null on success). */
  public void finish(CallTrace t, Throwable error) {
    t.finish(System.nanoTime(), error);
    if (!measuring) {
      return;
    }
    int row = claimed.getAndIncrement();
    if (row >= cap) {
      return;
    }
    seq[row] = t.seq;
    start[row] = t.startNanos;
    duration[row] = t.endNanos - t.startNanos;
    for (int i = 0; i < Phase.COUNT; i++) {
      phase[i][row] = t.total[i];
    }
    status[row] = t.status;
    bytes[row] = t.bytes;
    reused[row] = t.reused;
    redirects[row] = t.redirects;
    request[row] = t.request;
    if (error != null) {
      exception[row] = error.getClass();
      rootCause[row] = rootCause(error).getClass();
    }
    PUBLISHED.setRelease(published, row, (byte) 1);
  }

  /** Stores the total of a paired operation, as a row with {@code leg=pair}. */
  public void finishPair(long pairSeq, Request pair, long startNanos, long endNanos, Throwable error) {
    if (!measuring) {
      return;
    }
    int row = claimed.getAndIncrement();
    if (row >= cap) {
      return;
    }
    seq[row] = pairSeq;
    start[row] = startNanos;
    duration[row] = endNanos - startNanos;
    for (int i = 0; i < Phase.COUNT; i++) {
      phase[i][row] = -1;
    }
    status[row] = -1;
    bytes[row] = 0;
    reused[row] = -1;
    redirects[row] = 0;
    request[row] = pair;
    if (error != null) {
      exception[row] = error.getClass();
      rootCause[row] = rootCause(error).getClass();
    }
    PUBLISHED.setRelease(published, row, (byte) 1);
  }

  /** Whether row {@code i} is completely written (for a reader on another thread). */
  public boolean isPublished(int i) {
    return i < cap && (byte) PUBLISHED.getAcquire(published, i) == 1;
  }

  public static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Rows stored. */
  public int recorded() {
    return Math.min(claimed.get(), cap);
  }

  /** Calls of measured iterations that found the store full. */
  public long dropped() {
    return Math.max(0, claimed.get() - cap);
  }

  public int cap() {
    return cap;
  }

  // Row readers, for a reader of published rows on another thread (live streaming).

  public long seq(int i) {
    return seq[i];
  }

  public long startEpochNanos(int i) {
    return epochNanos(start[i]);
  }

  public long durationNanos(int i) {
    return duration[i];
  }

  /** Nanoseconds in a phase, or -1 when absent. */
  public long phaseNanos(Phase p, int i) {
    return phase[p.ordinal()][i];
  }

  /** HTTP status, or -1 when none arrived. */
  public int status(int i) {
    return status[i];
  }

  public long bytes(int i) {
    return bytes[i];
  }

  /** 1 reused, 0 new connection, -1 cannot tell. */
  public int reused(int i) {
    return reused[i];
  }

  public int redirects(int i) {
    return redirects[i];
  }

  public Request request(int i) {
    return request[i];
  }

  /** The thrown exception's class, or null on success. */
  public Class<?> exception(int i) {
    return exception[i];
  }

  public Class<?> rootCause(int i) {
    return rootCause[i];
  }

  /** Converts a {@link System#nanoTime()} reading of this trial to nanoseconds since the epoch. */
  public long epochNanos(long nanoTime) {
    return clockBaseEpochNanos + (nanoTime - clockBaseNanoTime);
  }
}
