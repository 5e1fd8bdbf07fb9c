package netcalls.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import netcalls.steady.WarmupRule;

/**
 * Warms a trial up at setup until its calls stop getting faster ({@link WarmupRule}), so JMH's iterations
 * measure the steady state instead of the JIT at work. Calls are the benchmark's own operation on the same
 * client and target; nothing is recorded (samples are stored for measured iterations only).
 */
final class SteadyWarmup {
  /** One call of the benchmark's operation; a failure ends the trial, as it would in a measured call. */
  interface Call {
    void run() throws IOException;
  }

  private SteadyWarmup() {}

  static WarmupRule.Outcome run(Call call, WarmupRule rule, LongSupplier nanoClock) throws IOException {
    List<Long> medians = new ArrayList<>();
    long start = nanoClock.getAsLong();
    long calls = 0;
    if (rule.capNanos == 0) {
      return new WarmupRule.Outcome(medians, 0, 0, false);
    }
    long[] window = new long[64];
    int inWindow = 0;
    long windowStart = start;
    while (true) {
      long t0 = nanoClock.getAsLong();
      call.run();
      long t1 = nanoClock.getAsLong();
      calls++;
      if (inWindow == window.length) {
        window = Arrays.copyOf(window, window.length * 2);
      }
      window[inWindow++] = t1 - t0;
      if (rule.windowFull(t1 - windowStart, inWindow)) {
        medians.add(median(window, inWindow));
        inWindow = 0;
        windowStart = t1;
        if (rule.converged(medians, t1 - start)) {
          return new WarmupRule.Outcome(medians, calls, t1 - start, true);
        }
      }
      if (rule.capped(t1 - start)) {
        return new WarmupRule.Outcome(medians, calls, t1 - start, false);
      }
    }
  }

  private static long median(long[] v, int n) {
    long[] s = Arrays.copyOf(v, n);
    Arrays.sort(s);
    return s[n / 2];
  }
}
