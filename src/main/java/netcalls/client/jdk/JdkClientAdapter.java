package netcalls.client.jdk;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import netcalls.client.Calls;
import netcalls.client.Client;
import netcalls.client.HttpStatusException;
import netcalls.client.PreparedRequest;
import netcalls.client.Request;
import netcalls.trace.CallTrace;
import netcalls.trace.SampleRecorder;

/** The JDK client through the facade: {@code send()} and {@code sendAsync()}, traced by {@link JdkTracer}. */
final class JdkClientAdapter implements Client {
  /** Counts the body without keeping it. */
  private static final BodyHandler<Long> COUNT = info -> BodySubscribers.fromSubscriber(new Counter(), Counter::count);

  private final HttpClient client;
  private final boolean keepAlive;
  private final Duration readTimeout;
  private final SampleRecorder recorder;

  JdkClientAdapter(HttpClient client, boolean keepAlive, Duration readTimeout, SampleRecorder recorder) {
    this.client = client;
    this.keepAlive = keepAlive;
    this.readTimeout = readTimeout;
    this.recorder = recorder;
  }

  /** A JDK request, immutable, shared by every JDK client of the trial with the same keep-alive mode. */
  static final class Prepared extends PreparedRequest {
    final HttpRequest http;

    Prepared(Request r, boolean keepAlive, Duration readTimeout) {
      super(r, keepAlive);
      // The JDK client has no read timeout; its request timeout (until the response headers) is the nearest
      HttpRequest.Builder b = HttpRequest.newBuilder(r.uri()).GET();
      if (JdkLibrary.requestTimeout()) {
        b.timeout(readTimeout);
      }
      r.headers().forEach(h -> b.header(h.name(), h.value()));
      if (!keepAlive) {
        b.header("Connection", "close");
      }
      this.http = b.build();
    }
  }

  @Override
  public PreparedRequest prepare(Request r) {
    return new Prepared(r, keepAlive, readTimeout);
  }

  private Prepared own(PreparedRequest p) {
    return PreparedRequest.own(p, Prepared.class, keepAlive, "the JDK HttpClient");
  }

  @Override
  public long call(PreparedRequest request) throws IOException {
    Prepared p = own(request);
    return Calls.traced(recorder, p.request().site(), trace -> {
      try {
        return check(client.send(p.http, JdkTracer.receiving(trace, COUNT)), p.request(), trace);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted during the call");
      }
    });
  }

  @Override
  public CompletableFuture<Long> callAsync(PreparedRequest request) {
    Prepared p = own(request);
    CallTrace trace = recorder == null ? null : recorder.start(p.request().site());
    return client.sendAsync(p.http, JdkTracer.receiving(trace, COUNT)).handle((response, error) -> {
      try {
        if (error != null) {
          throw Calls.rethrow(error);
        }
        long bytes = check(response, p.request(), trace);
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
    JdkTracer.response(trace, response);
    if (!HttpStatusException.isSuccess(response.statusCode())) {
      throw new HttpStatusException(response.statusCode(), r);
    }
    return response.body();
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
