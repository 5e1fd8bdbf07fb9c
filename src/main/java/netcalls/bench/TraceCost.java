package netcalls.bench;

import java.util.concurrent.TimeUnit;
import netcalls.run.Leg;
import netcalls.run.Phase;
import netcalls.trace.CallSite;
import netcalls.trace.CallTrace;
import netcalls.trace.SampleRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What tracing adds to one call, without the call: the trace object, a new connection's worth of
 * events (DNS, connect, send, wait, receive; one clock read each) and storing the row. The
 * end-to-end comparison ({@code RequestLatency -p trace=on,off}, {@code scripts/trace-overhead.sh})
 * cannot resolve a few percent on a shared 2-core machine, where forks differ by ±8 %; this can.
 * A fresh store per iteration (an iteration's 500 ms of calls fits in it), so every measured call
 * is really stored. Average time in ns, not the HTTP benchmarks' SampleTime: a clock read per
 * operation would be a sizeable part of what is measured here.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar TraceCost}. Expect a few hundred nanoseconds:
 * well under 1 % of the fastest loopback call (about 50 µs).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
// the store for an iteration's calls is large: size the heap so GC stays out of the way
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class TraceCost {
  private static final int CAP = 12_000_000;

  private final CallSite site = new CallSite(Leg.single, "localhost:8080", "bytes");
  private SampleRecorder recorder;

  @Setup(Level.Iteration)
  public void freshStore() {
    recorder = null; // let the last one go before making the next
    recorder = new SampleRecorder(CAP);
    recorder.measuring(true);
  }

  @Benchmark
  public CallTrace newConnectionCall() {
    CallTrace t = recorder.start(site);
    t.begin(Phase.DNS);
    t.end(Phase.DNS);
    t.connected();
    t.begin(Phase.CONNECTING);
    t.end(Phase.CONNECTING);
    t.begin(Phase.SENDING);
    t.next(Phase.SENDING, Phase.WAITING);
    t.next(Phase.WAITING, Phase.RECEIVING);
    t.status(200);
    t.addBytes(1024);
    t.end(Phase.RECEIVING);
    recorder.finish(t, null);
    return t;
  }

  /** JMH checks nothing was dropped: a dropped call would be cheaper and flatter the result. */
  @TearDown(Level.Iteration)
  public void allStored() {
    if (recorder.dropped() > 0) {
      throw new IllegalStateException(recorder.dropped() + " calls found the store full: raise CAP");
    }
  }
}
