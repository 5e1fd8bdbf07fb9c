package netcalls.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import netcalls.run.Leg;
import netcalls.run.Phase;

/**
 * Per-trial store of call samples: two row-major arrays allocated once at trial setup (the
 * numbers, and the references: call site, exception classes), filled lock-free.
 *
 * <p>The measured path costs one {@link CallTrace} per call plus an atomic increment to claim a
 * row and a copy into it; no locks, no I/O, no boxing. Past the cap (the fork's
 * {@code samplesCap}), calls are counted as dropped instead of stored. Only measured iterations
 * are stored: {@link #measuring(boolean)} is switched by the benchmark at each iteration's setup.
 */
public final class SampleRecorder {
  final int cap;
  final long clockBaseEpochNanos;
  final long clockBaseNanoTime;

  // Row-major: a row's numbers sit side by side (two cache lines), its references in a second
  // array, so storing a sample touches a few lines instead of one per column.
  private static final int SEQ = 0;
  private static final int START = 1;
  private static final int DURATION = 2;
  private static final int STATUS = 3;
  private static final int BYTES = 4;
  private static final int REUSED = 5;
  private static final int REDIRECTS = 6;
  private static final int PHASE0 = 7;
  private static final int WIDTH = PHASE0 + Phase.COUNT;
  private static final int SITE = 0;
  private static final int EXCEPTION = 1;
  private static final int ROOT_CAUSE = 2;
  private static final int REFS = 3;

