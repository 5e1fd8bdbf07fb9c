package netcalls.client.jdk;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import netcalls.client.Calls;
import netcalls.client.Client;
import netcalls.client.ClientOptions;
import netcalls.client.HttpStatusException;
import netcalls.client.Request;
import netcalls.trace.CallTrace;
import netcalls.run.Phase;
import netcalls.trace.SampleRecorder;

/**
 * The JDK client through the facade: {@code send()} and {@code sendAsync()}. It has no event API:
 * the trace gets the whole duration and, through the body handler (called when the headers
 * arrive), the receiving phase. Whether a connection was reused cannot be seen.
 */
final class JdkClient implements Client {
  private static final int SLOT_KEEP_ALIVE = 4;
  private static final int SLOT_CLOSE = 5;

  private final HttpClient client;
  private final boolean keepAlive;
  private final ClientOptions options;
  private final SampleRecorder recorder;

  JdkClient(HttpClient client, boolean keepAlive, ClientOptions options) {
    this.client = client;
    this.keepAlive = keepAlive;
    this.options = options;
    this.recorder = options.recorder();
  }

  private HttpRequest request(Request r) {
    return r.prepared(keepAlive ? SLOT_KEEP_ALIVE : SLOT_CLOSE, q -> {
      // The JDK client has no read timeout; its request timeout (until the response headers) is the nearest
      HttpRequest.Builder b = HttpRequest.newBuilder(q.uri()).GET().timeout(options.readTimeout());
      if (!keepAlive) {
        b.header("Connection", "close");
      }
      return b.build();
    });
  }

  @Override
  public long call(Request r) throws IOException {
    return Calls.traced(recorder, r, trace -> {
      try {
        return check(client.send(request(r), handler(trace)), r, trace);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted during the call");
      }
    });
  }

  @Override
  public CompletableFuture<Long> callAsync(Request r) {
    CallTrace trace = recorder == null ? null : recorder.start(r);
    return client.sendAsync(request(r), handler(trace)).handle((response, error) -> {
      try {
        if (error != null) {
          throw Calls.rethrow(error);
        }
        long bytes = check(response, r, trace);
        if (trace != null) {
          recorder.finish(trace, null);
        }
        return bytes;
      } catch (IOException | RuntimeException e) {
        if (trace != null) {
          recorder.finish(trace, unwrap(e));
        }
        throw new CompletionException(e);
      }
    });
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  private static long check(HttpResponse<Long> response, Request r, CallTrace trace) throws HttpStatusException {
    if (trace != null) {
      int hops = 0;
      for (var p = response.previousResponse(); p.isPresent(); p = p.get().previousResponse()) {
        hops++;
      }
      trace.redirects(hops);
      trace.status(response.statusCode());
      trace.addBytes(response.body());
    }
    if (!HttpStatusException.isSuccess(response.statusCode())) {
      throw new HttpStatusException(response.statusCode(), r);
    }
    return response.body();
  }

  /** Counts the body without keeping it; the handler's call marks the headers' arrival. */
  private static BodyHandler<Long> handler(CallTrace trace) {
    return info -> {
      if (trace != null) {
        trace.end(Phase.RECEIVING); // a redirect hop's body ends here; the next one begins
        trace.begin(Phase.RECEIVING);
      }
      return BodySubscribers.fromSubscriber(new Counter(), Counter::count);
    };
  }

  private static final class Counter implements Flow.Subscriber<List<ByteBuffer>> {
    private long count;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer b : buffers) {
        count += b.remaining();
      }
    }

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}

    long count() {
      return count;
    }
  }

  /** HttpClient is AutoCloseable from JDK 21; on 17 its threads end once it is unreachable. */
  @Override
  public void close() {
    if (client instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the JDK HttpClient failed", e);
      }
    }
  }
}
