package netcalls.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Settings every HTTP benchmark shares. Sampling mode, so results carry percentiles. The defaults
 * keep the whole default suite near four minutes on two cores; for a comparison you will publish,
 * raise them on the command line ({@code -f 3 -wi 5 -i 10 -r 2s}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// half-second iterations keep the default suite (five clients) near four minutes on two cores
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {
    // a fixed heap keeps GC sizing out of the comparison between clients
    "-Xms1g", "-Xmx1g",
    // lets the JDK client send Connection: close (no_keepalive); it reads this once, at class load
    "-Djdk.httpclient.allowRestrictedHeaders=connection"})
public abstract class BenchDefaults {}