  private final long[] numbers;
  private final Object[] refs;
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
    numbers = new long[Math.multiplyExact(cap, WIDTH)];
    refs = new Object[Math.multiplyExact(cap, REFS)];
    published = new byte[cap];
  }

  public void measuring(boolean on) {
    measuring = on;
  }

  /** Epoch nanos at which each measured iteration began (iteration setup, never the measured path). */
  private final java.util.List<Long> iterationStarts = new java.util.ArrayList<>();

  /**
   * Notes that a measured iteration begins now, so a reader can cut the samples to the iterations the run's
   * steady segment keeps (netcalls.read.SteadySegments).
   */
  public void markIteration() {
    iterationStarts.add(epochNanos(System.nanoTime()));
  }

  public java.util.List<Long> iterationStarts() {
    return java.util.List.copyOf(iterationStarts);
  }

  /** Set once a strategy holds calls for their close (new_client), so other trials never touch the thread-local. */
  private boolean holds;
  private final ThreadLocal<CallTrace[]> holding = new ThreadLocal<>();

  /** Starts the timeline of a call; legs of a pair take the pair's operation number. */
  public CallTrace start(CallSite site) {
    long s = site.leg() == Leg.single ? operations.getAndIncrement() : pairSeq;
    CallTrace t = new CallTrace(site, s, System.nanoTime());
    if (holds) {
      CallTrace[] slot = holding.get();
      if (slot != null) {
        holding.remove();
        t.held = true;
        slot[0] = t;
      }
    }
    return t;
  }

  /**
   * The next call this thread starts is held at its finish until {@link #closed} adds the time its client took to
   * close ({@link Phase#CLOSE}) and stores it; returns the slot that call's trace lands in. {@link #stopHolding}
   * right after the call is started, so a call that never started leaves nothing held.
   */
  public CallTrace[] holdNext() {
    holds = true;
    CallTrace[] slot = new CallTrace[1];
    holding.set(slot);
    return slot;
  }

  public void stopHolding() {
    holding.remove();
  }

  /** The held call's client closed in {@code closeNanos}: part of its operation, stored as its close phase. */
  public void closed(CallTrace t, long closeNanos) {
    synchronized (t) {
      t.total[Phase.CLOSE.ordinal()] = Math.max(0, closeNanos);
      t.endNanos = (t.heldSteps == 0 ? System.nanoTime() - closeNanos : t.endNanos) + Math.max(0, closeNanos);
      if (++t.heldSteps < 2) {
        return; // the call itself finishes later (a library that completes its future before its own hook)
      }
    }
    store(t);
  }

  /** Opens a paired operation; the legs started after this share its number. */
  public long beginPair() {
    pairSeq = operations.getAndIncrement();
    return pairSeq;
  }

  /** Stores a finished call (error is null on success). */
  public void finish(CallTrace t, Throwable error) {
    if (t.held) {
      synchronized (t) {
        long closeEnd = t.endNanos;
        t.finish(System.nanoTime(), error);
        if (t.heldSteps == 1) { // closed first: the close phase is already known
          t.endNanos = Math.max(t.endNanos, closeEnd);
        }
        if (++t.heldSteps < 2) {
          return;
        }
      }
    } else {
      t.finish(System.nanoTime(), error);
    }
    store(t);
  }

  private void store(CallTrace t) {
    if (!measuring) {
      return;
    }
    int row = claimed.getAndIncrement();
    if (row >= cap) {
      return;
    }
    store(row, t.seq, t.startNanos, t.endNanos - t.startNanos, t.status, t.bytes, t.reused, t.redirects, t.total,
        t.site, t.failure);
  }

  /** Stores the total of a paired operation, as a row of {@code pair}'s site ({@link CallSite#pair()}). */
  public void finishPair(long pairSeq, CallSite pair, long startNanos, long endNanos, Throwable error) {
    if (!measuring) {
      return;
    }
    int row = claimed.getAndIncrement();
    if (row >= cap) {
      return;
    }
    store(row, pairSeq, startNanos, endNanos - startNanos, -1, 0, (byte) -1, 0, null, pair, error);
  }

  private void store(int row, long seq, long start, long duration, int status, long bytes, byte reused,
      int redirects, long[] phases, CallSite site, Throwable error) {
    int n = row * WIDTH;
    numbers[n + SEQ] = seq;
    numbers[n + START] = start;
    numbers[n + DURATION] = duration;
    numbers[n + STATUS] = status;
    numbers[n + BYTES] = bytes;
    numbers[n + REUSED] = reused;
    numbers[n + REDIRECTS] = redirects;
    for (int i = 0; i < Phase.COUNT; i++) {
      numbers[n + PHASE0 + i] = phases == null ? -1 : phases[i];
    }
    int o = row * REFS;
    refs[o + SITE] = site;
    if (error != null) {
      refs[o + EXCEPTION] = error.getClass();
      refs[o + ROOT_CAUSE] = rootCause(error).getClass();
    }
    // last: a reader that sees the flag sees the whole row
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

  /** Operations started so far, measured or not (a pair's legs count once): read at iteration setup and teardown. */
  public long operations() {
    return operations.get();
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

  // Row readers: the sample writer at trial end, and a live reader of published rows on another thread.

  public long seq(int i) {
    return numbers[i * WIDTH + SEQ];
  }

  public long startEpochNanos(int i) {
    return epochNanos(numbers[i * WIDTH + START]);
  }

  public long durationNanos(int i) {
    return numbers[i * WIDTH + DURATION];
  }

  /** Nanoseconds in a phase, or -1 when absent. */
  public long phaseNanos(Phase p, int i) {
    return numbers[i * WIDTH + PHASE0 + p.ordinal()];
  }

  /** HTTP status, or -1 when none arrived. */
  public int status(int i) {
    return (int) numbers[i * WIDTH + STATUS];
  }

  public long bytes(int i) {
    return numbers[i * WIDTH + BYTES];
  }

  /** 1 reused, 0 new connection, -1 cannot tell. */
  public int reused(int i) {
    return (int) numbers[i * WIDTH + REUSED];
  }

  public int redirects(int i) {
    return (int) numbers[i * WIDTH + REDIRECTS];
  }

  /** Where the call of row {@code i} went: its leg, target and endpoint. */
  public CallSite site(int i) {
    return (CallSite) refs[i * REFS + SITE];
  }

  /** The thrown exception's class, or null on success. */
  public Class<?> exception(int i) {
    return (Class<?>) refs[i * REFS + EXCEPTION];
  }

  public Class<?> rootCause(int i) {
    return (Class<?>) refs[i * REFS + ROOT_CAUSE];
  }

  /** Converts a {@link System#nanoTime()} reading of this trial to nanoseconds since the epoch. */
  public long epochNanos(long nanoTime) {
    return clockBaseEpochNanos + (nanoTime - clockBaseNanoTime);
  }
}
