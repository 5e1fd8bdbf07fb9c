package netcalls.steady;

import java.util.List;

/**
 * When a trial's warm-up at setup may stop: calls are timed in windows (at least {@code windowNanos} and
 * {@code minCalls} calls each); it stops once the last {@code stableWindows} windows' medians have not
 * beaten the best median before them by more than {@code tolerance} (the median stopped falling), after
 * at least {@code minNanos}; or at {@code capNanos}, not converged. Pure: the caller times the calls.
 *
 * <p>Why: JMH 1.37 has no adaptive warm-up, and a fixed one measured warm-up here (okhttp over http,
 * 166-207 µs after 2 s, ~68 µs after 10 s).
 */
public final class WarmupRule {
  /** The defaults: 250 ms windows of 20+ calls, 4 stable windows within 2 %, 1 s to 10 s. */
  public static final WarmupRule DEFAULT = new WarmupRule(250_000_000L, 20, 4, 0.02, 1_000_000_000L, 10_000_000_000L);

  public final long windowNanos;
  public final int minCalls;
  public final int stableWindows;
  public final double tolerance;
  public final long minNanos;
  public final long capNanos;

  public WarmupRule(long windowNanos, int minCalls, int stableWindows, double tolerance, long minNanos,
      long capNanos) {
    if (windowNanos <= 0 || minCalls < 1 || stableWindows < 1 || !(tolerance >= 0) || minNanos < 0 || capNanos < 0) {
      throw new IllegalArgumentException("warm-up rule: window, calls and stable windows must be positive,"
          + " tolerance, minimum and cap >= 0");
    }
    this.windowNanos = windowNanos;
    this.minCalls = minCalls;
    this.stableWindows = stableWindows;
    this.tolerance = tolerance;
    this.minNanos = minNanos;
    this.capNanos = capNanos;
  }

  /** The same rule with another cap (0: no warm-up at setup). */
  public WarmupRule withCap(long capNanos) {
    return new WarmupRule(windowNanos, minCalls, stableWindows, tolerance, Math.min(minNanos, capNanos), capNanos);
  }

  /** Whether a window is full. */
  public boolean windowFull(long elapsedNanos, int calls) {
    return elapsedNanos >= windowNanos && calls >= minCalls;
  }

  /** True when the medians so far (in order) have stopped falling, and the minimum time has passed. */
  public boolean converged(List<Long> medians, long elapsedNanos) {
    int n = medians.size();
    if (elapsedNanos < minNanos || n <= stableWindows) {
      return false;
    }
    long bestBefore = Long.MAX_VALUE;
    for (int i = 0; i < n - stableWindows; i++) {
      bestBefore = Math.min(bestBefore, medians.get(i));
    }
    for (int i = n - stableWindows; i < n; i++) {
      if (medians.get(i) < bestBefore * (1 - tolerance)) {
        return false; // still falling
      }
    }
    return true;
  }

  /** True when the warm-up must stop, converged or not. */
  public boolean capped(long elapsedNanos) {
    return elapsedNanos >= capNanos;
  }

  /** What a warm-up did: the windows' medians (ns), calls, time, and whether it converged before the cap. */
  public record Outcome(List<Long> medians, long calls, long elapsedNanos, boolean converged) {
    public Outcome {
      medians = List.copyOf(medians);
    }

  }
}
