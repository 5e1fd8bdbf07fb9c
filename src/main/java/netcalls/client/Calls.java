package netcalls.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import netcalls.trace.CallSite;
import netcalls.trace.CallTrace;
import netcalls.trace.SampleRecorder;

/** Helpers shared by the adapters: tracing a blocking call, and a bounded wait for an async one. */
public final class Calls {
  private Calls() {}

  /**
   * Waits for an async call, bounded: a library that never completes cannot hang a benchmark.
   * The library's own failure is rethrown as it was (an IOException stays one).
   */
  public static long await(CompletableFuture<Long> call, Duration limit) throws IOException {
    try {
      return call.get(limit.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the call");
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new IOException("call did not complete within " + limit + " (library timeout did not fire)", e);
    } catch (ExecutionException | CompletionException | CancellationException e) {
      throw rethrow(e.getCause() == null ? e : e.getCause());
    }
  }

  /** A blocking call that fills in its trace; the trace is null when tracing is off. */
  @FunctionalInterface
  public interface TracedCall {
    long run(CallTrace trace) throws IOException;
  }

  /** Runs a blocking call and stores its sample, with the failure when it throws. */
  public static long traced(SampleRecorder recorder, CallSite site, TracedCall call) throws IOException {
    CallTrace trace = recorder == null ? null : recorder.start(site);
    try {
      long bytes = call.run(trace);
      if (trace != null) {
        recorder.finish(trace, null);
      }
      return bytes;
    } catch (IOException | RuntimeException e) {
      if (trace != null) {
        recorder.finish(trace, e);
      }
      throw e;
    }
  }

  /** Unwraps future wrappers and returns the failure as an IOException to throw. */
  public static IOException rethrow(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof IOException io) {
      return io;
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error err) {
      throw err;
    }
    return new IOException(t);
  }
}
