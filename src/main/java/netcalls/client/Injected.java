package netcalls.client;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * A client that does known extra work on the calling thread before every call: allocates about
 * {@code allocBytes} and spends {@code cpuMicros} of CPU. Off by default; a test turns it on to make a
 * regression of known size and check that the cost per call (and a profile) names it.
 */
public final class Injected implements Client {
  /** Keeps the allocation reachable, so the JIT cannot remove it. */
  @SuppressWarnings("unused")
  private static volatile Object sink;
  /** A byte[]'s header, which the allocation of the asked size includes. */
  static final int ARRAY_HEADER = 16;

  private final Client inner;
  private final long allocBytes;
  private final long cpuNanos;

  private Injected(Client inner, long allocBytes, long cpuMicros) {
    this.inner = inner;
    this.allocBytes = allocBytes;
    this.cpuNanos = cpuMicros * 1_000;
  }

  /** {@code inner} itself when both are 0: a run without injection has nothing in its path. */
  public static Client wrap(Client inner, long allocBytes, long cpuMicros) {
    return allocBytes == 0 && cpuMicros == 0 ? inner : new Injected(inner, allocBytes, cpuMicros);
  }

  @Override
  public PreparedRequest prepare(Request request) {
    return inner.prepare(request);
  }

  @Override
  public long call(PreparedRequest request) throws IOException {
    inject();
    return inner.call(request);
  }

  @Override
  public CompletableFuture<Long> callAsync(PreparedRequest request) {
    inject();
    return inner.callAsync(request);
  }

  private void inject() {
    if (allocBytes > 0) {
      allocate(allocBytes);
    }
    if (cpuNanos > 0) {
      burnCpu(cpuNanos);
    }
  }

  /** Allocates one array of about {@code bytes} (header included). */
  static void allocate(long bytes) {
    sink = new byte[(int) Math.max(0, bytes - ARRAY_HEADER)];
  }

  /** Spins on the clock for {@code nanos}: CPU time on this thread, named in a profile by this method. */
  static long burnCpu(long nanos) {
    long end = System.nanoTime() + nanos;
    long spins = 0;
    while (System.nanoTime() < end) {
      spins++;
    }
    return spins;
  }

  @Override
  public void close() {
    inner.close();
  }
}
