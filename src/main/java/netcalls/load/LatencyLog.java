package netcalls.load;

import java.io.InterruptedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one constant-rate run saw, written by the client's completion threads while the generator
 * sends: per successful request its latency from the intended start (corrected) and from the
 * actual send (uncorrected service time), and how late the generator sent it; failures by
 * exception class, never mixed with the completed. Lock-free for writers (HdrHistogram
 * {@link Recorder}s); closed once at the end, after which late completions are ignored (they were
 * already counted as unfinished).
 */
final class LatencyLog {
  private final Recorder corrected = new Recorder(3);
  private final Recorder uncorrected = new Recorder(3);
  private final Recorder sendLag = new Recorder(3);
  private final LongAdder ok = new LongAdder();
  private final LongAdder timeouts = new LongAdder();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);
  private final AtomicBoolean open = new AtomicBoolean(true);

  void sent(long intended, long sent) {
    sendLag.recordValue(Math.max(0, sent - intended));
  }

  void completed(long intended, long sent, long end) {
    if (!open.get()) {
      return;
    }
    corrected.recordValue(Math.max(0, end - intended));
    uncorrected.recordValue(Math.max(0, end - sent));
    ok.increment();
    lastEnd.accumulateAndGet(end, Math::max);
  }

  void failed(Throwable error, long end) {
    if (!open.get()) {
      return;
    }
    Throwable t = unwrap(error);
    failures.computeIfAbsent(t.getClass().getName(), k -> new LongAdder()).increment();
    if (isTimeout(t)) {
      timeouts.increment();
    }
    lastEnd.accumulateAndGet(end, Math::max);
  }

  /** Stops recording; returns false when it was already closed. */
  boolean close() {
    return open.getAndSet(false);
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
