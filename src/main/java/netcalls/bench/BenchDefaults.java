package netcalls.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Settings every HTTP benchmark shares. Sampling mode, so results carry percentiles. Each trial first
 * warms up at setup until its calls are steady (ClientTrial#warmUp, capped by {@code --warmup-cap}); JMH's
 * one warmup iteration then only lets the JIT settle JMH's own loop. The measurement is many short
 * iterations, so every fork's series can be classified (flat, warm-up, slowdown, no steady state: see
 * netcalls.steady) and its numbers taken from its steady segment. For a comparison you will publish,
 * add forks ({@code -f 5}), not longer iterations.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 300, timeUnit = TimeUnit.MILLISECONDS)
// 30 windows is the fewest the change-point classification reads (netcalls.steady.SteadyState.MIN_POINTS)
@Measurement(iterations = 30, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {
    // a fixed heap keeps GC sizing out of the comparison between clients
    "-Xms1g", "-Xmx1g",
    // lets the JDK client send Connection: close (no_keepalive); it reads this once, at class load
    "-Djdk.httpclient.allowRestrictedHeaders=connection"})
public abstract class BenchDefaults {}
