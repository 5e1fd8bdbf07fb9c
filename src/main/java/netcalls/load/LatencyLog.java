package netcalls.load;

import java.io.InterruptedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one constant-rate run saw, written by the client's completion threads while the generator
 * sends. Every scheduled request is in the corrected distribution exactly once: a completed one at
 * its latency from the intended start, a failed one at the time it failed, a request the sender
 * gave up without sending at no less than its timeout, and a request still open when the run ends
 * at the time it was given up (the end of the run's wait), so the tail is never the survivors'
 * (as k6 counts a failed request's duration). The uncorrected service time and the failures by
 * exception class are kept for the completed and the failed requests respectively. Lock-free for
 * writers (HdrHistogram {@link Recorder}s, one claim bit per request so that a late completion
 * and the end of the run never both count a request).
 */
final class LatencyLog {
  private final Recorder corrected = new Recorder(3);
  private final Recorder uncorrected = new Recorder(3);
  private final Recorder sendLag = new Recorder(3);
  private final LongAdder ok = new LongAdder();
  private final LongAdder timeouts = new LongAdder();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);
  /** Bit i set once request i is counted (completed, failed, or given up at the end). */
  private final AtomicLongArray settled;
  private final int count;

  LatencyLog(int count) {
    this.count = count;
    this.settled = new AtomicLongArray((count + 63) / 64);
  }

  void sent(long intended, long sent) {
    sendLag.recordValue(Math.max(0, sent - intended));
  }

  void completed(int i, long intended, long sent, long end) {
    if (!claim(i)) {
      return;
    }
    corrected.recordValue(Math.max(0, end - intended));
    uncorrected.recordValue(Math.max(0, end - sent));
    ok.increment();
    lastEnd.accumulateAndGet(end, Math::max);
  }

  /** Request i failed at {@code end}: counted at the time it took to fail, never less than {@code atLeast}. */
  void failed(int i, long intended, Throwable error, long end, long atLeast) {
    if (!claim(i)) {
      return;
    }
    corrected.recordValue(Math.max(atLeast, end - intended));
    Throwable t = unwrap(error);
    failures.computeIfAbsent(t.getClass().getName(), k -> new LongAdder()).increment();
    if (isTimeout(t)) {
      timeouts.increment();
    }
    lastEnd.accumulateAndGet(end, Math::max);
  }

  /**
   * Ends the run at {@code now}: every request not yet counted is unfinished and enters the corrected
   * distribution at {@code now - intended(i)}, the time it was given up. Returns how many; later
   * completions are ignored.
   */
  long close(long now, java.util.function.IntToLongFunction intended) {
    long unfinished = 0;
    for (int w = 0; w < settled.length(); w++) {
      long open = ~settled.getAndSet(w, -1L);
      while (open != 0) {
        int i = w * 64 + Long.numberOfTrailingZeros(open);
        open &= open - 1;
        if (i >= count) {
          break;
        }
        corrected.recordValue(Math.max(0, now - intended.applyAsLong(i)));
        unfinished++;
      }
    }
    return unfinished;
  }

  /** True for the one caller that counts request i. */
  private boolean claim(int i) {
    long bit = 1L << (i & 63);
    return (settled.getAndUpdate(i >>> 6, w -> w | bit) & bit) == 0;
  }

  Histogram corrected() {
    return corrected.getIntervalHistogram();
  }

  Histogram uncorrected() {
    return uncorrected.getIntervalHistogram();
  }

  Histogram sendLag() {
    return sendLag.getIntervalHistogram();
  }

  long ok() {
    return ok.sum();
  }

  long timeouts() {
    return timeouts.sum();
  }

  /** Failed requests by the class thrown (the library's own, future wrappers removed), sorted. */
  Map<String, Long> failures() {
    Map<String, Long> m = new TreeMap<>();
    failures.forEach((k, v) -> m.put(k, v.sum()));
    return m;
  }

  /** The latest completion or failure, or {@code Long.MIN_VALUE} when none came. */
  long lastEnd() {
    return lastEnd.get();
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** A timeout by any library's spelling: a *Timeout* class anywhere in the chain, or OkHttp's "timeout". */
  static boolean isTimeout(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c.getClass().getSimpleName().contains("Timeout")
          || c instanceof InterruptedIOException && "timeout".equals(c.getMessage())) {
        return true;
      }
    }
    return false;
  }
}
