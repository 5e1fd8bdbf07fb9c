package netcalls.load;

import java.time.Duration;

/**
 * When each request of a constant-rate run is meant to start, computed up front: request {@code i}
 * starts {@code i / rate} seconds after the run's origin. The generator sends at these times; it
 * never sleeps a period after a send, so a late send does not push the ones after it.
 */
public final class Schedule {
  private final double rate;
  private final Duration duration;
  private final long[] offsets;

  private Schedule(double rate, Duration duration, long[] offsets) {
    this.rate = rate;
    this.duration = duration;
    this.offsets = offsets;
  }

  /**
   * {@code round(rate × seconds)} requests evenly spaced over {@code duration}.
   *
   * @param rate     requests per second, above 0
   * @param duration how long the load lasts, at least one request's worth
   */
  public static Schedule constantRate(double rate, Duration duration) {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("rate=" + rate + ": give the requests per second, a number above 0");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration=" + duration + ": give a duration above 0");
    }
    double seconds = duration.toNanos() / 1e9;
    long count = Math.round(rate * seconds);
    if (count < 1) {
      throw new IllegalArgumentException("rate=" + rate + " for " + seconds + " s makes no request: raise the rate or the duration");
    }
    if (count > 50_000_000) {
      throw new IllegalArgumentException("rate=" + rate + " for " + seconds + " s makes " + count
          + " requests: at most 50,000,000 per run, shorten the duration");
    }
    long[] offsets = new long[(int) count];
    double period = 1e9 / rate;
    for (int i = 0; i < offsets.length; i++) {
      // from the origin, not from the previous send: rounding never accumulates
      offsets[i] = Math.round(i * period);
    }
    return new Schedule(rate, duration, offsets);
  }

  /** Requests in the run. */
  public int count() {
    return offsets.length;
  }

  /** Nanoseconds from the run's origin to the intended start of request {@code i}. */
  public long offsetNanos(int i) {
    return offsets[i];
  }

  /** The intended rate, requests per second. */
  public double rate() {
    return rate;
  }

  public Duration duration() {
    return duration;
  }
}
