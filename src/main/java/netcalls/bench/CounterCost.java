package netcalls.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one read of the cost counters costs ({@link CostCounters#take}), without going through latency: a trial
 * reads them twice, outside the measured path (CostCountersRuleTest holds that), so their cost per call is at most
 * 2 × this / the trial's measured calls (docs/COST.md). {@code threads} live threads beside JMH's own, as a
 * trial's client and server pools add them.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar CounterCost}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class CounterCost {
  @Param({"20", "100"})
  public int threads;

  private final CountDownLatch done = new CountDownLatch(1);
  private final List<Thread> parked = new ArrayList<>();

  @Setup(Level.Trial)
  public void startThreads() {
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(() -> {
        try {
          done.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "counter-cost-" + i);
      t.setDaemon(true);
      t.start();
      parked.add(t);
    }
  }

  @Benchmark
  public CostCounters.Snapshot snapshot() {
    return CostCounters.take();
  }

  @TearDown(Level.Trial)
  public void stopThreads() {
    done.countDown();
  }
}
