package netcalls.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import netcalls.steady.WarmupRule;
import netcalls.client.Client;
import netcalls.client.ClientKind;
import netcalls.client.ClientLibrary;
import netcalls.client.ClientOptions;
import netcalls.client.PreparedRequest;
import netcalls.client.Request;
import netcalls.client.Strategy;
import netcalls.client.TlsTrust;
import org.HdrHistogram.Histogram;

/**
 * The baseline of {@code scripts/harness-vs-bare.sh}: one client's {@code reuse} call in a plain
 * {@code System.nanoTime()} loop, without JMH and without tracing. It builds the client, the
 * prepared request and the body check exactly as {@link RequestLatency} does, so the only
 * difference between the two is the harness. Not a JMH benchmark.
 *
 * <p>{@code java -cp target/benchmarks.jar netcalls.bench.BareLoop CLIENT URL WARMUP_S MEASURE_S SIZE}
 * prints one line of JSON: {@code {"client":..,"count":..,"p50_us":..,"p99_us":..}}. A failed call
 * ends the loop with exit 1 (it is never a completed operation); bad arguments exit 2.
 */
public final class BareLoop {
  private BareLoop() {}

  public static void main(String[] args) {
    if (args.length != 5) {
      System.err.println("usage: BareLoop CLIENT URL WARMUP_SECONDS MEASURE_SECONDS SIZE");
      System.exit(2);
    }
    ClientKind kind;
    URI base;
    long warmup;
    long measure;
    int size;
    try {
      kind = ClientKind.parse(args[0]);
      base = URI.create(args[1]);
      warmup = Long.parseLong(args[2]);
      measure = Long.parseLong(args[3]);
      size = Integer.parseInt(args[4]);
      if (warmup < 0 || measure < 1 || size < 0 || base.getScheme() == null) {
        throw new IllegalArgumentException("seconds must be >= 0 (warmup) and >= 1 (measure), the URL absolute");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("BareLoop: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      Histogram h = run(kind, base, size, TimeUnit.SECONDS.toNanos(warmup), TimeUnit.SECONDS.toNanos(measure));
      System.out.println(json(kind, h));
    } catch (IOException | RuntimeException e) {
      System.err.println("BareLoop: " + kind + " against " + base + " failed: " + e);
      System.exit(1);
    }
  }

  /**
   * Warms up as a benchmark trial does, until the calls stop getting faster ({@link SteadyWarmup}, capped at
   * {@code warmupNanos}), so both sides of the comparison are at steady state; then records every call's
   * nanoseconds until {@code measureNanos} more have passed. Tracing is off: the options carry no recorder.
   */
  static Histogram run(ClientKind kind, URI base, int size, long warmupNanos, long measureNanos) throws IOException {
    ClientOptions options = ClientOptions.defaults(TlsTrust.platform());
    try (ClientLibrary library = kind.open(options); Client http = Strategy.reuse.open(kind, library)) {
      PreparedRequest request = http.prepare(Request.get(base, "/bytes/" + size));
      check(http.call(request), size, request); // one real call must succeed first, as in RequestLatency
      SteadyWarmup.run(() -> check(http.call(request), size, request), WarmupRule.DEFAULT.withCap(warmupNanos),
          System::nanoTime);
      Histogram h = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
      long end = System.nanoTime() + measureNanos;
      long now = System.nanoTime();
      while (now < end) {
        long t0 = now;
        check(http.call(request), size, request);
        now = System.nanoTime();
        h.recordValue(Math.min(now - t0, h.getHighestTrackableValue()));
      }
      return h;
    }
  }

  private static void check(long bytes, int size, PreparedRequest request) throws IOException {
    if (bytes != size) {
      throw new IOException("expected " + size + " body bytes from " + request + ", read " + bytes);
    }
  }

  static String json(ClientKind kind, Histogram h) {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("client", kind.name());
    o.put("count", h.getTotalCount());
    o.put("p50_us", round(h.getValueAtPercentile(50) / 1000.0));
    o.put("p99_us", round(h.getValueAtPercentile(99) / 1000.0));
    return o.toString();
  }

  private static double round(double v) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.3f", v));
  }
}
